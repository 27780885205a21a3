using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.Matching;

/// <summary>
/// Finds the active identities worth scoring for a query, in PostgreSQL: names whose key is
/// trigram-similar to a query name (pg_trgm <c>word_similarity</c> through the GiST index on
/// <see cref="MatchProfile.SearchText"/>), plus identities holding one of the query's identifiers.
/// </summary>
public static class Candidates
{
    /// <summary>The pg_trgm word similarity a name must reach to be scored at all.</summary>
    public const double WordSimilarityThreshold = 0.45;

    public const int PerQueryName = 20;

    /// <summary>Marten's table for <see cref="MatchProfile"/> in the "gid" schema.</summary>
    public const string Table = "gid.mt_doc_matchprofile";

    /// <summary>Candidates for each query, in one round trip for the whole batch.</summary>
    public static async Task<IReadOnlyList<List<MatchProfile>>> FindAsync(IDocumentStore store, IReadOnlyList<MatchQuery> queries, bool countryIsFilter, CancellationToken ct, int perQueryName = PerQueryName)
    {
        var found = queries.Select(_ => new List<MatchProfile>()).ToList();
        var rows = queries.SelectMany((q, i) => q.Standardized.Select(n => (Ordinal: i, n.Standard.Key, Kind: q.Kind?.ToString(), Country: countryIsFilter ? q.Country : null))).ToList();
        var serializer = store.Options.Serializer();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        if (rows.Count > 0)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand(
                $"""
                set local pg_trgm.word_similarity_threshold = {WordSimilarityThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)};
                select q.ord, p.data from unnest(@texts, @ords, @kinds, @countries) as q(text, ord, kind, country)
                cross join lateral (
                  select d.data from {Table} d
                  where q.text <% d.search_text and d.status = 'Active'
                    and (q.kind is null or d.kind = q.kind) and (q.country is null or d.country = q.country)
                  order by q.text <<-> d.search_text
                  limit {perQueryName}) p
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Key).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("ords", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.Ordinal).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => (object?)r.Kind ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("countries", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => (object?)r.Country ?? DBNull.Value).ToArray() });
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var profile = serializer.FromJson<MatchProfile>(reader, 1);
                    var list = found[reader.GetInt32(0)];
                    if (list.TrueForAll(p => p.Id != profile.Id))
                    {
                        list.Add(profile);
                    }
                }
            }

            await transaction.CommitAsync(ct);
        }

        await AddIdentifierHoldersAsync(store, queries, found, ct);
        return found;
    }

    private static async Task AddIdentifierHoldersAsync(IDocumentStore store, IReadOnlyList<MatchQuery> queries, List<List<MatchProfile>> found, CancellationToken ct)
    {
        var keys = queries.SelectMany(q => q.Identifiers.Select(x => x.Key)).Distinct().ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        await using var session = store.QuerySession();
        var claims = await session.LoadManyAsync<ExternalIdentifierClaim>(ct, keys);
        var holders = (await session.LoadManyAsync<MatchProfile>(ct, claims.Select(c => c.Gid).Distinct().ToArray()))
            .Where(p => p.Status == IdentityStatus.Active).ToDictionary(p => p.Id);
        for (var i = 0; i < queries.Count; i++)
        {
            foreach (var claim in claims.Where(c => queries[i].Identifiers.Any(x => x.Key == c.Id)))
            {
                if (holders.TryGetValue(claim.Gid, out var holder) && found[i].TrueForAll(p => p.Id != holder.Id))
                {
                    found[i].Add(holder);
                }
            }
        }
    }
}
