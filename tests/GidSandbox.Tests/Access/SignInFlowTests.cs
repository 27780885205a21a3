using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace GidSandbox.Tests.Access;

/// <summary>People sign in through the authorization code flow with PKCE, as a browser would.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class SignInFlowTests(SandboxFixture sandbox)
{
    private const string RedirectUri = "http://localhost:5000/console/signed-in";

    private HttpClient NewBrowser() => new(new Browser(sandbox.Host.Server.CreateHandler())) { BaseAddress = sandbox.Host.Server.BaseAddress };

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string AuthorizeUrl(string challenge, string scope = "gid:read gid:write") =>
        $"/connect/authorize?client_id=gid-console&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
        $"&scope={Uri.EscapeDataString(scope)}&state=s-123&code_challenge={challenge}&code_challenge_method=S256";

    internal static async Task<HttpResponseMessage> SignIn(HttpClient browser, string returnUrl, string username, string password)
    {
        var page = await (await browser.GetAsync(new Uri($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative))).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["returnUrl"] = returnUrl,
            ["username"] = username,
            ["password"] = password,
        }));
    }

    private static async Task<string> CodeFor(HttpClient browser, string challenge, string username, string password, string scope = "gid:read gid:write")
    {
        var first = await browser.GetAsync(new Uri(AuthorizeUrl(challenge, scope), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", first.Headers.Location!.ToString(), StringComparison.Ordinal);

        var signedIn = await SignIn(browser, AuthorizeUrl(challenge, scope), username, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var authorized = await browser.GetAsync(signedIn.Headers.Location!);
        var location = authorized.Headers.Location!.ToString();
        Assert.StartsWith(RedirectUri, location, StringComparison.Ordinal);
        Assert.Contains("state=s-123", location, StringComparison.Ordinal);
        return Uri.UnescapeDataString(CodeParameter().Match(location).Groups[1].Value);
    }

    private async Task<(int Status, JsonObject Body)> Redeem(string code, string verifier)
    {
        var result = await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = "gid-console",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = verifier,
            }).ToUrl("/connect/token");
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject());
    }

    [Fact]
    public async Task an_examiner_signs_in_with_pkce_and_calls_the_api_as_their_office()
    {
        using var browser = NewBrowser();
        var (verifier, challenge) = Pkce();

        var code = await CodeFor(browser, challenge, "examiner-ep", "examiner-ep-sandbox-password");
        var (status, body) = await Redeem(code, verifier);
        var token = body["access_token"]!.GetValue<string>();
        var me = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ me { office clientId name role scopes } }" }), token: token);

        Assert.Equal(200, status);
        Given.AssertJson("""
            { "me": { "office": "EP", "clientId": "gid-console", "name": "examiner-ep", "role": "OFFICE", "scopes": ["gid:read", "gid:write"] } }
            """, JsonNode.Parse(await me.Content.ReadAsStringAsync())!["data"]);
    }

    [Fact]
    public async Task a_person_gets_only_the_scopes_they_hold_whatever_the_console_asks_for()
    {
        using var browser = NewBrowser();
        var (verifier, challenge) = Pkce();

        var code = await CodeFor(browser, challenge, "analyst-inta", "analyst-inta-sandbox-password", "gid:read gid:write gid:merge");
        var (_, body) = await Redeem(code, verifier);

        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(body["access_token"]!.GetValue<string>().Split('.')[1]))!;
        Assert.Equal("gid:read", payload["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_code_needs_its_own_verifier_and_works_once()
    {
        using var browser = NewBrowser();
        var (verifier, challenge) = Pkce();
        var code = await CodeFor(browser, challenge, "examiner-jp", "examiner-jp-sandbox-password");

        var wrongVerifier = await Redeem(code, Pkce().Verifier);
        var redeemed = await Redeem(code, verifier);
        var replayed = await Redeem(code, verifier);

        Assert.Equal((400, "invalid_grant"), (wrongVerifier.Status, wrongVerifier.Body["error"]!.GetValue<string>()));
        Assert.Equal(200, redeemed.Status);
        Assert.Equal((400, "invalid_grant"), (replayed.Status, replayed.Body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task an_id_token_is_not_an_access_token()
    {
        using var browser = NewBrowser();
        var (verifier, challenge) = Pkce();
        var code = await CodeFor(browser, challenge, "examiner-ep", "examiner-ep-sandbox-password", "openid gid:read");
        var (_, body) = await Redeem(code, verifier);

        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ me { office } }" }), token: body["id_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task a_wrong_password_signs_nobody_in()
    {
        using var browser = NewBrowser();

        var response = await SignIn(browser, "/", "examiner-ep", "guess");
        var retry = await browser.GetAsync(new Uri(AuthorizeUrl(Pkce().Challenge), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/sign-in", retry.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/\r\n/evil.example/")]
    [InlineData("\t//evil.example/")]
    [InlineData(" //evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("/%2F/evil.example/")]
    [InlineData("/%5Cevil.example/")]
    [InlineData("/%09/evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/console/\\..\\..\\evil")]
    public async Task sign_in_never_redirects_off_the_sandbox(string returnUrl)
    {
        using var browser = NewBrowser();

        var response = await SignIn(browser, returnUrl, "examiner-ep", "examiner-ep-sandbox-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/console/identities/GID-1234-5678-9012-345X?tab=history")]
    [InlineData("/connect/authorize?client_id=gid-console&redirect_uri=http%3A%2F%2Flocalhost%2Fconsole%2Fsigned-in&scope=gid%3Aread%20gid%3Awrite")]
    public async Task sign_in_returns_to_a_path_of_the_sandbox(string returnUrl)
    {
        using var browser = NewBrowser();

        var response = await SignIn(browser, returnUrl, "examiner-ep", "examiner-ep-sandbox-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task discovery_offers_pkce_with_s256_only()
    {
        var response = await sandbox.Send(HttpMethod.Get, "/.well-known/openid-configuration", token: null);
        var discovery = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(["S256"], discovery["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [InlineData("&code_challenge_method=plain")]
    [InlineData("")]
    public async Task a_plain_pkce_challenge_or_one_without_a_method_is_refused(string method)
    {
        using var browser = NewBrowser();
        var verifier = Pkce().Verifier;
        var url = AuthorizeUrl(verifier).Replace("&code_challenge_method=S256", method, StringComparison.Ordinal);

        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {response.Headers.Location} {body}");
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        using var browser = NewBrowser();

        var response = await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["username"] = "examiner-ep",
            ["password"] = "examiner-ep-sandbox-password",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task a_redirect_uri_the_console_did_not_register_is_refused()
    {
        using var browser = NewBrowser();
        var url = AuthorizeUrl(Pkce().Challenge).Replace(Uri.EscapeDataString(RedirectUri), Uri.EscapeDataString("https://evil.example/cb"), StringComparison.Ordinal);

        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();
}
