using GidSandbox.Identities;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class LookupTests(SandboxFixture sandbox)
{
    private const string Batch = "query ($gids: [Gid!]!) { identities(gids: $gids) { gid } }";

    [Fact]
    public async Task a_gid_is_found_in_every_accepted_spelling()
    {
        var company = await sandbox.ALegalEntity();
        var gid = company.Gid();
        var digits = gid["GID-".Length..].Replace("-", "", StringComparison.Ordinal);

        foreach (var spelling in new[] { gid, gid.ToLowerInvariant(), digits, $"GID {digits[..4]} {digits[4..8]} {digits[8..12]} {digits[12..]}" })
        {
            Assert.Equal(gid, (await sandbox.Identity(spelling))!.Gid());
        }
    }

    [Fact]
    public async Task a_gid_with_a_wrong_check_character_is_refused_with_the_expected_one()
    {
        var gid = Gid.NewGid().Value;
        var wrong = gid[..^1] + (gid[^1] == '0' ? '1' : '0');

        var error = await sandbox.Error(Given.GetIdentity, new { gid = wrong }, expectedStatus: 400);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["gid"], error.Fields());
        Assert.Contains($"should be '{gid[^1]}'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_malformed_gid_literal_is_refused()
    {
        var error = await sandbox.Error("{ identity(gid: \"GID-12AB\") { gid } }", expectedStatus: 400);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Contains("GID-12AB", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_gid_is_null()
    {
        Assert.Null(await sandbox.Identity(Gid.NewGid().Value));
    }

    [Fact]
    public async Task a_batch_answers_in_the_order_asked_with_null_for_unknown_gids()
    {
        var first = await sandbox.ALegalEntity("One");
        var second = await sandbox.ANaturalPerson("Two");
        var unknown = Gid.NewGid().Value;

        var data = await sandbox.Data(Batch, new { gids = new[] { second.Gid(), unknown, first.Gid(), second.Gid() } });

        Assert.Equal($$"""{"identities":[{"gid":"{{second.Gid()}}"},null,{"gid":"{{first.Gid()}}"},{"gid":"{{second.Gid()}}"}]}""", data.ToJsonString());
    }

    [Fact]
    public async Task a_batch_of_1000_is_answered_and_1001_is_refused()
    {
        var gids = Enumerable.Range(0, 1001).Select(_ => Gid.NewGid().Value).ToArray();

        var full = await sandbox.Data(Batch, new { gids = gids[..1000] });
        var error = await sandbox.Error(Batch, new { gids });

        Assert.Equal(1000, full["identities"]!.AsArray().Count);
        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Contains("1000", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
