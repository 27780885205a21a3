using GidSandbox.Audit.Chain;

namespace GidSandbox.Tests.Audit.Chain;

/// <summary>The pure comparison: the same rows and links the database would give, altered in memory.</summary>
public sealed class ChainVerificationTests
{
    private static ChainRow Row(long sequence, string stream = "office-EP", string data = "d") => new(
        sequence, $"00000000-0000-0000-0000-{sequence:D12}", stream, 1, "office_suspended", "2026-11-25T08:00:00.000000Z", Hash(data), Hash($"{sequence}{stream}{data}"));

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static Task<ChainReport> Verify(IEnumerable<ChainRow> rows, IEnumerable<AuditLink> links, ChainAnchor? anchor = null, IEnumerable<AuditCheckpoint>? checkpoints = null) =>
        ChainVerification.VerifyAsync(rows.ToAsyncEnumerable(), links.ToAsyncEnumerable(), (checkpoints ?? []).ToDictionary(c => c.Id), anchor, CancellationToken.None);

    private static readonly ChainRow[] Rows = [Row(1), Row(2), Row(4), Row(5)];

    [Fact]
    public async Task an_untouched_trail_verifies_with_its_head_and_pending_events()
    {
        var links = AuditChain.Extend(null, Rows.Take(3));

        var report = await Verify([.. Rows, Row(6)], links, new ChainAnchor(2, links[1].Link));

        Assert.True(report.Intact);
        Assert.Equal((3L, 4L, links[2].Link, 2L), (report.EventsVerified, report.HeadSequence!.Value, report.HeadLink, report.PendingEvents));
    }

    [Fact]
    public async Task each_link_covers_the_previous_link_and_the_event()
    {
        var links = AuditChain.Extend(null, Rows);

        Assert.Equal(AuditChain.Link(AuditChain.Genesis, Rows[0].ContentHash), links[0].Link);
        Assert.Equal(AuditChain.Link(links[1].Link, Rows[2].ContentHash), links[2].Link);
        Assert.Equal((2L, 3L), (links[2].Previous, links[2].Position));
        Assert.Equal(links, [.. AuditChain.Extend(null, Rows.Take(2)), .. AuditChain.Extend(links[1], Rows.Skip(2))]);
    }

    [Fact]
    public async Task an_edited_event_is_located_with_what_changed()
    {
        var links = AuditChain.Extend(null, Rows);

        var report = await Verify([Rows[0], Row(2, data: "edited"), Rows[2], Rows[3]], links);

        Assert.False(report.Intact);
        Assert.Equal((2L, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
        Assert.StartsWith("data: SHA-256 chained", Assert.Single(report.FirstBreak.Differences), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_deleted_event_is_located()
    {
        var report = await Verify([Rows[0], Rows[2], Rows[3]], AuditChain.Extend(null, Rows));

        Assert.Equal((2L, "office-EP", ChainProblem.Deleted), (report.FirstBreak!.Sequence, report.FirstBreak.StreamId, report.FirstBreak.Problem));
    }

    [Fact]
    public async Task an_event_deleted_with_its_link_breaks_the_next_link()
    {
        var links = AuditChain.Extend(null, Rows).Where(l => l.Id != 2);

        var report = await Verify([Rows[0], Rows[2], Rows[3]], links);

        Assert.Equal((4L, ChainProblem.LinkMissing), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
    }

    [Fact]
    public async Task an_event_slipped_into_the_chain_is_located()
    {
        var report = await Verify([Rows[0], Rows[1], Row(3), Rows[2], Rows[3]], AuditChain.Extend(null, Rows));

        Assert.Equal((3L, ChainProblem.NotInChain), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
    }

    [Fact]
    public async Task an_unchained_tombstone_inside_the_chain_or_after_its_head_is_passed_and_counted()
    {
        var tombstone = Row(3, "mt_tombstone", "{}") with { IsTombstone = true };
        var links = AuditChain.Extend(null, Rows.Take(3));

        var report = await Verify([Rows[0], Rows[1], tombstone, Rows[2], Rows[3], Row(6, "mt_tombstone", "{}") with { IsTombstone = true }], links);

        Assert.True(report.Intact);
        Assert.Equal((3L, 2L, 1L, links[2].Link), (report.EventsVerified, report.TombstonesSkipped, report.PendingEvents, report.HeadLink));
    }

    [Fact]
    public async Task a_tombstone_an_older_chain_linked_verifies_as_an_event_and_may_not_change()
    {
        var rows = new[] { Rows[0], Rows[1], Row(3, "mt_tombstone", "{}") with { IsTombstone = true }, Rows[2] };
        var links = AuditChain.Extend(null, rows);

        var report = await Verify(rows, links);
        var changed = await Verify([.. rows.Select(r => r.Sequence == 3 ? Row(3, "mt_tombstone", "other") with { IsTombstone = true } : r)], links);

        Assert.Equal((true, 4L, 0L), (report.Intact, report.EventsVerified, report.TombstonesSkipped));
        Assert.Equal((3L, ChainProblem.Changed), (changed.FirstBreak!.Sequence, changed.FirstBreak.Problem));
    }

    [Fact]
    public async Task rewritten_links_are_caught_by_a_checkpoint_or_an_anchor_recorded_elsewhere()
    {
        var original = AuditChain.Extend(null, Rows);
        var forgedRows = new[] { Rows[0], Row(2, data: "forged"), Rows[2], Rows[3] };
        var forged = AuditChain.Extend(null, forgedRows);

        var byAnchor = await Verify(forgedRows, forged, new ChainAnchor(4, original[2].Link));
        var byCheckpoint = await Verify(forgedRows, forged, checkpoints: [new AuditCheckpoint(5, 4, original[3].Link, "")]);
        var alteredLink = await Verify(Rows, original.Select(l => l.Id == 4 ? l with { Link = new string('a', 64) } : l));

        Assert.Equal((4L, ChainProblem.CheckpointMismatch), (byAnchor.FirstBreak!.Sequence, byAnchor.FirstBreak.Problem));
        Assert.Equal((5L, ChainProblem.CheckpointMismatch), (byCheckpoint.FirstBreak!.Sequence, byCheckpoint.FirstBreak.Problem));
        Assert.Equal((4L, ChainProblem.LinkAltered), (alteredLink.FirstBreak!.Sequence, alteredLink.FirstBreak.Problem));
    }
}
