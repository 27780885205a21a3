using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Matching;

[Collection(SandboxCollection.Name)]
public sealed class MatchIdentitiesTests(SandboxFixture sandbox)
{
    private const string Match = """
        query ($records: [MatchRecordInput!]!) {
          matchIdentities(records: $records) { reference decision gid candidates { gid score explanation { matchedName features } } }
        }
        """;

    [Fact]
    public async Task each_record_gets_a_decision_and_its_candidates_in_the_order_sent()
    {
        var word = Given.UniqueWord();
        var number = Given.ApplicantNumber();
        var company = await sandbox.ALegalEntity($"Müller {word} GmbH", "DE", Given.ExternalId(number));
        var inJapan = await sandbox.ALegalEntity($"{word} Kogyo", "JP");
        var inKorea = await sandbox.ALegalEntity($"{word} Kogyo", "KR");

        var results = (await sandbox.Data(Match, new
        {
            records = new object[]
            {
                new { reference = "by-name", names = new[] { $"MUELLER {word.ToUpperInvariant()} Gesellschaft mit beschränkter Haftung" }, kind = "LEGAL_ENTITY", country = "DE" },
                new { reference = "by-identifier", names = new[] { "Some Other Name" }, identifiers = new[] { Given.ExternalId(number) } },
                new { reference = "two-alike", names = new[] { $"{word} Kogyo" }, kind = "LEGAL_ENTITY", country = "US" },
                new { reference = "unknown", names = new[] { $"{Given.UniqueWord()} {Given.UniqueWord()}" } },
            },
        }))["matchIdentities"]!.AsArray();

        Given.AssertJson($$"""
            [ { "reference": "by-name", "decision": "MATCH", "gid": "{{company.Gid()}}",
                "candidates": [ { "gid": "{{company.Gid()}}", "score": 0.98, "explanation": { "matchedName": "Müller {{word}} GmbH", "features": ["SAME_NAME", "SAME_LEGAL_FORM"] } } ] },
              { "reference": "by-identifier", "decision": "MATCH", "gid": "{{company.Gid()}}",
                "candidates": [ { "gid": "{{company.Gid()}}", "score": 1, "explanation": { "matchedName": "Müller {{word}} GmbH", "features": ["IDENTIFIER EP applicant-number {{number}}"] } } ] },
              { "reference": "two-alike", "decision": "POSSIBLE", "gid": null,
                "candidates": {{new JsonArray([.. new[] { inJapan.Gid(), inKorea.Gid() }.Select(g => JsonNode.Parse($$$"""{ "gid": "{{{g}}}", "score": 0.85, "explanation": { "matchedName": "{{{word}}} Kogyo", "features": ["SAME_SPELLING", "COUNTRY_DIFFERS"] } }"""))]).ToJsonString()}} },
              { "reference": "unknown", "decision": "NO_MATCH", "gid": null, "candidates": [] } ]
            """, results);
    }

    [Fact]
    public async Task each_candidate_explains_its_match_weight_feature_by_feature()
    {
        var word = Given.UniqueWord();
        var company = await sandbox.ALegalEntity($"{word} Seimitsu Kabushiki Kaisha", "JP");

        var result = (await sandbox.Data("""
            query ($records: [MatchRecordInput!]!) {
              matchIdentities(records: $records) { decision gid candidates { explanation { matchWeight matchProbability weights { feature level m u weight } } } }
            }
            """, new { records = new[] { new { names = new[] { $"{word} Seimitsu K.K." }, kind = "LEGAL_ENTITY", country = "JP" } } }))["matchIdentities"]![0]!;

        Assert.Equal(("MATCH", company.Gid()), (result["decision"]!.GetValue<string>(), result["gid"]!.GetValue<string>()));
        var explanation = result["candidates"]![0]!["explanation"]!;
        var weights = explanation["weights"]!.AsArray();
        Assert.Equal(["name 0.98", "country SAME", "legalForm SAME"], weights.Select(w => $"{w!["feature"]} {w["level"]}"));
        var model = GidSandbox.Matching.MatchModel.Current;
        Assert.Equal(Math.Round(model.PriorBits + weights.Sum(w => w!["weight"]!.GetValue<double>()), 1), Math.Round(explanation["matchWeight"]!.GetValue<double>(), 1));
        Assert.True(explanation["matchProbability"]!.GetValue<double>() >= model.MatchProbability);
    }

    [Fact]
    public async Task a_thousand_records_are_matched_in_one_call()
    {
        var word = Given.UniqueWord();
        var company = await sandbox.ALegalEntity($"{word} Instruments", "JP");
        var records = Enumerable.Range(0, 1000).Select(i => new { reference = $"r{i}", names = new[] { i == 999 ? $"{word} Instruments" : $"Applicant {i}" } }).ToArray();

        var results = (await sandbox.Data(Match, new { records }))["matchIdentities"]!.AsArray();

        Assert.Equal(1000, results.Count);
        Assert.Equal(("r999", "MATCH", company.Gid()), (results[999]!["reference"]!.GetValue<string>(), results[999]!["decision"]!.GetValue<string>(), results[999]!["gid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task more_than_a_thousand_records_are_refused()
    {
        var records = Enumerable.Range(0, 1001).Select(i => new { names = new[] { $"Applicant {i}" } }).ToArray();

        var error = await sandbox.Error(Match, new { records });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["records"], error.Fields());
        Assert.Equal("Send 1 to 1000 records at once; got 1001. Split larger files into batches of 1000.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task records_without_anything_to_match_on_are_refused_by_path()
    {
        var error = await sandbox.Error(Match, new
        {
            records = new object[]
            {
                new { names = new[] { "ACME" } },
                new { names = new[] { "%_%" } },
                new { names = Array.Empty<string>() },
                new { names = new[] { "   " } },
            },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["records[1].names", "records[2].names", "records[3].names[0]"], error.Fields());
    }

    [Fact]
    public async Task an_empty_batch_is_refused() =>
        Assert.Equal(["records"], (await sandbox.Error(Match, new { records = Array.Empty<object>() })).Fields());

    [Fact]
    public async Task an_association_can_match_its_members_applicants()
    {
        var word = Given.UniqueWord();
        var company = await sandbox.ALegalEntity($"{word} Chemicals", "JP");

        var results = (await sandbox.Data(Match, new { records = new[] { new { names = new[] { $"{word} Chemicals" } } } }, Clients.Association))["matchIdentities"]!;

        Assert.Equal(company.Gid(), results[0]!["gid"]!.GetValue<string>());
    }
}
