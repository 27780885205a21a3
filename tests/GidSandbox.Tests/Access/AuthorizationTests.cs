using System.Net;
using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Access;

[Collection(SandboxCollection.Name)]
public sealed class AuthorizationTests(SandboxFixture sandbox)
{
    private const string Ok = "OK";
    private const string Forbidden = "FORBIDDEN";

    /// <summary>The operations a client can try, each arranged on fresh identities.</summary>
    private async Task<JsonObject> Attempt(string operation, string client)
    {
        var word = Given.UniqueWord();
        var first = await sandbox.ALegalEntity($"Matrix One {word}");
        var second = await sandbox.ALegalEntity($"Matrix Two {word}");
        var (query, variables) = operation switch
        {
            "identity" => ("query ($gid: Gid!) { identity(gid: $gid) { gid } }", (object)new { gid = first.Gid() }),
            "identityHistory" => ("query ($gid: Gid!) { identityHistory(gid: $gid) { version } }", new { gid = first.Gid() }),
            "registerLegalEntity" => ("mutation ($name: String!) { registerLegalEntity(input: { names: [{ text: $name, script: \"Latn\" }], country: \"FR\" }) { identity { gid } } }", new { name = $"Matrix Three {word}" }),
            "addName" => ("mutation ($gid: Gid!) { addName(input: { gid: $gid, name: { text: \"Matrix Alias\", script: \"Latn\" } }) { identity { version } } }", new { gid = first.Gid() }),
            "mergeIdentities" => ("mutation ($a: Gid!, $b: Gid!) { mergeIdentities(input: { survivor: $a, merged: $b, reason: \"Matrix\" }) { identity { gid } } }", new { a = first.Gid(), b = second.Gid() }),
            "me" => ("{ me { office } }", new { }),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        return await sandbox.GraphQL(query, variables, client: client);
    }

    [Theory]
    [InlineData(Clients.Default, "identity", Ok)]
    [InlineData(Clients.Default, "identityHistory", Ok)]
    [InlineData(Clients.Default, "registerLegalEntity", Ok)]
    [InlineData(Clients.Default, "addName", Ok)]
    [InlineData(Clients.Default, "mergeIdentities", Ok)]
    [InlineData(Clients.Default, "me", Ok)]
    [InlineData(Clients.OfficeWithoutMerge, "identity", Ok)]
    [InlineData(Clients.OfficeWithoutMerge, "registerLegalEntity", Ok)]
    [InlineData(Clients.OfficeWithoutMerge, "addName", Ok)]
    [InlineData(Clients.OfficeWithoutMerge, "mergeIdentities", Forbidden)]
    [InlineData(Clients.OfficeWithoutMerge, "me", Ok)]
    [InlineData(Clients.Association, "identity", Ok)]
    [InlineData(Clients.Association, "identityHistory", Ok)]
    [InlineData(Clients.Association, "registerLegalEntity", Forbidden)]
    [InlineData(Clients.Association, "addName", Forbidden)]
    [InlineData(Clients.Association, "mergeIdentities", Forbidden)]
    [InlineData(Clients.Association, "me", Ok)]
    [InlineData(Clients.Governance, "identity", Ok)]
    [InlineData(Clients.Governance, "registerLegalEntity", Forbidden)]
    [InlineData(Clients.Governance, "addName", Forbidden)]
    [InlineData(Clients.Governance, "mergeIdentities", Ok)] // a correction governance may make on any identity (docs/ownership.md)
    [InlineData(Clients.Governance, "me", Ok)]
    public async Task each_client_kind_may_do_exactly_what_its_scopes_allow(string client, string operation, string expected)
    {
        var events = await sandbox.CountEvents();

        var response = await Attempt(operation, client);

        var code = response["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
        Assert.Equal(expected, code ?? Ok);
        if (expected == Forbidden)
        {
            Assert.Equal(events + 2, await sandbox.CountEvents()); // only the two arranged registrations
        }
    }

    [Fact]
    public async Task a_forbidden_field_is_refused_through_aliases_and_fragments_too()
    {
        var company = await sandbox.ALegalEntity();

        var response = await sandbox.GraphQL("""
            mutation ($gid: Gid!) { ...Sneaky }
            fragment Sneaky on Mutation { harmless: addName(input: { gid: $gid, name: { text: "Sneaky", script: "Latn" } }) { identity { version } } }
            """, new { gid = company.Gid() }, client: Clients.Association);

        Assert.Equal(Forbidden, response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(1, (await sandbox.Identity(company.Gid()))!.Version());
    }

    [Fact]
    public async Task me_tells_the_caller_who_its_token_speaks_for()
    {
        var data = await sandbox.Data("{ me { office clientId name role scopes } }", client: Clients.Association);

        Given.AssertJson("""
            { "me": { "office": "INTA", "clientId": "association-inta", "name": "International Trademark Association",
                      "role": "ASSOCIATION", "scopes": ["gid:read"] } }
            """, data);
    }

    [Fact]
    public async Task a_client_that_asks_for_fewer_scopes_gets_only_those()
    {
        var (_, body) = await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default), "gid:read");
        var token = body["access_token"]!.GetValue<string>();

        var response = await sandbox.Send(HttpMethod.Post, "/graphql",
            SandboxFixture.Json(new { query = """mutation { registerLegalEntity(input: { names: [{ text: "Narrow", script: "Latn" }], country: "FR" }) { identity { gid } } }""" }),
            token: token);

        Assert.Equal(Forbidden, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_office_over_its_quota_is_rate_limited_with_retry_after()
    {
        var token = await sandbox.TokenFor(Clients.QuotaTestClient);
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ me { office } }" }), token: token));
        }

        var limited = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var error = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["errors"]![0]!.AsObject();
        Assert.Equal("RATE_LIMITED", error.Code());
        // Other offices are not held back by one office's quota.
        Assert.Equal(HttpStatusCode.OK, (await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ me { office } }" }))).StatusCode);
    }
}
