using Marten;
using Npgsql;

namespace GidSandbox.Identities;

/// <summary>
/// Whether every identity's document reads the version of its event stream: what a writer sends back
/// as its expected version, so a document behind its stream would refuse every write with CONFLICT.
/// One statement over the whole registry, for <c>verify</c> after any load path.
/// </summary>
public static class StreamVersions
{
    /// <summary>An identity whose document and stream disagree.</summary>
    public sealed record Behind(string Gid, long DocumentVersion, long StreamVersion);

    /// <summary>How many identities were compared, how many differ, and the first <see cref="MaxListed"/> of those.</summary>
    public sealed record Report(long Identities, long Differing, IReadOnlyList<Behind> First);

    public const int MaxListed = 20;

    public static async Task<Report> CheckAsync(IDocumentStore store, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    create temporary table versions on commit drop as
                    select d.id, (d.data ->> 'version')::bigint as document, coalesce(s.version, 0) as stream
                    from {schema}.mt_doc_identity d left join {schema}.mt_streams s on s.id = d.id
                    """),
                new NpgsqlBatchCommand("select count(*), count(*) filter (where document <> stream) from versions"),
                new NpgsqlBatchCommand($"select id, document, stream from versions where document <> stream order by id limit {MaxListed}"),
            },
        };
        await using var transaction = await connection.BeginTransactionAsync(ct);
        batch.Transaction = transaction;
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (identities, differing) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.NextResultAsync(ct);
        var first = new List<Behind>();
        while (await reader.ReadAsync(ct))
        {
            first.Add(new Behind(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return new Report(identities, differing, first);
    }
}
