using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

/// <summary>dismissDuplicate: a reviewed pair found to be two parties is recorded on both identities and proposed no more.</summary>
[Collection(SandboxCollection.Name)]
public sealed class DismissDuplicateTests(SandboxFixture sandbox)
{
    private const string Dismiss = """
        mutation ($first: Gid!, $second: Gid!, $reason: String) {
          dismissDuplicate(input: { first: $first, second: $second, reason: $reason }) { identity { gid notDuplicates version } }
        }
        """;

    private const string Pairs = "query ($country: CountryCode!) { duplicateCandidates(country: $country, first: 200) { first second } }";

    private async Task<(string First, string Second)> ALookAlikePair(string country, string client = Clients.Default)
    {
        var word = Given.UniqueWord();
        var a = await sandbox.ALegalEntityBy(client, $"{word} Verpackungen GmbH", country);
        var data = await sandbox.Data(
            "mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid } } }",
            new { input = new { names = new[] { new { text = $"{word} Verpackungen G.m.b.H.", script = "Latn" } }, country, duplicateOverride = new { reason = "A look-alike to review." } } },
            client);
        var b = data["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();
        return (a.Gid(), b);
    }

    private async Task<bool> Proposed(string country, string first, string second) =>
        (await sandbox.Data(Pairs, new { country }))["duplicateCandidates"]!.AsArray()
            .Any(p => new[] { first, second }.Contains(p!["first"]!.GetValue<string>()) && new[] { first, second }.Contains(p["second"]!.GetValue<string>()));

    [Fact]
    public async Task a_dismissed_pair_is_recorded_on_both_identities_with_its_reason_and_no_longer_proposed()
    {
        var (first, second) = await ALookAlikePair("LU");
        Assert.True(await Proposed("LU", first, second));

        var dismissed = (await sandbox.Data(Dismiss, new { first, second, reason = "Different registration numbers" }))["dismissDuplicate"]!["identity"]!;
        var history = (await sandbox.Data("query ($gid: Gid!) { identityHistory(gid: $gid) { type office reason data } }", new { gid = second }))["identityHistory"]!.AsArray();

        Given.AssertJson($$"""{ "gid": "{{first}}", "notDuplicates": ["{{second}}"], "version": 2 }""", dismissed);
        Assert.False(await Proposed("LU", first, second));
        var recorded = history[^1]!;
        Assert.Equal(("DuplicateDismissed", "EP", "Different registration numbers"), (recorded["type"]!.GetValue<string>(), recorded["office"]!.GetValue<string>(), recorded["reason"]!.GetValue<string>()));
        Assert.Contains(first, recorded["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task only_those_who_may_merge_dismiss_a_pair_and_a_refusal_stores_nothing()
    {
        // Both managed by DE: EP may merge in general but manages neither; DE lacks gid:merge; an association reads only.
        var (first, second) = await ALookAlikePair("LU", Clients.OfficeWithoutMerge);
        var variables = new { first, second, reason = "Two parties" };

        var otherOffice = await sandbox.Error(Dismiss, variables);
        var withoutMerge = await sandbox.Error(Dismiss, variables, client: Clients.OfficeWithoutMerge);
        var association = await sandbox.Error(Dismiss, variables, client: Clients.Association);
        Assert.Equal(("FORBIDDEN", "FORBIDDEN", "FORBIDDEN"), (otherOffice.Code(), withoutMerge.Code(), association.Code()));
        Assert.Contains("Only those who may merge", otherOffice["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, (await sandbox.Identity(first))!.Version());
        Assert.True(await Proposed("LU", first, second));

        var byGovernance = (await sandbox.Data(Dismiss, variables, Clients.Governance))["dismissDuplicate"]!["identity"]!;
        Assert.Equal(second, byGovernance["notDuplicates"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task the_managing_office_of_one_of_the_two_may_dismiss_the_pair()
    {
        var word = Given.UniqueWord();
        var ours = await sandbox.ALegalEntity($"{word} Druckerei AG", "LU");
        var theirs = (await sandbox.Data(
            "mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid } } }",
            new { input = new { names = new[] { new { text = $"{word} Druckerei Aktiengesellschaft", script = "Latn" } }, country = "LU", duplicateOverride = new { reason = "Looks alike." } } },
            Clients.OfficeWithoutMerge))["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();

        await sandbox.Data(Dismiss, new { first = theirs, second = ours.Gid(), reason = "Different cities" });

        Assert.False(await Proposed("LU", ours.Gid(), theirs));
    }

    [Fact]
    public async Task bad_input_is_refused_with_the_field_and_stores_nothing()
    {
        var (first, second) = await ALookAlikePair("LU");

        var same = await sandbox.Error(Dismiss, new { first, second = first, reason = "x" });
        var noReason = await sandbox.Error(Dismiss, new { first, second, reason = (string?)null });
        var unknown = await sandbox.Error(Dismiss, new { first, second = GidSandbox.Identities.Gid.NewGid().Value, reason = "x" });
        await sandbox.Data(Dismiss, new { first, second, reason = "Two parties" });
        var twice = await sandbox.Error(Dismiss, new { first = second, second = first, reason = "Again" });

        Assert.Equal(("VALIDATION_FAILED", "VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"), (same.Code(), noReason.Code(), unknown.Code(), twice.Code()));
        Assert.Equal(["input.second"], same.Fields());
        Assert.Equal(["input.reason"], noReason.Fields());
        Assert.Equal(2, (await sandbox.Identity(first))!.Version());
    }
}
