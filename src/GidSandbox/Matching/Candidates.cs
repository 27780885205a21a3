using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.Matching;

/// <summary>
/// Finds the active identities worth scoring for a query, in PostgreSQL: identities with a name
/// equal to a query name in any word order or spacing (the GIN index on
/// <see cref="MatchProfile.ExactKeys"/>), names whose key is trigram-similar to a query name
/// (pg_trgm <c>word_similarity</c> through the GIN index on <see cref="MatchProfile.SearchText"/>),
/// plus identities holding one of the query's identifiers.
/// </summary>
public static class Candidates
{
    /// <summary>The pg_trgm word similarity a name must reach to be scored at all.</summary>
    public const double WordSimilarityThreshold = 0.45;

    public const int PerQueryName = 20;

    /// <summary>How many connections a batch's trigram searches are spread over.</summary>
    public const int ParallelSearches = 4;

    /// <summary>Marten's table for <see cref="MatchProfile"/> in the "gid" schema.</summary>
    public const string Table = "gid.mt_doc_matchprofile";

    public const string SearchTextIndex = "gid.mt_doc_matchprofile_idx_search_text";

    /// <summary>
    /// Candidates for each query. With <paramref name="exactFirst"/>, a query with a name found
    /// exactly (same words in any order, same letters with other spacing) takes those identities
    /// and skips the trigram search, which is where the time goes; without it every query gets its
    /// trigram look-alikes (search and the duplicate check show them).
    /// </summary>
    public static async Task<IReadOnlyList<List<MatchProfile>>> FindAsync(IDocumentStore store, IReadOnlyList<MatchQuery> queries, bool countryIsFilter, bool exactFirst, CancellationToken ct, int perQueryName = PerQueryName)
    {
        var found = queries.Select(_ => new List<MatchProfile>()).ToList();
        var names = queries.SelectMany((q, i) => q.Standardized.Select(n => new Lookup(i, n.Standard, q.Kind?.ToString(), countryIsFilter ? q.Country : null))).ToList();
        if (exactFirst && names.Count > 0)
        {
            var exact = names.SelectMany(n => n.Standard.ExactKeys.Select(key => n with { Text = key })).ToList();
            await AddAsync(store, found, ExactSql(perQueryName), exact, ct);
        }

        var lookAlikes = names.Where(n => !exactFirst || found[n.Ordinal].Count == 0).Select(n => n with { Text = n.Standard.Key }).ToList();
        var chunks = lookAlikes.Chunk(Math.Max(1, (lookAlikes.Count + ParallelSearches - 1) / ParallelSearches)).ToList();
        var parts = chunks.Select(_ => queries.Select(_ => new List<MatchProfile>()).ToList()).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count), ct, (c, token) => new ValueTask(AddAsync(store, parts[c], TrigramSql(perQueryName), chunks[c], token)));
        foreach (var part in parts)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                found[i].AddRange(part[i].Where(p => found[i].TrueForAll(known => known.Id != p.Id)));
            }
        }

        await AddIdentifierHoldersAsync(store, queries, found, ct);
        return found;
    }

    /// <summary>One query name to look up: the text searched for (an exact key or the trigram key) and the filters.</summary>
    private sealed record Lookup(int Ordinal, StandardName Standard, string? Kind, string? Country)
    {
        public string Text { get; init; } = "";
    }

    private static string ExactSql(int limit) =>
        $"""
        select q.ord, p.data from unnest(@texts, @ords, @kinds, @countries) as q(text, ord, kind, country)
        cross join lateral (
          select d.data from {Table} d
          where d.exact_keys @> array[q.text] and d.status = 'Active'
            and (q.kind is null or d.kind = q.kind) and (q.country is null or d.country = q.country)
          limit {limit}) p
        """;

    private static string TrigramSql(int limit) =>
        $"""
        set local pg_trgm.word_similarity_threshold = {WordSimilarityThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)};
        select q.ord, p.data from unnest(@texts, @ords, @kinds, @countries) as q(text, ord, kind, country)
        cross join lateral (
          select d.data from {Table} d
          where q.text <% d.search_text and d.status = 'Active'
            and (q.kind is null or d.kind = q.kind) and (q.country is null or d.country = q.country)
          order by q.text <<-> d.search_text
          limit {limit}) p
        """;

    // One round trip for all the lookups given, each row adding an identity to its query's list once.
    private static async Task AddAsync(IDocumentStore store, List<List<MatchProfile>> found, string sql, IReadOnlyList<Lookup> lookups, CancellationToken ct)
    {
        if (lookups.Count == 0)
        {
            return;
        }

        var serializer = store.Options.Serializer();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => r.Text).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ords", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = lookups.Select(r => r.Ordinal).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => (object?)r.Kind ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("countries", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => (object?)r.Country ?? DBNull.Value).ToArray() });
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
