using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class LinkingAndMergingTests(SandboxFixture sandbox)
{
    private const string Link = """
        mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { version externalIdentifiers { scheme issuer value } } } }
        """;

    private const string Unlink = """
        mutation ($input: UnlinkExternalIdInput!) { unlinkExternalId(input: $input) { identity { version externalIdentifiers { value } } } }
        """;

    private const string Resolve = """
        query ($scheme: String!, $value: String!, $issuer: String!) { resolveExternalId(scheme: $scheme, value: $value, issuer: $issuer) { gid } }
        """;

    private const string Merge = """
        mutation ($input: MergeIdentitiesInput!) {
          mergeIdentities(input: $input) { identity { gid version names { id text type primary } externalIdentifiers { issuer value } } }
        }
        """;

    private Task<JsonObject> ResolveAsync(string value, string issuer = "EP") =>
        sandbox.Data(Resolve, new { scheme = "applicant-number", value, issuer });

    [Fact]
    public async Task a_linked_identifier_resolves_to_its_gid_until_it_is_unlinked()
    {
        var company = await sandbox.ALegalEntity();
        var number = Given.ApplicantNumber();

        await sandbox.Data(Link, new { input = new { gid = company.Gid(), identifier = Given.ExternalId(number) } });
        var resolved = await ResolveAsync(number);
        await sandbox.Data(Unlink, new { input = new { gid = company.Gid(), identifier = Given.ExternalId(number), reason = "Typo in the applicant number" } });

        Assert.Equal(company.Gid(), resolved["resolveExternalId"]!["gid"]!.GetValue<string>());
        Assert.Null((await ResolveAsync(number))["resolveExternalId"]);
    }

    [Fact]
    public async Task an_identifier_held_by_another_gid_is_a_conflict_that_names_it_and_stores_nothing()
    {
        var number = Given.ApplicantNumber();
        var holder = await sandbox.ALegalEntity($"First Holder {Given.UniqueWord()}", "JP", Given.ExternalId(number));
        var other = await sandbox.ALegalEntity($"Second Holder {Given.UniqueWord()}");
        var events = await sandbox.CountEvents();

        var error = await sandbox.Error(Link, new { input = new { gid = other.Gid(), identifier = Given.ExternalId(number) } });

        Assert.Equal("CONFLICT", error.Code());
        Assert.Contains(holder.Gid(), error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(events, await sandbox.CountEvents());
        Assert.Equal(1, (await sandbox.Identity(other.Gid()))!.Version());
    }

    [Fact]
    public async Task registering_with_an_identifier_another_gid_holds_is_refused()
    {
        var number = Given.ApplicantNumber();
        await sandbox.ALegalEntity($"First Holder {Given.UniqueWord()}", "JP", Given.ExternalId(number));
        var streams = await sandbox.CountStreams();

        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = "Copycat", script = "Latn" } }, country = "JP", externalIdentifiers = new[] { Given.ExternalId(number) } },
        });

        Assert.Equal("CONFLICT", error.Code());
        Assert.Equal(streams, await sandbox.CountStreams());
    }

    [Fact]
    public async Task an_unlinked_identifier_can_be_linked_to_another_gid()
    {
        var number = Given.ApplicantNumber();
        var first = await sandbox.ALegalEntity($"First {Given.UniqueWord()}", "JP", Given.ExternalId(number));
        var second = await sandbox.ALegalEntity($"Second {Given.UniqueWord()}");

        await sandbox.Data(Unlink, new { input = new { gid = first.Gid(), identifier = Given.ExternalId(number), reason = "Belongs to Second" } });
        await sandbox.Data(Link, new { input = new { gid = second.Gid(), identifier = Given.ExternalId(number) } });

        Assert.Equal(second.Gid(), (await ResolveAsync(number))["resolveExternalId"]!["gid"]!.GetValue<string>());
    }

    [Fact]
    public async Task merging_moves_names_and_identifiers_to_the_survivor_and_the_merged_gid_redirects()
    {
        var number = Given.ApplicantNumber();
        var word = Given.UniqueWord();
        var survivor = await sandbox.ALegalEntity($"ACME {word} Co., Ltd.");
        var duplicate = await sandbox.ALegalEntityDespiteDuplicates($"ACME {word} COMPANY LIMITED", "JP", Given.ExternalId(number));

        var merged = await sandbox.Data(Merge, new
        {
            input = new { survivor = survivor.Gid(), expectedSurvivorVersion = 1, merged = duplicate.Gid(), expectedMergedVersion = 2, reason = "Same company, two spellings" },
        });

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""
                { "mergeIdentities": { "identity": { "gid": "{{survivor.Gid()}}", "version": 2,
                  "names": [
                    { "id": 1, "text": "ACME {{word}} Co., Ltd.", "type": "LEGAL", "primary": true },
                    { "id": 2, "text": "ACME {{word}} COMPANY LIMITED", "type": "ALIAS", "primary": false } ],
                  "externalIdentifiers": [ { "issuer": "EP", "value": "{{number}}" } ] } } }
                """),
            merged), merged.ToJsonString());

        var old = (await sandbox.Identity(duplicate.Gid()))!;
        Assert.Equal("MERGED", old["status"]!.GetValue<string>());
        Assert.Equal(survivor.Gid(), old["mergedInto"]!.GetValue<string>());
        Assert.Equal(survivor.Gid(), (await sandbox.Identity(duplicate.Gid(), followMerges: true))!.Gid());
        Assert.Equal(survivor.Gid(), (await ResolveAsync(number))["resolveExternalId"]!["gid"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_merged_gid_cannot_be_merged_again_or_changed()
    {
        var word = Given.UniqueWord();
        var survivor = await sandbox.ALegalEntity($"Beta {word} AG");
        var duplicate = await sandbox.ALegalEntityDespiteDuplicates($"Beta {word} Aktiengesellschaft");
        await sandbox.Data(Merge, new { input = new { survivor = survivor.Gid(), merged = duplicate.Gid(), reason = "Same party" } });
        var third = await sandbox.ALegalEntity($"Beta {word} Holding");

        var again = await sandbox.Error(Merge, new { input = new { survivor = third.Gid(), merged = duplicate.Gid(), reason = "Same party" } });
        var relink = await sandbox.Error(Link, new { input = new { gid = duplicate.Gid(), identifier = Given.ExternalId(Given.ApplicantNumber()) } });

        Assert.Equal("CONFLICT", again.Code());
        Assert.Contains(survivor.Gid(), again["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("CONFLICT", relink.Code());
    }

    [Fact]
    public async Task a_merge_needs_two_different_gids_of_the_same_kind()
    {
        var company = await sandbox.ALegalEntity();
        var person = await sandbox.ANaturalPerson();

        var self = await sandbox.Error(Merge, new { input = new { survivor = company.Gid(), merged = company.Gid(), reason = "x" } });
        var kinds = await sandbox.Error(Merge, new { input = new { survivor = company.Gid(), merged = person.Gid(), reason = "x" } });

        Assert.Equal(("VALIDATION_FAILED", "CONFLICT"), (self.Code(), kinds.Code()));
        Assert.Equal("ACTIVE", (await sandbox.Identity(person.Gid()))!["status"]!.GetValue<string>());
    }
}
