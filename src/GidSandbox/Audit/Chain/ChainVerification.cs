namespace GidSandbox.Audit.Chain;

/// <summary>Where the chain first disagrees with the events table, and how.</summary>
public sealed record ChainBreak(long Sequence, string? StreamId, ChainProblem Problem, IReadOnlyList<string> Differences);

public enum ChainProblem
{
    /// <summary>A chained row's content differs from what was chained (an edit, or another row moved into its place).</summary>
    Changed,

    /// <summary>A chained row is gone.</summary>
    Deleted,

    /// <summary>A row below the chain's head that the chain never covered.</summary>
    NotInChain,

    /// <summary>A link names a predecessor other than the row before it: rows and their links were removed together.</summary>
    LinkMissing,

    /// <summary>A stored link does not follow from the previous link and the row.</summary>
    LinkAltered,

    /// <summary>A checkpoint (or the anchor given) disagrees with the recomputed chain.</summary>
    CheckpointMismatch,
}

public sealed record ChainReport(bool Intact, long EventsVerified, long? HeadSequence, string HeadLink, long PendingEvents, int CheckpointsVerified, ChainBreak? FirstBreak)
{
    /// <summary>Of the events verified, those masked by an erasure: chained as they were, read as the erasure recorded them.</summary>
    public long EventsErased { get; init; }

    /// <summary>
    /// Marten's tombstones passed over: placeholders it wrote where an append failed half way, never chained, and
    /// shaped exactly as Marten writes them (<see cref="AuditChain.TombstoneSql"/>). Not counted as verified or pending.
    /// </summary>
    public long TombstonesSkipped { get; init; }
}

/// <summary>An externally recorded point of the chain (e.g. a published checkpoint) that must still hold.</summary>
public sealed record ChainAnchor(long Sequence, string Link);

/// <summary>
/// Recomputes the chain from the rows and compares it with the stored links, checkpoints and an
/// optional anchor; stops at the first break. Both inputs come in global sequence order. A row an erasure
/// masked is linked by the content hash chained before (which the checkpoints and anchors vouch for) and must
/// read exactly as the erasure's own, chained, record says (<see cref="ErasureExecuted"/>). A row the chain never covered
/// is a break, unless it is one of Marten's tombstones: those carry nothing and may be written after the chain passed
/// their sequence number. A chained tombstone (chains built before they were passed over) verifies like any event.
/// </summary>
public static class ChainVerification
{
    public static async Task<ChainReport> VerifyAsync(
        IAsyncEnumerable<ChainRow> rows,
        IAsyncEnumerable<AuditLink> links,
        IReadOnlyDictionary<long, AuditCheckpoint> checkpoints,
        ChainAnchor? anchor,
        CancellationToken ct,
        IReadOnlyDictionary<long, MaskedEvent>? erased = null)
    {
        erased ??= new Dictionary<long, MaskedEvent>();
        await using var row = rows.GetAsyncEnumerator(ct);
        await using var stored = links.GetAsyncEnumerator(ct);
        var hasRow = await row.MoveNextAsync();
        var hasLink = await stored.MoveNextAsync();
        var link = AuditChain.Genesis;
        long previous = 0, verified = 0, pending = 0, masked = 0, tombstones = 0;
        var checkpointsVerified = 0;
        var anchorSeen = false;
        long? head = null;

        ChainReport Broken(long sequence, string? stream, ChainProblem problem, params string[] differences) =>
            new(false, verified, head, link, pending, checkpointsVerified, new ChainBreak(sequence, stream, problem, differences)) { EventsErased = masked, TombstonesSkipped = tombstones };

        while (hasRow || hasLink)
        {
            if (hasLink && (!hasRow || stored.Current.Id < row.Current.Sequence))
            {
                var l = stored.Current;
                return Broken(l.Id, l.StreamId, ChainProblem.Deleted,
                    $"event {l.Id} ({l.Type}, version {l.Version} of stream {l.StreamId}, event id {l.EventId}, recorded {l.Timestamp}) is no longer in the events table");
            }

            if (hasRow && (!hasLink || row.Current.Sequence < stored.Current.Id))
            {
                var r = row.Current;
                if (r.IsTombstone)
                {
                    tombstones++; // a failed append's placeholder, inside the chain or after its head: never chained
                    hasRow = await row.MoveNextAsync();
                    continue;
                }

                if (hasLink)
                {
                    return Broken(r.Sequence, r.StreamId, ChainProblem.NotInChain,
                        $"event {r.Sequence} ({r.Type}, version {r.Version} of stream {r.StreamId}) lies inside the chain but was never chained: it was inserted, or its sequence number changed, after the chain passed this point");
                }

                pending++; // past the chain's head: the projection has not reached it yet
                hasRow = await row.MoveNextAsync();
                continue;
            }

            var (current, chained) = (row.Current, stored.Current);
            var content = current.ContentHash;
            if (Differences(chained, current) is { Count: > 0 } differences)
            {
                // An erasure masks data and headers only, and records what the row reads since: anything else is an edit.
                if (!erased.TryGetValue(current.Sequence, out var mask) || !ErasedAsRecorded(chained, current, mask))
                {
                    return Broken(current.Sequence, chained.StreamId, ChainProblem.Changed,
                        [.. differences, .. mask is null ? [] : new[] { $"an erasure masked this event and recorded its content as {mask.ContentHash}; it now reads {current.ContentHash}: it was changed after the erasure" }]);
                }

                masked++;
                content = chained.ContentHash; // what the row held when chained, before the erasure
            }

            if (chained.Previous != previous)
            {
                return Broken(current.Sequence, current.StreamId, ChainProblem.LinkMissing,
                    $"the chain links event {current.Sequence} to event {chained.Previous}, but the event before it is {(previous == 0 ? "none" : previous)}: chained events were deleted together with their links");
            }

            var expected = AuditChain.Link(link, content);
            if (expected != chained.Link)
            {
                return Broken(current.Sequence, current.StreamId, ChainProblem.LinkAltered,
                    $"the stored link {chained.Link} does not follow from the previous link and the event; recomputed {expected}: the links were rewritten");
            }

            if (checkpoints.TryGetValue(current.Sequence, out var checkpoint))
            {
                if (checkpoint.Link != expected)
                {
                    return Broken(current.Sequence, current.StreamId, ChainProblem.CheckpointMismatch,
                        $"checkpoint {checkpoint.Position} at event {current.Sequence} records {checkpoint.Link}; the chain recomputes {expected}");
                }

                checkpointsVerified++;
            }

            if (anchor is not null && anchor.Sequence == current.Sequence)
            {
                anchorSeen = true;
                if (!string.Equals(anchor.Link, expected, StringComparison.OrdinalIgnoreCase))
                {
                    return Broken(current.Sequence, current.StreamId, ChainProblem.CheckpointMismatch,
                        $"the recorded anchor says {anchor.Link}; the chain recomputes {expected}: the trail was rewritten up to this event");
                }
            }

            link = expected;
            previous = current.Sequence;
            head = current.Sequence;
            verified++;
            hasRow = await row.MoveNextAsync();
            hasLink = await stored.MoveNextAsync();
        }

        if (anchor is not null && !anchorSeen)
        {
            return Broken(anchor.Sequence, null, ChainProblem.CheckpointMismatch,
                $"the recorded anchor names event {anchor.Sequence}, which is not in the chain: it was deleted, or the chain has not reached it yet");
        }

        return new ChainReport(true, verified, head, link, pending, checkpointsVerified, null) { EventsErased = masked, TombstonesSkipped = tombstones };
    }

    /// <summary>Whether the row is the one chained, masked as the erasure recorded: same event, place and type; only the data and headers it rewrote differ.</summary>
    private static bool ErasedAsRecorded(AuditLink chained, ChainRow now, MaskedEvent mask) =>
        mask.EventId == now.EventId && mask.ContentHash == now.ContentHash && mask.DataHash == now.DataHash
        && (chained.EventId, chained.StreamId, chained.Version, chained.Type, chained.Timestamp) == (now.EventId, now.StreamId, now.Version, now.Type, now.Timestamp);

    /// <summary>What differs between the row as chained and the row as it is now.</summary>
    public static IReadOnlyList<string> Differences(AuditLink chained, ChainRow now)
    {
        var differences = new List<string>();
        if (chained.EventId != now.EventId)
        {
            differences.Add($"event id: chained {chained.EventId}, now {now.EventId} (another event's row holds this sequence number: rows were reordered or replaced)");
        }

        void Compare(string what, object was, object @is)
        {
            if (!Equals(was, @is))
            {
                differences.Add($"{what}: chained {was}, now {@is}");
            }
        }

        Compare("stream", chained.StreamId, now.StreamId);
        Compare("version", chained.Version, now.Version);
        Compare("type", chained.Type, now.Type);
        Compare("timestamp", chained.Timestamp, now.Timestamp);
        if (chained.DataHash != now.DataHash)
        {
            differences.Add($"data: SHA-256 chained {chained.DataHash}, now {now.DataHash}");
        }

        if (differences.Count == 0 && chained.ContentHash != now.ContentHash)
        {
            differences.Add("metadata (headers: office, client, Terms version, reason; correlation id, user, tenant or .NET type) changed");
        }

        return differences;
    }
}
