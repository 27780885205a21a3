using System.Security.Cryptography;

namespace GidSandbox.Audit.Chain;

/// <summary>One row of the events table as the chain sees it: identity, place, and hashes of its content.</summary>
/// <remarks><paramref name="IsTombstone"/>: the row is exactly Marten's placeholder for an append that failed (<see cref="AuditChain.TombstoneSql"/>).</remarks>
public sealed record ChainRow(long Sequence, string EventId, string StreamId, long Version, string Type, string Timestamp, string DataHash, string ContentHash, bool IsTombstone = false);

/// <summary>
/// The chain's record of one event: what the row was when it was chained, and the link
/// SHA-256(previous link ‖ content hash) that ties it to every event before it.
/// </summary>
public sealed record AuditLink(long Id, long Previous, long Position, string EventId, string StreamId, long Version, string Type, string Timestamp, string DataHash, string ContentHash, string Link);

/// <summary>Every <see cref="AuditChain.CheckpointEvery"/> events: the link at that point, to record outside the registry.</summary>
public sealed record AuditCheckpoint(long Id, long Position, string Link, string Timestamp);

public static class AuditChain
{
    public const int CheckpointEvery = 1_000;

    /// <summary>The link before the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Link(string previous, string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(previous), .. Convert.FromHexString(contentHash)]));

    /// <summary>Links the next rows after <paramref name="tail"/> (null at the start of the chain).</summary>
    public static IReadOnlyList<AuditLink> Extend(AuditLink? tail, IEnumerable<ChainRow> rows)
    {
        var links = new List<AuditLink>();
        var (previous, position, link) = tail is null ? (0L, 0L, Genesis) : (tail.Id, tail.Position, tail.Link);
        foreach (var row in rows)
        {
            link = Link(link, row.ContentHash);
            position++;
            links.Add(new AuditLink(row.Sequence, previous, position, row.EventId, row.StreamId, row.Version, row.Type, row.Timestamp, row.DataHash, row.ContentHash, link));
            previous = row.Sequence;
        }

        return links;
    }

    public static bool IsCheckpoint(AuditLink link) => link.Position % CheckpointEvery == 0;

    /// <summary>
    /// Marten's tombstone, as it writes one into each sequence number an append that failed half way had reserved (a
    /// concurrency conflict, the database restarting under it): stream mt_tombstone, type tombstone, version equal to
    /// the sequence number, empty data, no time (-infinity), no headers, user or correlation id. It records nothing
    /// that happened, so the chain does not link it, and it may turn up after the daemon has chained past its sequence
    /// number. Only a row of exactly this shape is one: anything else in that stream carries content and is chained
    /// (and, found unchained inside the chain, is a break) like any other event.
    /// </summary>
    public const string TombstoneSql = """
        coalesce(stream_id = 'mt_tombstone' and type = 'tombstone' and version = seq_id and data = '{}'::jsonb and bdata is null
            and timestamp = '-infinity' and tenant_id = '*DEFAULT*' and mt_dotnet_type = 'JasperFx.Events.Tombstone, JasperFx.Events'
            and headers is null and correlation_id is null and user_name is null and not is_archived, false)
        """;

    /// <summary>
    /// The SQL that reads rows for the chain, used by the projection and the verification alike, so
    /// both hash exactly the same bytes. The content hash covers every column of the row that says
    /// what happened (jsonb's text form is canonical: keys sorted, whitespace fixed). A timestamp that
    /// to_char cannot write (±infinity: Marten's tombstone, which chains built before tombstones were
    /// passed over may hold) is read as PostgreSQL spells it. Marten's binary body (<c>bdata</c>, never written by
    /// the registry) and its archive flag (archived events drop out of Marten's reads) count only when set:
    /// concat_ws skips a null, so rows chained before they were covered hash as they did.
    /// </summary>
    public static string RowsSql(string eventsTable, string where) => $"""
        select seq_id, id::text, stream_id, version, type, ts,
               encode(sha256(convert_to(data::text, 'UTF8')), 'hex'),
               encode(sha256(convert_to(concat_ws(chr(31), seq_id::text, id::text, stream_id, version::text, type, ts,
                   coalesce(tenant_id, ''), coalesce(mt_dotnet_type, ''), coalesce(correlation_id, ''), coalesce(user_name, ''),
                   coalesce(headers::text, ''), data::text, encode(bdata, 'hex'), case when is_archived then 'archived' end), 'UTF8')), 'hex'),
               {TombstoneSql}
        from (select *, coalesce(to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), timestamp::text) as ts from {eventsTable} where {where}) e
        order by seq_id
        """;

    public static ChainRow ReadRow(Npgsql.NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetBoolean(8));
}
