using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class RegistrationTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task a_registered_legal_entity_is_found_by_its_new_gid_exactly_as_registered()
    {
        var data = await sandbox.Data(Given.RegisterLegalEntity, new
        {
            input = new
            {
                names = new object[]
                {
                    new { text = "株式会社エイクミ", script = "Jpan", language = "ja" },
                    new { text = "ACME Kabushiki Kaisha", script = "latn", language = "ja-latn", type = "TRANSLITERATION", primary = true },
                },
                country = "jp",
                address = new { lines = new[] { "1-2-3 Marunouchi" }, city = "Chiyoda-ku", postalCode = "100-0005", country = "JP" },
                legalForm = "7QQ0",
                lei = "5493001kjtiigc8y1r12",
                externalIdentifiers = new[] { Given.ExternalId("EP-REG-0001") },
            },
        });
        var registered = data["registerLegalEntity"]!["identity"]!.AsObject();

        Assert.Matches(@"^GID-\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", registered.Gid());
        var expected = JsonNode.Parse($$"""
            {
              "gid": "{{registered.Gid()}}", "kind": "LEGAL_ENTITY", "status": "ACTIVE", "country": "JP", "version": 2,
              "synthetic": true, "mergedInto": null, "deactivationReason": null, "lei": "5493001KJTIIGC8Y1R12",
              "parent": null, "orcid": null, "isni": null, "legalForm": "7QQ0",
              "names": [
                { "id": 1, "text": "株式会社エイクミ", "script": "Jpan", "language": "ja", "type": "LEGAL", "primary": false },
                { "id": 2, "text": "ACME Kabushiki Kaisha", "script": "Latn", "language": "ja-Latn", "type": "TRANSLITERATION", "primary": true }
              ],
              "primaryName": { "text": "ACME Kabushiki Kaisha" },
              "address": { "lines": ["1-2-3 Marunouchi"], "city": "Chiyoda-ku", "postalCode": "100-0005", "region": null, "country": "JP" },
              "externalIdentifiers": [ { "scheme": "applicant-number", "issuer": "EP", "value": "EP-REG-0001" } ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, registered), registered.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, await sandbox.Identity(registered.Gid())));
    }

    [Fact]
    public async Task a_natural_person_keeps_a_valid_orcid_and_isni_in_canonical_form()
    {
        var data = await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new
            {
                names = new[] { new { text = "Иван Иванов", script = "Cyrl" }, new { text = "Ivan Ivanov", script = "Latn" } },
                country = "BG",
                orcid = "https://orcid.org/0000-0002-1825-0097",
                isni = "0000 0001 2103 2683",
            },
        });
        var person = data["registerNaturalPerson"]!["identity"]!.AsObject();

        Assert.Equal("NATURAL_PERSON", person["kind"]!.GetValue<string>());
        Assert.Equal("0000-0002-1825-0097", person["orcid"]!.GetValue<string>());
        Assert.Equal("0000000121032683", person["isni"]!.GetValue<string>());
        Assert.Equal("Иван Иванов", person["primaryName"]!["text"]!.GetValue<string>());
        Assert.Equal("PRIMARY", person["names"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task invalid_registrations_name_every_bad_field_and_store_nothing()
    {
        var before = await sandbox.CountStreams();

        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new
            {
                names = new[] { new { text = "Evil\u202Egnp.exe", script = "Latn" }, new { text = new string('x', 501), script = "Latn" } },
                country = "JP",
                lei = "5493001KJTIIGC8Y1R13",
                externalIdentifiers = new[] { Given.ExternalId("X-1", "ZZ") },
            },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.names[0].text", "input.names[1].text", "input.lei", "input.externalIdentifiers[0].issuer"], error.Fields());
        Assert.Contains("bidirectional", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await sandbox.CountStreams());
    }

    [Theory]
    [InlineData("XX", "input.country")]
    [InlineData("Latin", "input.names[0].script")]
    public async Task unknown_country_and_script_codes_are_refused_before_anything_runs(string bad, string field)
    {
        var before = await sandbox.CountStreams();
        var country = field == "input.country" ? bad : "FR";
        var script = field == "input.country" ? "Latn" : bad;

        var error = await sandbox.Error(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = "Jean Dupont", script } }, country },
        }, expectedStatus: 400);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal([field], error.Fields());
        Assert.Contains($"'{bad}'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_parent_must_exist()
    {
        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = "ACME Europe GmbH", script = "Latn" } }, country = "DE", parent = GidSandbox.Identities.Gid.NewGid().Value },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.parent"], error.Fields());
    }

    [Fact]
    public async Task a_subsidiary_names_its_parent()
    {
        var parent = await sandbox.ALegalEntity("ACME Holdings");

        var data = await sandbox.Data(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = "ACME Europe GmbH", script = "Latn" } }, country = "DE", parent = parent.Gid() },
        });

        Assert.Equal(parent.Gid(), data["registerLegalEntity"]!["identity"]!["parent"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_parent_lists_its_subsidiaries()
    {
        var parent = await sandbox.ALegalEntity();
        var first = await ASubsidiaryOf(parent.Gid());
        var second = await ASubsidiaryOf(parent.Gid());

        var data = await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { subsidiaries } }", new { gid = parent.Gid() });
        var childless = await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { subsidiaries } }", new { gid = first.Gid() });

        Assert.Equal(new[] { first.Gid(), second.Gid() }.Order(StringComparer.Ordinal), data["identity"]!["subsidiaries"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Empty(childless["identity"]!["subsidiaries"]!.AsArray());
    }

    [Fact]
    public async Task each_parent_of_a_list_lists_its_own_subsidiaries()
    {
        var (one, other, childless) = (await sandbox.ALegalEntity(), await sandbox.ALegalEntity(), await sandbox.ALegalEntity());
        var ofOne = await ASubsidiaryOf(one.Gid());
        var ofOther = new[] { await ASubsidiaryOf(other.Gid()), await ASubsidiaryOf(other.Gid()) };

        var data = await sandbox.Data("query ($gids: [Gid!]!) { identities(gids: $gids) { gid subsidiaries } }",
            new { gids = new[] { one.Gid(), other.Gid(), childless.Gid(), ofOne.Gid() } });

        var listed = data["identities"]!.AsArray().ToDictionary(i => i!["gid"]!.GetValue<string>(), i => i!["subsidiaries"]!.AsArray().Select(g => g!.GetValue<string>()).ToArray());
        Assert.Equal([ofOne.Gid()], listed[one.Gid()]);
        Assert.Equal(ofOther.Select(s => s.Gid()).Order(StringComparer.Ordinal), listed[other.Gid()]);
        Assert.Empty(listed[childless.Gid()]);
        Assert.Empty(listed[ofOne.Gid()]);
    }

    private async Task<JsonObject> ASubsidiaryOf(string parent)
    {
        var data = await sandbox.Data(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = $"{Given.UniqueWord()} Subsidiary GmbH", script = "Latn" } }, country = "DE", parent },
        });
        return data["registerLegalEntity"]!["identity"]!.AsObject();
    }
}
