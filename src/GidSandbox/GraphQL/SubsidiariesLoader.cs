using GraphQL;
using GraphQL.DataLoader;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.GraphQL;

/// <summary>
/// The subsidiaries of every identity a request lists, read with one statement: each <c>subsidiaries</c> field
/// registers its parent and answers later, and the first answer awaited reads them all. GraphQL for .NET resolves
/// every sibling field of a list before it awaits their pending results, so a list of 1,000 parents costs one
/// round trip, not 1,000.
/// </summary>
public sealed class SubsidiariesLoader
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<ILookup<string, string>>> _batchOf = new(StringComparer.Ordinal);

    public IDataLoaderResult<IReadOnlyList<string>> Load(IResolveFieldContext context, string parent)
    {
        lock (_gate)
        {
            if (!_batchOf.ContainsKey(parent))
            {
                _pending.Add(parent);
            }
        }

        return new Pending(this, context, parent);
    }

    private async Task<IReadOnlyList<string>> ResultAsync(IResolveFieldContext context, string parent, CancellationToken ct)
    {
        Task<ILookup<string, string>> batch;
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(parent, out batch!))
            {
                var parents = _pending.ToArray();
                _pending.Clear();
                batch = ReadAsync(context, parents, ct);
                foreach (var id in parents)
                {
                    _batchOf[id] = batch;
                }
            }
        }

        return [.. (await batch)[parent]];
    }

    private static async Task<ILookup<string, string>> ReadAsync(IResolveFieldContext context, string[] parents, CancellationToken ct)
    {
        using var slot = await context.ConnectionSlotAsync();
        var store = context.Store();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            select parent, id from (
              select data ->> 'parent' as parent, id, row_number() over (partition by data ->> 'parent' order by id) as place
              from {store.Options.DatabaseSchemaName}.mt_doc_identity
              where data ->> 'parent' = any(@parents)) as children
            where place <= {IdentityGraphType.MaxSubsidiaries}
            order by id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("parents", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = parents });
        var rows = new List<(string Parent, string Id)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows.ToLookup(row => row.Parent, row => row.Id, StringComparer.Ordinal);
    }

    private sealed class Pending(SubsidiariesLoader loader, IResolveFieldContext context, string parent) : IDataLoaderResult<IReadOnlyList<string>>
    {
        public Task<IReadOnlyList<string>> GetResultAsync(CancellationToken cancellationToken = default) =>
            loader.ResultAsync(context, parent, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
