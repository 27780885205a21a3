using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Npgsql;

namespace GidSandbox.Audit.Chain;

/// <summary>
/// Keeps the hash chain as the async daemon hands it events, in global sequence order and only up
/// to the high-water mark (below which the order is final). It reads the rows themselves rather
/// than the deserialized events, so the links cover exactly what is stored. Marten's tombstones are passed over
/// (<see cref="AuditChain.TombstoneSql"/>): the chain covers what happened, not the placeholders of failed appends.
/// </summary>
public sealed class AuditChainProjection(string connectionString, string schema) : IProjection, IDisposable
{
    public const string Name = "audit-chain";
    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(connectionString);
    private AuditLink? _tail;

    public static string LinksTable(string schema) => $"{schema}.mt_doc_audit_link";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0)
        {
            return;
        }

        var first = events[0].Sequence;
        // A retried or rebuilt range starts at or before what this instance last linked: read the tail again.
        if (_tail is null || _tail.Id >= first)
        {
            _tail = await TailBeforeAsync(first, cancellation);
        }

        var rows = new List<ChainRow>(events.Count);
        await using (var command = _database.CreateCommand(AuditChain.RowsSql($"{schema}.mt_events", "seq_id = any($1)")))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Sequence).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                if (AuditChain.ReadRow(reader) is { IsTombstone: false } row)
                {
                    rows.Add(row);
                }
            }
        }

        var links = AuditChain.Extend(_tail, rows);
        foreach (var link in links)
        {
            operations.Store(link);
            if (AuditChain.IsCheckpoint(link))
            {
                operations.Store(new AuditCheckpoint(link.Id, link.Position, link.Link, link.Timestamp));
            }
        }

        _tail = links.Count > 0 ? links[^1] : _tail;
    }

    private async Task<AuditLink?> TailBeforeAsync(long sequence, CancellationToken ct)
    {
        await using var command = _database.CreateCommand($"select data::text from {LinksTable(schema)} where id < $1 order by id desc limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        try
        {
            return await command.ExecuteScalarAsync(ct) is string json
                ? System.Text.Json.JsonSerializer.Deserialize<AuditLink>(json, ChainJson.Options)
                : null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    public void Dispose() => _database.Dispose();
}

internal static class ChainJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
