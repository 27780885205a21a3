using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Marten;
using NodaTime;

namespace GidSandbox.Feed;

/// <summary>One change to one identity: enough for a mirror to know what to fetch again.</summary>
public sealed record IdentityChange(long Sequence, string Gid, string Type, long Version, Instant Timestamp, Instant RecordedAt, string Data);

public sealed record ChangePage(IReadOnlyList<IdentityChange> Changes, string? EndCursor, bool HasMore);

/// <summary>
/// Every change to identities after a cursor, in global sequence order, served only up to the
/// async daemon's high-water mark: below it every event is committed, so a later page can never
/// reveal an earlier change that a mirror already skipped past.
/// </summary>
public sealed class ChangeFeed(AuditLog log, Cursors cursors, IDocumentStore store)
{
    public const string Query = "changes";
    public const int MaxPage = 1_000;
    private static readonly byte[] Fingerprint = System.Security.Cryptography.SHA256.HashData("changes"u8)[..16];

    public AuditFilter Filter { get; } = new(null, null, null,
        [.. IdentityEventTypes.All.Select(t => log.Types.StoredName(t.Name)!).Order(StringComparer.Ordinal)], null, null);

    public string CursorAt(long sequence) => cursors.Create(sequence, Fingerprint);

    public long Position(string? cursor, string field) => cursors.Read(cursor, Fingerprint, field, Query);

    /// <summary>The sequence number below which every event is committed and visible.</summary>
    public async Task<long> HighWaterMarkAsync(CancellationToken ct) =>
        (await store.Advanced.AllProjectionProgress(token: ct)).FirstOrDefault(s => s.ShardName == "HighWaterMark")?.Sequence ?? 0;

    public async IAsyncEnumerable<IdentityChange> ReadAsync(long after, long through, int? limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in log.ReadAsync(Filter, after, limit, ct))
        {
            if (e.Sequence > through)
            {
                yield break;
            }

            yield return new IdentityChange(e.Sequence, e.StreamId, e.Type, e.Version, e.Timestamp, e.RecordedAt, e.Data);
        }
    }

    public async Task<ChangePage> PageAsync(string? after, int first, CancellationToken ct)
    {
        if (first is < 1 or > MaxPage)
        {
            throw Refusal.Invalid("first", $"first is 1 to {MaxPage}; follow endCursor for more.");
        }

        var position = Position(after, "after");
        var through = await HighWaterMarkAsync(ct);
        var changes = new List<IdentityChange>(first + 1);
        await foreach (var change in ReadAsync(position, through, first + 1, ct))
        {
            changes.Add(change);
        }

        var page = changes.Take(first).ToList();
        // With nothing new, the cursor stays where it was, so polling never loses a place.
        var end = page.Count > 0 ? CursorAt(page[^1].Sequence) : after ?? CursorAt(0);
        return new ChangePage(page, end, changes.Count > first);
    }

    public static void Map(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ChangePageGraphType>>(Query)
            .Description("Every change to identities after a cursor (from the beginning without one), oldest first, so an office can mirror the registry. Poll with the endCursor of the previous page.")
            .Argument<StringGraphType>("after")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 100)
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<ChangeFeed>()
                .PageAsync(ctx.GetArgument<string?>("after"), ctx.GetArgument<int>("first"), ctx.CancellationToken));
}

public sealed class IdentityChangeGraphType : ObjectGraphType<IdentityChange>
{
    public IdentityChangeGraphType()
    {
        Name = "IdentityChange";
        Field(x => x.Sequence).Description("Position in the registry-wide event sequence.");
        Field<NonNullGraphType<GidGraphType>>("gid").Resolve(ctx => ctx.Source.Gid);
        Field(x => x.Type).Description("The event type, e.g. NameAdded or IdentityMerged.");
        Field(x => x.Version).Description("The identity's version after this change.");
        Field(x => x.Timestamp, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it happened: for mock data, the instant in the mock world.");
        Field(x => x.RecordedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When the registry stored it; the timestamp except for mock data.");
    }
}

public sealed class ChangePageGraphType : ObjectGraphType<ChangePage>
{
    public ChangePageGraphType()
    {
        Name = "ChangePage";
        Field(x => x.Changes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdentityChangeGraphType>>>));
        Field(x => x.EndCursor, nullable: true).Description("Give it as after to continue; unchanged when there is nothing new.");
        Field(x => x.HasMore).Description("More changes are ready now; ask again at once.");
    }
}
