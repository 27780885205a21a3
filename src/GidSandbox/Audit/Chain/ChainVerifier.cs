using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten;
using Npgsql;

namespace GidSandbox.Audit.Chain;

/// <summary>Reads the stored chain and the events table, streaming, and hands both to <see cref="ChainVerification"/>.</summary>
public sealed class ChainVerifier(NpgsqlDataSource database, IDocumentStore store)
{
    private readonly string _schema = store.Options.Events.DatabaseSchemaName;

    public async Task<ChainReport> VerifyAsync(ChainAnchor? anchor, CancellationToken ct)
    {
        var checkpoints = new Dictionary<long, AuditCheckpoint>();
        await foreach (var checkpoint in ReadJsonAsync<AuditCheckpoint>($"select data::text from {_schema}.mt_doc_audit_checkpoint order by id", ct))
        {
            checkpoints[checkpoint.Id] = checkpoint;
        }

        // What erasures masked, read before the rows: a row masked later fails, as it was not masked under a record read here.
        var erased = new Dictionary<long, MaskedEvent>();
        await foreach (var execution in ReadJsonAsync<ErasureExecuted>($"select data::text from {_schema}.mt_events where type = 'erasure_executed' order by seq_id", ct))
        {
            foreach (var masked in execution.Masked)
            {
                erased[masked.Sequence] = masked; // a later erasure masking the same event again records it anew
            }
        }

        // Links first, rows second: the rows' snapshot is then the later one and holds every chained row.
        var links = ReadJsonAsync<AuditLink>($"select data::text from {AuditChainProjection.LinksTable(_schema)} order by id", ct);
        await using var linkEnumerator = links.GetAsyncEnumerator(ct);
        var first = await linkEnumerator.MoveNextAsync();
        return await ChainVerification.VerifyAsync(ReadRowsAsync(ct), Prepend(first, linkEnumerator), checkpoints, anchor, ct, erased);
    }

    public async Task<IReadOnlyList<AuditCheckpoint>> LatestCheckpointsAsync(int count, CancellationToken ct)
    {
        var latest = new List<AuditCheckpoint>();
        await foreach (var checkpoint in ReadJsonAsync<AuditCheckpoint>($"select data::text from {_schema}.mt_doc_audit_checkpoint order by id desc limit {count}", ct))
        {
            latest.Add(checkpoint);
        }

        return latest;
    }

    private async IAsyncEnumerable<ChainRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = database.CreateCommand(AuditChain.RowsSql($"{_schema}.mt_events", "true"));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return AuditChain.ReadRow(reader);
        }
    }

    private async IAsyncEnumerable<T> ReadJsonAsync<T>(string sql, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            yield break; // nothing chained yet
        }

        await using (reader)
        {
            while (await reader.ReadAsync(ct))
            {
                yield return JsonSerializer.Deserialize<T>(reader.GetString(0), ChainJson.Options)!;
            }
        }
    }

    private static async IAsyncEnumerable<AuditLink> Prepend(bool hasFirst, IAsyncEnumerator<AuditLink> started)
    {
        for (var has = hasFirst; has; has = await started.MoveNextAsync())
        {
            yield return started.Current;
        }
    }
}
