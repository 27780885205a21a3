using System.Text.Json.Nodes;
using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

[Collection(SandboxCollection.Name)]
public sealed class DuplicateCheckTests(SandboxFixture sandbox)
{
    private const string History = "query ($gid: Gid!) { identityHistory(gid: $gid) { type data } }";

    private Task<JsonObject> Register(string name, string country, object? duplicateOverride = null, string kind = "LegalEntity") =>
        sandbox.GraphQL(kind == "LegalEntity" ? Given.RegisterLegalEntity : Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = name, script = "Latn" } }, country, duplicateOverride },
        });

    [Fact]
    public async Task registering_a_look_alike_in_the_same_country_is_refused_with_the_candidates_and_stores_nothing()
    {
        var word = Given.UniqueWord();
        var existing = await sandbox.ALegalEntity($"Müller {word} GmbH", "DE");
        var streams = await sandbox.CountStreams();

        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = $"MUELLER {word} Gesellschaft mit beschränkter Haftung", script = "Latn" } }, country = "DE" },
        });

        Given.AssertJson($$"""
            { "code": "POSSIBLE_DUPLICATE", "fields": ["input.names"],
              "candidates": [ { "gid": "{{existing.Gid()}}", "score": 0.98, "matchedName": "Müller {{word}} GmbH" } ] }
            """, error["extensions"]);
        Assert.StartsWith($"This looks like {existing.Gid()} ('Müller {word} GmbH', score 0.98): nothing was stored.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(streams, await sandbox.CountStreams());
    }

    [Fact]
    public async Task look_alikes_registered_at_the_same_moment_give_one_gid_and_the_others_are_refused_as_its_duplicates()
    {
        var word = Given.UniqueWord();
        string[] spellings = [$"{word} Robotics Co., Ltd.", $"{word.ToUpperInvariant()} ROBOTICS K.K.", $"Robotics {word} Kabushiki Kaisha", $"{word}-Robotics Ltd"];

        var responses = await Task.WhenAll(spellings.Select(name => Register(name, "JP")));

        var registered = responses.Where(r => r["errors"] is null).ToList();
        var gid = Assert.Single(registered)["data"]!["registerLegalEntity"]!["identity"]!.AsObject().Gid();
        foreach (var refused in responses.Where(r => r["errors"] is not null))
        {
            Assert.Equal("POSSIBLE_DUPLICATE", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(gid, refused["errors"]![0]!["extensions"]!["candidates"]![0]!["gid"]!.GetValue<string>());
        }
    }

    [Fact]
    public Task two_spellings_a_letter_apart_registered_at_the_same_moment_give_one_gid() =>
        // A vowel changed: no exact key in common, the same sounds, and one edit apart, which the
        // check takes for one party.
        EachPairSentTogetherGivesOneGid(word => $"{word[..^1]}{(word[^1] == 'a' ? 'o' : 'a')}");

    [Fact]
    public Task two_spellings_a_consonant_apart_registered_at_the_same_moment_give_one_gid() =>
        // A consonant changed into one of another Soundex group: no exact key and no sounds in common.
        EachPairSentTogetherGivesOneGid(word => $"{word[..2]}{(word[2] == 'l' ? 'r' : 'l')}{word[3..]}");

    // Five pairs at once, each a company name and the same with its first word misspelt, the two sent together.
    private async Task EachPairSentTogetherGivesOneGid(Func<string, string> misspell)
    {
        var pairs = Enumerable.Range(0, 5).Select(_ => Given.UniqueWord())
            .Select(word => new[] { $"{word} Robotics Co., Ltd.", $"{misspell(word)} Robotics Co., Ltd." }).ToList();

        var responses = await Task.WhenAll(pairs.Select(pair => Task.WhenAll(pair.Select(name => Register(name, "JP")))));

        foreach (var pair in responses)
        {
            Assert.Single(pair, r => r["errors"] is null);
            Assert.Equal("POSSIBLE_DUPLICATE", Assert.Single(pair, r => r["errors"] is not null)["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public void names_one_word_one_letter_off_share_a_lock_key_and_other_names_do_not()
    {
        string[] Keys(string name) => [.. DuplicateCheck.OneWordOff(NameStandardization.Standardize(name, IdentityKind.LegalEntity, "JP").Tokens)];

        Assert.NotEmpty(Keys("Kalibodenu Robotics").Intersect(Keys("Robotics Kalilodenu")));
        Assert.Empty(Keys("Kalibodenu Robotics").Intersect(Keys("Kalilodenu Optics")));
    }

    [Fact]
    public async Task a_person_with_the_names_in_the_other_order_is_a_possible_duplicate()
    {
        var word = Given.UniqueWord();
        await sandbox.ANaturalPerson($"Taro {word}", "JP");

        var response = await Register($"{word.ToUpperInvariant()} Taro", "JP", kind: "NaturalPerson");

        Assert.Equal("POSSIBLE_DUPLICATE", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_same_name_in_another_country_or_of_another_kind_or_clearly_different_is_no_duplicate()
    {
        var word = Given.UniqueWord();
        await sandbox.ALegalEntity($"{word} Robotics Co., Ltd.", "JP");

        var elsewhere = await Register($"{word} Robotics Co., Ltd.", "KR");
        var person = await Register($"{word} Robotics", "JP", kind: "NaturalPerson");
        var other = await Register($"{word} Optics Co., Ltd.", "JP");

        Assert.Null(elsewhere["errors"]);
        Assert.Null(person["errors"]);
        Assert.Null(other["errors"]);
    }

    [Fact]
    public async Task an_override_registers_and_the_registration_records_the_reason_and_the_candidates_shown()
    {
        var word = Given.UniqueWord();
        var existing = await sandbox.ALegalEntity($"{word} Trading Ltd", "GB");

        var response = await Register($"{word} Trading Limited", "GB", new { reason = "A different company with the same name, Companies House 0123." });

        Assert.Null(response["errors"]);
        var gid = response["data"]!["registerLegalEntity"]!["identity"]!.AsObject().Gid();
        var registered = (await sandbox.Data(History, new { gid }))["identityHistory"]![0]!;
        Given.AssertJson($$"""
            { "reason": "A different company with the same name, Companies House 0123.",
              "candidates": [ { "gid": "{{existing.Gid()}}", "score": 0.98, "matchedName": "{{word}} Trading Ltd" } ] }
            """, registered["data"]!["duplicateOverride"]);
    }

    [Fact]
    public async Task a_deactivated_identity_is_no_longer_a_duplicate()
    {
        var word = Given.UniqueWord();
        var old = await sandbox.ALegalEntity($"{word} Ceramics", "FR");
        await sandbox.Data("mutation ($gid: Gid!) { deactivateIdentity(input: { gid: $gid, reason: \"Dissolved\" }) { identity { status } } }", new { gid = old.Gid() });

        var response = await Register($"{word} Ceramics", "FR");

        Assert.Null(response["errors"]);
    }

    [Fact]
    public async Task an_override_without_a_reason_is_refused()
    {
        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = $"{Given.UniqueWord()} Textiles", script = "Latn" } }, country = "FR", duplicateOverride = new { reason = " " } },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.duplicateOverride.reason"], error.Fields());
    }
}
