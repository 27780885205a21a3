using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace GidSandbox.Tests.Access;

/// <summary>Hand-made tokens, only to prove that the API refuses each kind of bad one.</summary>
public static class TokenForgery
{
    public static async Task<RsaSecurityKey> RealSigningKey(SandboxFixture sandbox)
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select material from openiddict.gid_keys where purpose = 'signing'", connection);
        var rsa = RSA.Create();
        rsa.ImportFromPem((string)(await command.ExecuteScalarAsync())!);
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return key;
    }

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
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>A real token with its payload changed by <paramref name="change"/>, signed again with <paramref name="key"/>.</summary>
    public static string Resign(string token, SecurityKey key, Action<JsonObject> change)
    {
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();
        change(payload);
        return new JsonWebTokenHandler().CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = "at+jwt" });
    }

    /// <summary>A token that claims no signature at all.</summary>
    public static string WithoutSignature(string issuer) =>
        $"{Base64Url("""{"alg":"none","typ":"at+jwt"}""")}.{Base64Url($$"""{"iss":"{{issuer}}","aud":"gid-api","sub":"office-ep","office":"EP","scope":"gid:read gid:write","exp":4102444800}""")}.";

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
