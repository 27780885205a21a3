using System.Net;
using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Access;

/// <summary>The JWT's own dates hold, and tokens travel only in the Authorization header.</summary>
[Collection(SandboxCollection.Name)]
public sealed class TokenRulesTests(SandboxFixture sandbox)
{
    private const string Me = "{ me { office } }";

    private static long UnixSeconds(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeSeconds();

    /// <summary>A real token from the token endpoint (so its token-store entry is alive), its dates changed and signed again with the server's key.</summary>
    private async Task<string> RealTokenResigned(Action<JsonObject> change)
    {
        var (status, body) = await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default));
        Assert.Equal(200, status);
        return TokenForgery.Resign(body["access_token"]!.GetValue<string>(), TokenForgery.RealSigningKey(sandbox), change);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, string Challenge)> AskWho(string token)
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = Me }), token: token);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.WwwAuthenticate.ToString());
    }

    private static void AssertUnauthenticated((HttpStatusCode Status, JsonObject Body, string Challenge) answer, string message)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.StartsWith("Bearer", answer.Challenge, StringComparison.Ordinal);
        var error = Assert.Single(answer.Body["errors"]!.AsArray())!.AsObject();
        Assert.Equal("UNAUTHENTICATED", error.Code());
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(answer.Body["data"]);
    }

    [Fact]
    public async Task a_real_token_signed_again_unchanged_is_still_accepted()
    {
        var token = await RealTokenResigned(_ => { });

        var (status, body, _) = await AskWho(token);

        Assert.Equal(HttpStatusCode.OK, status);
        Given.AssertJson("""{ "me": { "office": "EP" } }""", body["data"]);
    }

    [Fact]
    public async Task a_real_token_re_signed_with_an_expiry_ten_minutes_ago_is_refused()
    {
        var token = await RealTokenResigned(payload => payload["exp"] = UnixSeconds(TimeSpan.FromMinutes(-10)));

        AssertUnauthenticated(await AskWho(token), "expired");
    }

    [Fact]
    public async Task a_real_token_re_signed_to_start_in_the_future_is_refused()
    {
        var token = await RealTokenResigned(payload => payload["nbf"] = UnixSeconds(TimeSpan.FromMinutes(10)));

        AssertUnauthenticated(await AskWho(token), "not valid yet");
    }

    [Fact]
    public async Task a_real_token_re_signed_without_an_expiry_is_refused()
    {
        var token = await RealTokenResigned(payload => payload.Remove("exp"));

        AssertUnauthenticated(await AskWho(token), "expiry");
    }

    [Fact]
    public async Task a_token_in_the_graphql_query_string_is_refused_for_get_and_post()
    {
        var token = await sandbox.TokenFor(Clients.Default);
        var url = $"/graphql?query={Uri.EscapeDataString(Me)}&access_token={token}";

        var get = await sandbox.Send(HttpMethod.Get, url, token: null);
        var post = await sandbox.Send(HttpMethod.Post, $"/graphql?access_token={token}", SandboxFixture.Json(new { query = Me }), token: null);

        foreach (var response in new[] { get, post })
        {
            AssertUnauthenticated(
                (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.WwwAuthenticate.ToString()),
                "only in the Authorization header");
            Assert.Contains("error=\"invalid_request\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_token_in_the_query_string_is_refused_even_beside_a_good_header()
    {
        var token = await sandbox.TokenFor(Clients.Default);

        var response = await sandbox.Send(HttpMethod.Post, $"/graphql?access_token={token}", SandboxFixture.Json(new { query = Me }), token: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task a_token_in_a_form_body_is_refused()
    {
        var token = await sandbox.TokenFor(Clients.Default);
        var form = $"access_token={token}&query={Uri.EscapeDataString(Me)}";

        var response = await sandbox.Send(HttpMethod.Post, "/graphql", form, "application/x-www-form-urlencoded", token: null);

        AssertUnauthenticated(
            (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.WwwAuthenticate.ToString()),
            "only in the Authorization header");
    }

    [Fact]
    public async Task a_governance_token_in_the_audit_export_url_is_refused()
    {
        var token = await sandbox.TokenFor(Clients.Governance);

        var response = await sandbox.Send(HttpMethod.Get, $"/audit/export?format=csv&access_token={token}", token: null);

        AssertUnauthenticated(
            (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.WwwAuthenticate.ToString()),
            "only in the Authorization header");
    }
}
