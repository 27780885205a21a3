using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GidSandbox.Feed;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GidSandbox.Tests.Feed;

[Collection(SandboxCollection.Name)]
public sealed class ChangeFeedTests(SandboxFixture sandbox)
{
    private const string Changes = """
        query ($after: String, $first: Int! = 1000) { changes(after: $after, first: $first) { changes { sequence gid type version timestamp } endCursor hasMore } }
        """;

    private const string AddName = "mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }";

    private async Task<JsonObject> Page(string? after, string client = Clients.Association) =>
        (await sandbox.Data(Changes, new { after }, client))["changes"]!.AsObject();

    /// <summary>Follows the feed to its end, as a mirror does, and returns the cursor there.</summary>
    private async Task<string> FollowToEnd()
    {
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var page = await Page(null);
        while (page["hasMore"]!.GetValue<bool>())
        {
            page = await Page(page["endCursor"]!.GetValue<string>());
        }

        return page["endCursor"]!.GetValue<string>();
    }

    [Fact]
    public async Task a_mirror_gets_every_change_to_identities_since_its_cursor()
    {
        var cursor = await FollowToEnd();
        var company = await sandbox.ALegalEntity("Mirrored Ltd", "GB");
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), name = new { text = "Mirrored Limited", script = "Latn" } } });
        await sandbox.AcceptCurrentTerms(Clients.Default); // not an identity change: not in the feed
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var page = await Page(cursor);
        var changes = page["changes"]!.AsArray();

        Assert.Equal([(company.Gid(), "LegalEntityRegistered", 1L), (company.Gid(), "NameAdded", 2L)],
            changes.Select(c => (c!["gid"]!.GetValue<string>(), c["type"]!.GetValue<string>(), c["version"]!.GetValue<long>())));
        Assert.False(page["hasMore"]!.GetValue<bool>());
        Assert.Empty((await Page(page["endCursor"]!.GetValue<string>()))["changes"]!.AsArray());
    }

    [Fact]
    public async Task polling_with_nothing_new_keeps_the_cursor()
    {
        var cursor = await FollowToEnd();

        var page = await Page(cursor);

        Assert.Empty(page["changes"]!.AsArray());
        Assert.Equal(cursor, page["endCursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_tampered_cursor_or_one_from_the_audit_trail_is_refused()
    {
        var cursor = await FollowToEnd();
        var auditCursor = (await sandbox.Data("{ auditTrail(first: 1) { pageInfo { endCursor } } }", client: Clients.Governance))["auditTrail"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var tampered = await sandbox.Error(Changes, new { after = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1] }, client: Clients.Association);
        var foreign = await sandbox.Error(Changes, new { after = auditCursor }, client: Clients.Association);
        var tooMany = await sandbox.Error(Changes, new { first = 5000 }, client: Clients.Association);

        Assert.Equal("VALIDATION_FAILED", tampered.Code());
        Assert.Equal(["after"], tampered.Fields());
        Assert.Contains("another query", foreign["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["first"], tooMany.Fields());
    }

    [Fact]
    public async Task the_golden_copy_holds_every_active_identity_with_a_checksum_and_the_cursor_to_continue_from()
    {
        var active = await sandbox.ALegalEntity("Golden Ltd", "GB");
        var person = await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = "Goldie Hawn-Smith", script = "Latn" } }, country = "GB", address = new { lines = new[] { "1 Example Street" }, city = "London", country = "GB" } },
        });
        var gone = await sandbox.ALegalEntity("Gone Ltd", "GB");
        await sandbox.Data("mutation ($input: DeactivateIdentityInput!) { deactivateIdentity(input: $input) { identity { version } } }", new { input = new { gid = gone.Gid(), reason = "Test" } });
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var directory = Path.Combine(Path.GetTempPath(), $"gid-golden-{Guid.NewGuid():N}");
        var services = sandbox.Host.Services;

        var result = await GoldenCopy.ExportAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<ChangeFeed>(), directory, false, CancellationToken.None);
        var later = await sandbox.ALegalEntity("After The Copy Ltd", "GB");
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var next = await Page(result.Cursor);

        var lines = (await File.ReadAllLinesAsync(result.File)).Select(l => JsonNode.Parse(l)!).ToDictionary(l => l["id"]!.GetValue<string>());
        var personGid = person["registerNaturalPerson"]!["identity"]!["gid"]!.GetValue<string>();
        Assert.Equal(lines.Count, result.Lines);
        Assert.Equal("Golden Ltd", lines[active.Gid()]["names"]![0]!["text"]!.GetValue<string>());
        Assert.Null(lines[personGid]["address"]);
        Assert.DoesNotContain(gone.Gid(), lines.Keys);
        Assert.All(lines.Values, l => Assert.Equal("Active", l["status"]!.GetValue<string>()));
        var checksum = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(result.File)));
        Assert.Equal($"{checksum}  {Path.GetFileName(result.File)}\n", await File.ReadAllTextAsync(result.File + ".sha256"));
        Assert.Contains(next["changes"]!.AsArray(), c => c!["gid"]!.GetValue<string>() == later.Gid());
        Assert.DoesNotContain(next["changes"]!.AsArray(), c => c!["gid"]!.GetValue<string>() == active.Gid());
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task the_delta_export_holds_exactly_the_changes_between_two_cursors()
    {
        var feed = sandbox.Host.Services.GetRequiredService<ChangeFeed>();
        var from = await FollowToEnd();
        var company = await sandbox.ALegalEntity("Delta Export Ltd", "GB");
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), name = new { text = "Delta Export Limited", script = "Latn" } } });
        var to = await FollowToEnd();
        await sandbox.ALegalEntity("Outside The Delta Ltd", "GB");
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var directory = Path.Combine(Path.GetTempPath(), $"gid-delta-{Guid.NewGuid():N}");

        var result = await DeltaExport.ExportAsync(feed, from, to, directory, CancellationToken.None);
        var inverted = await Assert.ThrowsAsync<Refusal>(() => DeltaExport.ExportAsync(feed, to, from, directory, CancellationToken.None));

        var lines = (await File.ReadAllLinesAsync(result.File)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([(company.Gid(), "LegalEntityRegistered", 1L), (company.Gid(), "NameAdded", 2L)],
            lines.Select(l => (l["gid"]!.GetValue<string>(), l["type"]!.GetValue<string>(), l["version"]!.GetValue<long>())));
        Assert.Equal("Delta Export Limited", lines[1]["data"]!["name"]!["text"]!.GetValue<string>());
        Assert.Equal(to, result.Cursor);
        Assert.Contains("inverted", inverted.Message, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
