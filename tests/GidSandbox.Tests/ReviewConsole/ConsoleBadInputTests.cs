using System.Net;
using GidSandbox.ReviewConsole;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>Forged, stale and hostile requests to the console are refused or made harmless.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ConsoleBadInputTests(SandboxFixture sandbox)
{
    [Theory]
    [InlineData("/console/")]
    [InlineData("/console/terms")]
    [InlineData("/console/graphiql")]
    [InlineData("/console/identities/GID-1234-5678-9012-345X")]
    public async Task every_console_page_sends_a_visitor_without_a_session_to_sign_in(string page)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var response = await visitor.Get(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/connect/authorize", response.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task a_tampered_session_cookie_is_no_session()
    {
        var session = await SessionCookieOf("examiner-ep");
        var tampered = session[..40] + (session[40] == 'A' ? 'B' : 'A') + session[41..];

        var genuine = await GetWithSession("/console/", session);
        var forged = await GetWithSession("/console/", tampered);

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("Your session has expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_expired_session_cookie_is_no_session()
    {
        var format = sandbox.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleRegistration.SessionScheme).TicketDataFormat;
        var ticket = format.Unprotect(await SessionCookieOf("examiner-ep"))!;
        ticket.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(-1);

        var response = await GetWithSession("/console/", format.Protect(ticket));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Your session has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_sign_in_answer_with_a_forged_state_is_refused()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.Get("/console/");

        var response = await visitor.Get("/console/signed-in?code=stolen-code&state=forged-state");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign-in could not be completed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(visitor.Cookie("gid-console"));
    }

    [Fact]
    public async Task a_sign_in_answer_meant_for_another_browser_is_refused()
    {
        using var victim = new ConsoleVisitor(sandbox);
        using var attacker = new ConsoleVisitor(sandbox);
        await victim.Get("/console/");
        var attackersCallback = await attacker.CallbackFor("examiner-ep");

        var response = await victim.Get(attackersCallback.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(victim.Cookie("gid-console"));
    }

    [Fact]
    public async Task an_id_token_whose_nonce_this_browser_never_sent_is_refused()
    {
        using var victim = new ConsoleVisitor(sandbox);
        using var attacker = new ConsoleVisitor(sandbox);
        await victim.Get("/console/");
        var callback = await attacker.CallbackFor("examiner-ep");
        // The state matches (the attacker's correlation cookie is planted too); only the nonce differs.
        foreach (var cookie in attacker.Cookies.GetAllCookies().Where(c => c.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)))
        {
            victim.Cookies.Add(cookie);
        }

        var response = await victim.Get(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign-in could not be completed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(victim.Cookie("gid-console"));
    }

    [Theory]
    [InlineData("https://evil.example/console/", "/console/")]
    [InlineData("//evil.example/console/", "/console/")]
    [InlineData("/\\evil.example/console/", "/console/")]
    [InlineData("/account/sign-in", "/console/")]
    [InlineData("/console/../account/sign-in", "/console/")]
    [InlineData("/console/terms", "/console/terms")]
    public async Task signing_in_returns_only_to_a_console_page(string returnUrl, string landing)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.Visit($"/console/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", "examiner-ep");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("http://localhost" + landing, page.RequestMessage!.RequestUri!.ToString());
    }

    [Theory]
    [InlineData("/console/terms")]
    [InlineData("/console/sign-out")]
    [InlineData("/console/identities/{gid}/names")]
    public async Task every_console_form_refuses_a_post_without_its_antiforgery_token(string action)
    {
        var identity = await sandbox.ALegalEntity($"Antiforgery {Given.UniqueWord()} Test GmbH", "DE");
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole("examiner-ep");

        var response = await visitor.Post(action.Replace("{gid}", identity.Gid(), StringComparison.Ordinal), new Dictionary<string, string>
        {
            ["text"] = "Forged Name",
            ["script"] = "Latn",
            ["type"] = "ALIAS",
            ["version"] = "1.0",
            ["sha256"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not come from this site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(identity.Version(), (await sandbox.Identity(identity.Gid()))!.Version());
        Assert.NotNull(visitor.Cookie("gid-console"));
    }

    [Fact]
    public async Task console_pages_allow_no_script_but_the_sandboxs_own_files()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var home = await visitor.SignInToConsole("examiner-ep");

        Assert.Contains("script-src 'self';", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private async Task<string> SessionCookieOf(string username)
    {
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole(username);
        return visitor.Cookie("gid-console")!.Value;
    }

    private async Task<HttpResponseMessage> GetWithSession(string url, string session)
    {
        using var visitor = new ConsoleVisitor(sandbox);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(visitor.BaseAddress, url));
        request.Headers.Add("Cookie", $"gid-console={session}");
        return await visitor.Send(request);
    }
}
