using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using GidSandbox.Access;
using Microsoft.Extensions.DependencyInjection;

namespace GidSandbox.Tests.Access;

/// <summary>Hand-made tokens, only to prove that the API refuses each kind of bad one.</summary>
public static class TokenForgery
{
    /// <summary>The sandbox's own signing key, as someone who stole it would hold it.</summary>
    public static ECDsaSecurityKey RealSigningKey(SandboxFixture sandbox) => sandbox.Host.Services.GetRequiredService<SigningKeys>().Signing;

    /// <summary>The RSA key that signed the sandbox's tokens before <see cref="RealSigningKey"/> did.</summary>
    public static RsaSecurityKey EarlierSigningKey(SandboxFixture sandbox) => sandbox.Host.Services.GetRequiredService<SigningKeys>().EarlierSigning;

    private static string Algorithm(SecurityKey key) => key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256;

    public static string Sign(SecurityKey key, string issuer, string audience, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity([new Claim("sub", Clients.Default), new Claim("office", "EP"), new Claim("scope", "gid:read gid:write")]),
            SigningCredentials = new SigningCredentials(key, Algorithm(key)),
        });

    /// <summary>A real token with its payload changed by <paramref name="change"/>, signed again with <paramref name="key"/>.</summary>
    public static string Resign(string token, SecurityKey key, Action<JsonObject> change)
    {
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();
        change(payload);
        return new JsonWebTokenHandler().CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(key, Algorithm(key)),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = "at+jwt" });
    }

    /// <summary>A token that claims no signature at all.</summary>
    public static string WithoutSignature(string issuer) =>
        $"{Base64Url("""{"alg":"none","typ":"at+jwt"}""")}.{Base64Url($$"""{"iss":"{{issuer}}","aud":"gid-api","sub":"office-ep","office":"EP","scope":"gid:read gid:write","exp":4102444800}""")}.";

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
