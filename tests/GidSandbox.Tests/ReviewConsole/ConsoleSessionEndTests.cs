using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using GidSandbox.ReviewConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>A console session ends for good: signing out revokes its token, and an ended session says so and asks for the password again.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ConsoleSessionEndTests(SandboxFixture sandbox)
{
    private const string PeopleCookie = ".AspNetCore.Cookies";

    [Fact]
    public async Task signing_out_revokes_the_access_token_so_the_api_refuses_a_copy_taken_before()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var home = await visitor.SignInToConsole("examiner-ep");
        var token = Ticket(visitor).Properties.GetTokenValue("access_token")!;
        var before = await Me(token);

        await visitor.Follow(await visitor.Submit(home, "/console/sign-out", new Dictionary<string, string>()));
        var after = await Me(token);

        Assert.Equal((HttpStatusCode.OK, "EP"), (before.Status, before.Body["data"]?["me"]?["office"]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("UNAUTHENTICATED", after.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(visitor.Cookie(ConsoleRegistration.SessionCookie));
    }

    [Fact]
    public async Task an_expired_session_says_so_and_signing_in_again_asks_for_the_password()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole("reviewer");
        var expired = Ticket(visitor);
        expired.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddSeconds(-1);
        visitor.Cookies.Add(new Cookie(ConsoleRegistration.SessionCookie, Format().Protect(expired), "/console", "localhost"));
        Assert.NotNull(visitor.Cookie(PeopleCookie)); // the sign-in page's own session is still alive

        var page = await visitor.Get("/console/dashboards?from=x");
        var html = await page.Content.ReadAsStringAsync();
        var sessionAfterExpiry = visitor.Cookie(ConsoleRegistration.SessionCookie);
        var again = await visitor.Visit("/console/sign-in?returnUrl=%2Fconsole%2Fdashboards%3Ffrom%3Dx");
        var authorize = HttpUtility.ParseQueryString(visitor.Trail[0].Query);
        var back = await visitor.Visit("/console/sign-in?returnUrl=%2Fconsole%2Fdashboards%3Ffrom%3Dx", "reviewer");

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<h1>Your session has expired</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/console/sign-in?returnUrl=%2Fconsole%2Fdashboards%3Ffrom%3Dx\">Sign in again</a>", html, StringComparison.Ordinal);
        Assert.Null(sessionAfterExpiry);
        Assert.Equal("login", authorize["prompt"]);
        Assert.Equal(("/account/sign-in", HttpStatusCode.OK), (again.RequestMessage!.RequestUri!.AbsolutePath, again.StatusCode));
        Assert.Contains("<label for=\"password\">Password</label>", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("http://localhost/console/dashboards?from=x", back.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task a_session_whose_token_the_api_no_longer_accepts_says_it_has_expired()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole("examiner-ep");
        var revoked = await sandbox.Host.Server.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = Ticket(visitor).Properties.GetTokenValue("access_token")!,
            ["token_type_hint"] = "access_token",
            ["client_id"] = "gid-console",
        }));

        var page = await visitor.Get("/console/terms");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<h1>Your session has expired</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(visitor.Cookie(ConsoleRegistration.SessionCookie));
    }

    [Fact]
    public async Task signing_in_with_no_session_asks_for_the_password_even_while_the_sign_in_page_session_lives()
    {
        using var earlier = new ConsoleVisitor(sandbox);
        await earlier.SignInToConsole("examiner-ep");
        using var visitor = new ConsoleVisitor(sandbox);
        visitor.Cookies.Add(earlier.Cookie(PeopleCookie)!);

        var page = await visitor.Visit("/console/");

        Assert.Equal(("/account/sign-in", HttpStatusCode.OK), (page.RequestMessage!.RequestUri!.AbsolutePath, page.StatusCode));
        Assert.Null(visitor.Cookie(ConsoleRegistration.SessionCookie));
    }

    private ISecureDataFormat<AuthenticationTicket> Format() =>
        sandbox.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleRegistration.SessionScheme).TicketDataFormat;

    private AuthenticationTicket Ticket(ConsoleVisitor visitor) => Format().Unprotect(visitor.Cookie(ConsoleRegistration.SessionCookie)!.Value)!;

    private async Task<(HttpStatusCode Status, JsonObject Body)> Me(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ me { office } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var response = await sandbox.Host.Server.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
