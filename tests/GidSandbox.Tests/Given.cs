using System.Text.Json.Nodes;

namespace GidSandbox.Tests;

/// <summary>Named ways to arrange state through the public API.</summary>
public static class Given
{
    public const string IdentityFields = """
        fragment IdentityFields on Identity {
          gid kind status country version synthetic mergedInto deactivationReason lei parent orcid isni legalForm
          names { id text script language type primary }
          primaryName { text }
          address { lines city postalCode region country }
          externalIdentifiers { scheme issuer value }
        }
        """;

    public const string RegisterLegalEntity = """
        mutation ($input: RegisterLegalEntityInput!) {
          registerLegalEntity(input: $input) { replayed identity { ...IdentityFields } }
        }
        """ + IdentityFields;

    public const string RegisterNaturalPerson = """
        mutation ($input: RegisterNaturalPersonInput!) {
          registerNaturalPerson(input: $input) { replayed identity { ...IdentityFields } }
        }
        """ + IdentityFields;

    public const string GetIdentity = """
        query ($gid: Gid!, $follow: Boolean! = false) { identity(gid: $gid, followMerges: $follow) { ...IdentityFields } }
        """ + IdentityFields;

    /// <summary>A fresh applicant number, so tests never collide on the crosswalk.</summary>
    public static string ApplicantNumber(string office = "EP") => $"{office}-{Guid.NewGuid():N}"[..20];

    public static object ExternalId(string value, string issuer = "EP") => new { scheme = "applicant-number", issuer, value };

    public static async Task<JsonObject> AcceptCurrentTerms(this SandboxFixture sandbox, string client)
    {
        var terms = (await sandbox.Data("{ termsOfUse { version sha256 } }", client: client))["termsOfUse"]!;
        return (await sandbox.Data(
            "mutation ($v: String!, $h: String!) { acceptTermsOfUse(version: $v, sha256: $h) { office acceptedVersion } }",
            new { v = terms["version"]!.GetValue<string>(), h = terms["sha256"]!.GetValue<string>() },
            client))["acceptTermsOfUse"]!.AsObject();
    }

    public static async Task<JsonObject> ALegalEntity(this SandboxFixture sandbox, string name = "ACME Co., Ltd.", string country = "JP", params object[] externalIdentifiers)
    {
        var data = await sandbox.Data(RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = name, script = "Latn" } }, country, externalIdentifiers },
        });
        return data["registerLegalEntity"]!["identity"]!.AsObject();
    }

    public static async Task<JsonObject> ALegalEntityBy(this SandboxFixture sandbox, string client, string name, string country)
    {
        var data = await sandbox.Data(RegisterLegalEntity, new { input = new { names = new[] { new { text = name, script = "Latn" } }, country } }, client);
        return data["registerLegalEntity"]!["identity"]!.AsObject();
    }

    public static async Task<JsonObject> ANaturalPerson(this SandboxFixture sandbox, string name = "Taro Yamada", string country = "JP")
    {
        var data = await sandbox.Data(RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = name, script = "Latn" } }, country },
        });
        return data["registerNaturalPerson"]!["identity"]!.AsObject();
    }

    public static async Task<JsonObject?> Identity(this SandboxFixture sandbox, string gid, bool followMerges = false) =>
        (await sandbox.Data(GetIdentity, new { gid, follow = followMerges }))["identity"] as JsonObject;

    public static string Gid(this JsonObject identity) => identity["gid"]!.GetValue<string>();

    public static long Version(this JsonObject identity) => identity["version"]!.GetValue<long>();

    /// <summary>Compares whole JSON documents, so escaping and property spelling cannot hide a difference.</summary>
    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}\nActual   {actual?.ToJsonString()}");

    public static string Code(this JsonObject error) => error["extensions"]!["code"]!.GetValue<string>();

    public static string[] Fields(this JsonObject error) =>
        error["extensions"]!["fields"]?.AsArray().Select(f => f!.GetValue<string>()).ToArray() ?? [];
}
