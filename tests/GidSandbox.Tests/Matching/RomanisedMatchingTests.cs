using GidSandbox.Matching;
using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Matching;

/// <summary>Romanisation keys and legal forms through the real pipeline: registered over GraphQL, matched and searched over GraphQL.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RomanisedMatchingTests(SandboxFixture sandbox)
{
    private const string Match = """
        query ($records: [MatchRecordInput!]!) {
          matchIdentities(records: $records) { reference decision gid candidates { gid score explanation { matchedName features legalFormName legalFormClass } } }
        }
        """;

    private const string Register = """
        mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid legalForm legalFormName } } }
        """;

    private static string Katakana()
    {
        const string kana = "カキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ";
        var bytes = Guid.NewGuid().ToByteArray();
        return string.Concat(Enumerable.Range(0, 6).Select(i => kana[bytes[i] % kana.Length]));
    }

    [Fact]
    public async Task a_person_stored_in_cyrillic_is_found_by_a_german_spelling_and_by_one_mixing_schemes()
    {
        var (latin, cyrillic) = Given.PlainWord();
        var data = await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = $"Щербаков {cyrillic}", script = "Cyrl" } }, country = "RU" },
        });
        var gid = data["registerNaturalPerson"]!["identity"]!.AsObject().Gid();

        var results = (await sandbox.Data(Match, new
        {
            records = new object[]
            {
                new { reference = "german", names = new[] { $"SCHTSCHERBAKOW {latin}" }, kind = "NATURAL_PERSON", country = "RU" },
                new { reference = "mixed", names = new[] { $"Schtscherbakov {latin}" }, kind = "NATURAL_PERSON", country = "RU" },
            },
        }))["matchIdentities"]!.AsArray();

        Given.AssertJson($$"""
            [ { "reference": "german", "decision": "MATCH", "gid": "{{gid}}",
                "candidates": [ { "gid": "{{gid}}", "score": 1, "explanation": { "matchedName": "Щербаков {{cyrillic}}", "features": ["SAME_SPELLING"], "legalFormName": null, "legalFormClass": null } } ] },
              { "reference": "mixed", "decision": "MATCH", "gid": "{{gid}}",
                "candidates": [ { "gid": "{{gid}}", "score": 0.95, "explanation": { "matchedName": "Щербаков {{cyrillic}}", "features": ["SAME_NAME", "ROMANISATION_VARIANT"], "legalFormName": null, "legalFormClass": null } } ] } ]
            """, results);
    }

    [Fact]
    public async Task a_company_registered_with_its_legal_form_glued_matches_the_spaced_form_and_shows_the_forms_name()
    {
        var kana = Katakana();
        var registered = (await sandbox.Data(Register, new
        {
            input = new { names = new[] { new { text = $"株式会社{kana}", script = "Jpan" } }, country = "JP", legalForm = "T417" },
        }))["registerLegalEntity"]!["identity"]!.AsObject();
        var gid = registered.Gid();
        Given.AssertJson($$"""{ "gid": "{{gid}}", "legalForm": "T417", "legalFormName": "株式会社 (kabusikigaisya)" }""", registered);

        var results = (await sandbox.Data(Match, new
        {
            records = new object[]
            {
                new { reference = "spaced", names = new[] { $"株式会社 {kana}" }, kind = "LEGAL_ENTITY", country = "JP" },
                new { reference = "after", names = new[] { $"{kana} 株式会社" }, kind = "LEGAL_ENTITY", country = "JP" },
            },
        }))["matchIdentities"]!.AsArray();

        foreach (var reference in new[] { "spaced", "after" })
        {
            // The same name once standardized: 1 where the words are spelt the same, 0.98 where only their keys are.
            var result = results.Single(r => r!["reference"]!.GetValue<string>() == reference)!;
            Assert.Equal("MATCH", result["decision"]!.GetValue<string>());
            Assert.Equal(gid, result["gid"]!.GetValue<string>());
            var best = result["candidates"]![0]!;
            Assert.Equal(gid, best["gid"]!.GetValue<string>());
            Assert.True(best["score"]!.GetValue<double>() >= Scoring.StandardizedScore, best.ToJsonString());
            var explanation = best["explanation"]!;
            Assert.Equal($"株式会社{kana}", explanation["matchedName"]!.GetValue<string>());
            Assert.Equal("Kabushiki kaisha (joint-stock company)", explanation["legalFormName"]!.GetValue<string>());
            Assert.Equal("JOINT_STOCK", explanation["legalFormClass"]!.GetValue<string>());
            Assert.Contains("SAME_LEGAL_FORM", explanation["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task a_legal_form_code_the_sandbox_does_not_know_has_no_name_and_a_malformed_one_is_refused()
    {
        var unknown = (await sandbox.Data(Register, new
        {
            input = new { names = new[] { new { text = $"{Given.UniqueWord()} Trading Ltd", script = "Latn" } }, country = "GB", legalForm = "ZZZ9" },
        }))["registerLegalEntity"]!["identity"]!.AsObject();
        Assert.Equal((JsonNode?)null, unknown["legalFormName"]);

        var error = await sandbox.Error(Register, new
        {
            input = new { names = new[] { new { text = $"{Given.UniqueWord()} Trading Ltd", script = "Latn" } }, country = "GB", legalForm = "Ltd." },
        });
        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.legalForm"], error.Fields());
    }
}
