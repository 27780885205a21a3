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

    /// <summary>
    /// A made-up word no other test uses (consonant-vowel syllables, so it reads like a name), to
    /// keep a test's parties apart from every other party in the shared database, for search and
    /// for the duplicate check on registration.
    /// </summary>
    public static string UniqueWord()
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var bytes = Guid.NewGuid().ToByteArray();
        // Six syllables (70^6 words): with hundreds of parties a run, two words one or two letters apart,
        // which the duplicate check would rightly take for one party, are too unlikely to meet.
        var word = string.Concat(Enumerable.Range(0, 6).Select(i => $"{consonants[bytes[2 * i] % consonants.Length]}{vowels[bytes[(2 * i) + 1] % vowels.Length]}"));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    /// <summary>
    /// A new word and its Cyrillic spelling, of syllables whose letters every scheme writes alike (no s, v, z, e), so the
    /// word needs no romanisation rules to meet itself.
    /// </summary>
    public static (string Latin, string Cyrillic) PlainWord()
    {
        const string consonants = "bdfgklmnprt";
        const string vowels = "aiou";
        var bytes = Guid.NewGuid().ToByteArray();
        var latin = string.Concat(Enumerable.Range(0, 6).Select(i => $"{consonants[bytes[2 * i] % consonants.Length]}{vowels[bytes[(2 * i) + 1] % vowels.Length]}"));
        var cyrillic = string.Concat(latin.Select(c => "абдфгиклмнопрту"["abdfgiklmnoprtu".IndexOf(c, StringComparison.Ordinal)]));
        return (char.ToUpperInvariant(latin[0]) + latin[1..], char.ToUpperInvariant(cyrillic[0]) + cyrillic[1..]);
    }

    public static object ExternalId(string value, string issuer = "EP") => new { scheme = "applicant-number", issuer, value };

    public static async Task<JsonObject> AcceptCurrentTerms(this SandboxFixture sandbox, string client)
    {
        var terms = (await sandbox.Data("{ termsOfUse { version sha256 } }", client: client))["termsOfUse"]!;
        return (await sandbox.Data(
            "mutation ($v: String!, $h: String!) { acceptTermsOfUse(version: $v, sha256: $h) { office acceptedVersion } }",
            new { v = terms["version"]!.GetValue<string>(), h = terms["sha256"]!.GetValue<string>() },
            client))["acceptTermsOfUse"]!.AsObject();
    }

    /// <summary>Accepts the Terms in force for <paramref name="client"/>'s office unless it has already.</summary>
    public static async Task EnsureTermsAccepted(this SandboxFixture sandbox, string client)
    {
        var status = (await sandbox.Data("{ me { termsStatus } }", client: client))["me"]!["termsStatus"]!.GetValue<string>();
        if (status != "ACCEPTED")
        {
            await sandbox.AcceptCurrentTerms(client);
        }
    }

    /// <summary>Registers a legal entity; with no name given, one no other test uses (so the duplicate check stays quiet).</summary>
    public static async Task<JsonObject> ALegalEntity(this SandboxFixture sandbox, string? name = null, string country = "JP", params object[] externalIdentifiers)
    {
        var data = await sandbox.Data(RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = name ?? $"ACME {UniqueWord()} Co., Ltd.", script = "Latn" } }, country, externalIdentifiers },
        });
        return data["registerLegalEntity"]!["identity"]!.AsObject();
    }

    /// <summary>Registers a legal entity that the duplicate check takes for an existing one, on purpose (an override with a reason).</summary>
    public static async Task<JsonObject> ALegalEntityDespiteDuplicates(this SandboxFixture sandbox, string name, string country = "JP", params object[] externalIdentifiers)
    {
        var data = await sandbox.Data(RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = name, script = "Latn" } }, country, externalIdentifiers, duplicateOverride = new { reason = "Registered twice on purpose, to be merged." } },
        });
        return data["registerLegalEntity"]!["identity"]!.AsObject();
    }

    public static async Task<JsonObject> ALegalEntityBy(this SandboxFixture sandbox, string client, string name, string country)
    {
        var data = await sandbox.Data(RegisterLegalEntity, new { input = new { names = new[] { new { text = name, script = "Latn" } }, country } }, client);
        return data["registerLegalEntity"]!["identity"]!.AsObject();
    }

    /// <summary>Registers a natural person; with no name given, one no other test uses.</summary>
    public static async Task<JsonObject> ANaturalPerson(this SandboxFixture sandbox, string? name = null, string country = "JP")
    {
        var data = await sandbox.Data(RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = name ?? $"Taro {UniqueWord()}", script = "Latn" } }, country },
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
