using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace GidSandbox.Tests.Access;

[Collection(SandboxCollection.Name)]
public sealed class AuthenticationTests(SandboxFixture sandbox)
{
    private const string Register = """
        mutation { registerLegalEntity(input: { names: [{ text: "Token Test GmbH", script: "Latn" }], country: "DE" }) { identity { gid } } }
        """;

    private async Task<string> Issuer()
    {
        var response = await sandbox.Send(HttpMethod.Get, "/.well-known/openid-configuration", token: null);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["issuer"]!.GetValue<string>();
    }

    private async Task AssertRefused(string? token, string? expectedInMessage = null)
    {
        var streams = await sandbox.CountStreams();

        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = Register }), token: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!.AsObject();
        Assert.Equal("UNAUTHENTICATED", error.Code());
        if (expectedInMessage is not null)
        {
            Assert.Contains(expectedInMessage, error["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(streams, await sandbox.CountStreams());
    }

    [Fact]
    public async Task the_discovery_document_names_the_token_introspection_revocation_and_key_endpoints()
    {
        var response = await sandbox.Send(HttpMethod.Get, "/.well-known/openid-configuration", token: null);
        var discovery = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.EndsWith("/connect/token", discovery["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/introspect", discovery["introspection_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/revoke", discovery["revocation_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(discovery["jwks_uri"]);
        Assert.Contains("client_credentials", discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task a_request_without_a_token_is_unauthenticated()
    {
        await AssertRefused(token: null, expectedInMessage: "/connect/token");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")]
    public async Task a_malformed_token_is_unauthenticated(string token)
    {
        await AssertRefused(token);
    }

    [Fact]
    public async Task an_unsigned_alg_none_token_is_unauthenticated()
    {
        await AssertRefused(TokenForgery.WithoutSignature(await Issuer()));
    }

    [Fact]
    public async Task a_tampered_token_is_unauthenticated()
    {
        var token = await sandbox.TokenFor(Clients.Association);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["scope"] = "gid:read gid:write gid:merge";

        await AssertRefused($"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}");
    }

    [Fact]
    public async Task tokens_signed_by_another_key_for_another_audience_or_from_another_issuer_are_unauthenticated()
    {
        var issuer = await Issuer();
        var realKey = TokenForgery.RealSigningKey(sandbox);
        var otherKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = realKey.KeyId };
        var now = DateTime.UtcNow;

        await AssertRefused(TokenForgery.Sign(otherKey, issuer, "gid-api", now, now.AddMinutes(5)));
        await AssertRefused(TokenForgery.Sign(realKey, issuer, "another-api", now, now.AddMinutes(5)));
        await AssertRefused(TokenForgery.Sign(realKey, "https://evil.example/", "gid-api", now, now.AddMinutes(5)));
    }

    [Fact]
    public async Task expired_and_not_yet_valid_tokens_are_unauthenticated()
    {
        var issuer = await Issuer();
        var key = TokenForgery.RealSigningKey(sandbox);
        var now = DateTime.UtcNow;

        await AssertRefused(TokenForgery.Sign(key, issuer, "gid-api", now.AddHours(-2), now.AddHours(-1)));
        await AssertRefused(TokenForgery.Sign(key, issuer, "gid-api", now.AddHours(1), now.AddHours(2)));
    }

    [Fact]
    public async Task a_token_the_earlier_rsa_key_signed_still_works_and_both_keys_are_published()
    {
        var real = await sandbox.TokenFor(Clients.Default);
        var earlier = TokenForgery.EarlierSigningKey(sandbox);
        var signedBefore = TokenForgery.Resign(real, earlier, _ => { });

        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ me { office } }" }), token: signedBefore);
        var discovery = JsonNode.Parse(await (await sandbox.Send(HttpMethod.Get, "/.well-known/openid-configuration", token: null)).Content.ReadAsStringAsync())!;
        var jwks = JsonNode.Parse(await (await sandbox.Send(HttpMethod.Get, new Uri(discovery["jwks_uri"]!.GetValue<string>()).PathAndQuery, token: null)).Content.ReadAsStringAsync())!;

        Assert.Equal("RS256", JsonNode.Parse(Base64UrlEncoder.Decode(signedBefore.Split('.')[0]))!["alg"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Given.AssertJson("""{ "me": { "office": "EP" } }""", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]);
        Assert.Equal(
            new[] { TokenForgery.RealSigningKey(sandbox).KeyId, earlier.KeyId }.Order(),
            jwks["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task a_revoked_token_stops_working_at_once()
    {
        var (status, body) = await sandbox.RequestToken(Clients.Association, Clients.SecretOf(Clients.Association));
        Assert.Equal(200, status);
        var token = body["access_token"]!.GetValue<string>();
        var before = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ me { office } }" }), token: token);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["token"] = token,
                ["client_id"] = Clients.Association,
                ["client_secret"] = Clients.SecretOf(Clients.Association),
            }).ToUrl("/connect/revoke");
            s.StatusCodeShouldBe(200);
        });

        await AssertRefused(token);
    }

    [Fact]
    public async Task introspection_tells_the_client_about_its_own_token()
    {
        var token = await sandbox.TokenFor(Clients.OfficeWithoutMerge);

        var result = await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["token"] = token,
                ["client_id"] = Clients.OfficeWithoutMerge,
                ["client_secret"] = Clients.SecretOf(Clients.OfficeWithoutMerge),
            }).ToUrl("/connect/introspect");
            s.StatusCodeShouldBe(200);
        });
        var introspection = JsonNode.Parse(await result.ReadAsTextAsync())!;

        Assert.True(introspection["active"]!.GetValue<bool>(), introspection.ToJsonString());
        Assert.Equal(Clients.OfficeWithoutMerge, introspection["sub"]!.GetValue<string>());
        Assert.True(introspection["exp"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task a_wrong_client_secret_gets_no_token()
    {
        var (status, body) = await sandbox.RequestToken(Clients.Default, "wrong-secret");

        Assert.Equal(401, status);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_scope_the_client_was_not_granted_gets_no_token()
    {
        var (status, body) = await sandbox.RequestToken(Clients.Association, Clients.SecretOf(Clients.Association), "gid:read gid:write");

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains("scope", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task another_grant_type_gets_no_token()
    {
        var (status, body) = await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default), grantType: "password");

        Assert.Equal(400, status);
        Assert.Equal("unsupported_grant_type", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task access_tokens_are_signed_jwts_carrying_office_scopes_and_audience()
    {
        var token = await sandbox.TokenFor(Clients.Default);
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!;
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;

        Assert.Equal(3, parts.Length);
        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Equal(TokenForgery.RealSigningKey(sandbox).KeyId, header["kid"]!.GetValue<string>());
        Assert.Equal("EP", payload["office"]!.GetValue<string>());
        Assert.Equal("gid-api", payload["aud"]!.GetValue<string>());
        Assert.Equal("gid:read gid:write gid:merge", payload["scope"]!.GetValue<string>());
        var lifetime = payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>();
        Assert.Equal(15 * 60, lifetime);
    }
}
