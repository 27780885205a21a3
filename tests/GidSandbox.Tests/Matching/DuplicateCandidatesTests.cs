namespace GidSandbox.Tests.Matching;

[Collection(SandboxCollection.Name)]
public sealed class DuplicateCandidatesTests(SandboxFixture sandbox)
{
    private const string Report = """
        query ($country: CountryCode!, $kind: IdentityKind, $minScore: Float, $first: Int) {
          duplicateCandidates(country: $country, kind: $kind, minScore: $minScore, first: $first) {
            first second score explanation { queryName matchedName features } }
        }
        """;

    [Fact]
    public async Task the_report_pairs_look_alikes_of_one_country_and_leaves_out_merged_and_other_countries()
    {
        var word = Given.UniqueWord();
        var first = await sandbox.ALegalEntity($"{word} Maschinenbau GmbH", "AT");
        var second = await sandbox.ALegalEntityDespiteDuplicates($"{word} Maschinenbau Gesellschaft mit beschränkter Haftung", "AT");
        await sandbox.ALegalEntity($"{word} Maschinenbau GmbH", "CH");

        var pairs = (await sandbox.Data(Report, new { country = "AT", kind = "LEGAL_ENTITY" }))["duplicateCandidates"]!.AsArray()
            .Where(p => p!["explanation"]!["queryName"]!.GetValue<string>().Contains(word, StringComparison.Ordinal)).ToList();

        var (a, b) = string.CompareOrdinal(first.Gid(), second.Gid()) < 0 ? (first, second) : (second, first);
        Assert.Single(pairs);
        Given.AssertJson($$"""
            { "first": "{{a.Gid()}}", "second": "{{b.Gid()}}", "score": 0.98,
              "explanation": { "queryName": "{{a["names"]![0]!["text"]}}", "matchedName": "{{b["names"]![0]!["text"]}}", "features": ["SAME_NAME", "SAME_LEGAL_FORM"] } }
            """, pairs[0]);

        await sandbox.Data("mutation ($a: Gid!, $b: Gid!) { mergeIdentities(input: { survivor: $a, merged: $b, reason: \"Same company\" }) { identity { gid } } }", new { a = a.Gid(), b = b.Gid() });
        var after = (await sandbox.Data(Report, new { country = "AT" }))["duplicateCandidates"]!.AsArray();
        Assert.DoesNotContain(after, p => p!["first"]!.GetValue<string>() == a.Gid() || p!["second"]!.GetValue<string>() == b.Gid());
    }

    [Theory]
    [InlineData(0.2, 10, "minScore")]
    [InlineData(0.9, 0, "first")]
    [InlineData(0.9, 201, "first")]
    public async Task a_score_or_size_out_of_range_is_refused(double minScore, int first, string field)
    {
        var error = await sandbox.Error(Report, new { country = "AT", minScore, first });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal([field], error.Fields());
    }
}
