using System.Net;
using System.Web;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>People sign in to the console through the sandbox's own authorization server, and out again.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ConsoleSignInTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task a_visitor_without_a_session_is_sent_to_sign_in_with_pkce_state_and_nonce()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var response = await visitor.Get("/console/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("http://localhost/connect/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            ("gid-console", "code", "http://localhost/console/signed-in", "S256"),
            (query["client_id"], query["response_type"], query["redirect_uri"], query["code_challenge_method"]));
        Assert.All(new[] { query["code_challenge"], query["state"], query["nonce"] }, value => Assert.False(string.IsNullOrEmpty(value)));
        Assert.Equal("openid offline_access gid:read gid:write gid:merge audit:read governance:admin applicant:self", query["scope"]);
    }

    [Theory]
    [InlineData("reviewer", "IB", "GOVERNANCE", "governance:admin")]
    [InlineData("examiner-ep", "EP", "OFFICE", "gid:merge")]
    [InlineData("analyst-inta", "INTA", "ASSOCIATION", "gid:read")]
    public async Task each_role_signs_in_and_sees_its_office_role_and_scopes(string username, string office, string role, string scope)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var home = await visitor.SignInToConsole(username);
        var html = await home.Content.ReadAsStringAsync();

        Assert.True(home.StatusCode == HttpStatusCode.OK, $"{home.StatusCode} at {home.RequestMessage!.RequestUri} after {string.Join(" > ", visitor.Trail)}: {html}");
        Assert.Equal("http://localhost/console/", home.RequestMessage!.RequestUri!.ToString());
        Assert.Contains($"<dt>Office</dt><dd>{office}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Role</dt><dd>{role}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<code>{scope}</code>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>User</dt><dd>{username}</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewer", true)]
    [InlineData("examiner-ep", false)]
    [InlineData("analyst-inta", false)]
    public async Task the_navigation_offers_the_audit_trail_and_dashboards_only_to_those_whose_token_may_read_them(string username, bool offered)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var html = await (await visitor.SignInToConsole(username)).Content.ReadAsStringAsync();
        var nav = html[html.IndexOf("<nav", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];

        Assert.Contains("href=\"/console/search\"", nav, StringComparison.Ordinal);
        Assert.Equal(offered, nav.Contains("href=\"/console/audit\"", StringComparison.Ordinal));
        Assert.Equal(offered, nav.Contains("href=\"/console/dashboards\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_session_cookie_is_http_only_and_scoped_to_the_console()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        await visitor.SignInToConsole("examiner-ep");
        var cookie = visitor.Cookie("gid-console");

        Assert.NotNull(cookie);
        Assert.Equal(("/console", true), (cookie.Path, cookie.HttpOnly));
        // The access token is encrypted, not readable: no JSON Web Token's header and payload ("eyJ…" is base64 of '{"'),
        // which a random encrypted value holds by chance once in a hundred or so as three letters, but never with the dot between.
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]+\.eyJ", cookie.Value);
    }

    [Fact]
    public async Task signing_out_ends_the_console_session_and_the_sign_in_page_session()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var home = await visitor.SignInToConsole("examiner-ep");

        var signedOut = await visitor.Follow(await visitor.Submit(home, "/console/sign-out", new Dictionary<string, string>()));
        var again = await visitor.Visit("/console/");

        Assert.Equal("http://localhost/console/signed-out", signedOut.RequestMessage!.RequestUri!.ToString());
        Assert.Contains("You are signed out", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(visitor.Cookie("gid-console"));
        Assert.Equal("/account/sign-in", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task a_session_renews_its_access_token_and_the_new_token_speaks_for_the_same_person()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole("examiner-ep");

        var renewed = await visitor.Send(new HttpRequestMessage(HttpMethod.Post, new Uri(visitor.BaseAddress, "/console/session/renew")));
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await renewed.Content.ReadAsStringAsync())!;
        using var me = new HttpRequestMessage(HttpMethod.Post, new Uri(visitor.BaseAddress, "/graphql"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ me { office role } }" }),
        };
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", answer["accessToken"]!.GetValue<string>());
        var who = await (await visitor.Send(me)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.True(DateTimeOffset.Parse(answer["sessionEnds"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Contains("\"office\":\"EP\"", who, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"OFFICE\"", who, StringComparison.Ordinal);
        // The page still opens with the session's renewed token.
        Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/console/")).StatusCode);
    }

    [Fact]
    public async Task renewing_is_refused_without_a_session_and_after_signing_out()
    {
        using var stranger = new ConsoleVisitor(sandbox);
        using var visitor = new ConsoleVisitor(sandbox);
        var home = await visitor.SignInToConsole("examiner-ep");
        var session = visitor.Cookie("gid-console")!;
        await visitor.Follow(await visitor.Submit(home, "/console/sign-out", new Dictionary<string, string>()));
        // The session cookie as it was before signing out: its refresh token was revoked with the access token.
        visitor.Cookies.Add(new Cookie(session.Name, session.Value, session.Path, session.Domain));

        var noSession = await stranger.Send(new HttpRequestMessage(HttpMethod.Post, new Uri(stranger.BaseAddress, "/console/session/renew")));
        var signedOut = await visitor.Send(new HttpRequestMessage(HttpMethod.Post, new Uri(visitor.BaseAddress, "/console/session/renew")));

        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Fact]
    public async Task an_api_client_gets_no_refresh_token_and_may_not_use_the_refresh_grant()
    {
        var token = await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default), "gid:read offline_access");
        var refresh = await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = "a-guess",
                ["client_id"] = Clients.Default,
                ["client_secret"] = Clients.SecretOf(Clients.Default),
            }).ToUrl("/connect/token");
            s.StatusCodeShouldBe(400);
        });

        Assert.Null(token.Body["refresh_token"]);
        Assert.Matches("\"error\": ?\"(unauthorized_client|invalid_grant)\"", await refresh.ReadAsTextAsync());
    }

    [Fact]
    public async Task an_office_that_has_not_accepted_the_terms_is_shown_them_and_accepts_them()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var terms = await visitor.SignInToConsole("examiner-us");
        var termsHtml = await terms.Content.ReadAsStringAsync();
        var version = System.Text.RegularExpressions.Regex.Match(termsHtml, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        var sha256 = System.Text.RegularExpressions.Regex.Match(termsHtml, "name=\"sha256\" value=\"([^\"]+)\"").Groups[1].Value;
        var accepted = await visitor.Follow(await visitor.Submit(terms, "/console/terms", new Dictionary<string, string> { ["version"] = version, ["sha256"] = sha256 }));

        Assert.Equal("http://localhost/console/terms", terms.RequestMessage!.RequestUri!.ToString());
        Assert.True(termsHtml.Contains("has not accepted the Terms of Use in force", StringComparison.Ordinal), $"{terms.StatusCode} {terms.Content.Headers} {terms.Headers} {string.Join(" > ", visitor.Trail)} {termsHtml}");
        Assert.Contains("Accept the Terms of Use for US", termsHtml, StringComparison.Ordinal);
        Assert.True(accepted.RequestMessage!.RequestUri!.ToString() == "http://localhost/console/", $"{accepted.StatusCode} {accepted.RequestMessage.RequestUri} {await accepted.Content.ReadAsStringAsync()}");
        Assert.Contains("<dt>Terms of Use</dt><dd>ACCEPTED", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_redirect_uri_on_another_host_is_refused_even_with_the_registered_path()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var challenge = (await visitor.Get("/console/")).Headers.Location!.ToString();

        var response = await visitor.Get(challenge.Replace(
            Uri.EscapeDataString("http://localhost/console/signed-in"), Uri.EscapeDataString("http://evil.example/console/signed-in"), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/console/\t/evil.example/")]
    [InlineData("/console/\\\\evil.example/")]
    [InlineData("//evil.example/console/")]
    [InlineData("/%2F%2Fevil.example/console/")]
    public async Task signing_in_to_the_console_ends_on_the_console_whatever_the_return_url_says(string returnUrl)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var landed = await visitor.Visit($"/console/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", "examiner-ep");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("http://localhost/console/", visitor.Trail[^1].ToString());
        Assert.All(visitor.Trail, hop => Assert.Equal("localhost", hop.Host));
    }
}
