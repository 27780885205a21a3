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

    /// <summary>
    /// The trigram searches, strictest first: common names pass 0.45 by the thousand in a large
    /// registry, and each passing row is rechecked; a name with its limit of look-alikes at one step
    /// has found its closest ones at every lower threshold too, so only names with fewer go on.
    /// </summary>
    public static readonly IReadOnlyList<double> Thresholds = [0.8, 0.7, 0.6, WordSimilarityThreshold];

    /// <summary>
    /// A key with fewer trigrams than this ("l da": an initial and a two-letter word) is searched at
    /// the strictest step only: below it, one shared short word is enough to pass, and thousands do.
    /// </summary>
    public const int FewTrigrams = 6;

    public const int PerQueryName = 20;

    /// <summary>How many connections a batch's trigram searches are spread over.</summary>
    public const int ParallelSearches = 4;

    /// <summary>Marten's table for <see cref="MatchProfile"/> in the "gid" schema.</summary>
    public const string Table = "gid.mt_doc_matchprofile";

    public const string SearchTextIndex = "gid.mt_doc_matchprofile_idx_search_text";

    /// <summary>
    /// Candidates for each query. Every query name is first looked up by its exact keys (same words
    /// in any order, same letters with other spacing, a person's initials); a query with as many
    /// exact hits as its limit has nothing closer to find and skips the trigram search, which is
    /// where the time goes. With <paramref name="exactFirst"/> (batch matching) one exact hit is
    /// enough; without it (search and the duplicate check, which show look-alikes) the others get
    /// their trigram look-alikes too.
    /// </summary>
    public static async Task<IReadOnlyList<List<MatchProfile>>> FindAsync(IDocumentStore store, IReadOnlyList<MatchQuery> queries, bool countryIsFilter, bool exactFirst, CancellationToken ct, int perQueryName = PerQueryName)
    {
        var found = queries.Select(_ => new List<MatchProfile>()).ToList();
        var names = queries.SelectMany((q, i) => q.Standardized.Select(n => new Lookup(i, n.Standard, q.Kind?.ToString(), countryIsFilter ? q.Country : null))).ToList();
        var exact = names.SelectMany(n => n.Standard.ExactKeys.Select(key => n with { Text = key })).ToList();
        Add(found, exact, await QueryAsync(store, ExactSql(perQueryName), exact, ct));

        var lookAlikes = names.Where(n => found[n.Ordinal].Count < (exactFirst ? 1 : perQueryName)).Select(n => n with { Text = n.Standard.Key }).ToList();
        foreach (var threshold in Thresholds)
        {
            var rows = await TrigramAsync(store, lookAlikes, threshold, perQueryName, ct);
            var counts = rows.CountBy(row => row.Lookup).ToDictionary();
            var last = threshold == Thresholds[^1];
            var stops = lookAlikes.Select((lookup, i) => last || counts.GetValueOrDefault(i) >= perQueryName || Trigrams.Of(lookup.Text).Count < FewTrigrams).ToArray();
            Add(found, lookAlikes, rows.Where(row => stops[row.Lookup]));
            lookAlikes = [.. lookAlikes.Where((_, i) => !stops[i])];
        }

        await AddIdentifierHoldersAsync(store, queries, found, ct);
        return found;
    }

    /// <summary>One query name to look up: the text searched for (an exact key or the trigram key) and the filters.</summary>
    private sealed record Lookup(int Ordinal, StandardName Standard, string? Kind, string? Country)
    {
        public string Text { get; init; } = "";
    }

    private static void Add(List<List<MatchProfile>> found, IReadOnlyList<Lookup> lookups, IEnumerable<(int Lookup, MatchProfile Profile)> rows)
    {
        foreach (var (lookup, profile) in rows)
        {
            var list = found[lookups[lookup].Ordinal];
            if (list.TrueForAll(p => p.Id != profile.Id))
            {
                list.Add(profile);
            }
        }
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

    private static string TrigramSql(double threshold, int limit) =>
        $"""
        set local pg_trgm.word_similarity_threshold = {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)};
        select q.ord, p.data from unnest(@texts, @ords, @kinds, @countries) as q(text, ord, kind, country)
        cross join lateral (
          select d.data from {Table} d
          where q.text <% d.search_text and d.status = 'Active'
            and (q.kind is null or d.kind = q.kind) and (q.country is null or d.country = q.country)
          order by q.text <<-> d.search_text
          limit {limit}) p
        """;

    // The lookups' trigram searches spread over several connections; rows carry the lookup's position.
    private static async Task<List<(int Lookup, MatchProfile Profile)>> TrigramAsync(IDocumentStore store, IReadOnlyList<Lookup> lookups, double threshold, int limit, CancellationToken ct)
    {
        var size = Math.Max(1, (lookups.Count + ParallelSearches - 1) / ParallelSearches);
        var starts = Enumerable.Range(0, (lookups.Count + size - 1) / size).Select(c => c * size).ToList();
        var parts = new List<(int, MatchProfile)>[starts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, starts.Count), ct, async (c, token) =>
        {
            var chunk = lookups.Skip(starts[c]).Take(size).ToList();
            parts[c] = [.. (await QueryAsync(store, TrigramSql(threshold, limit), chunk, token)).Select(row => (row.Lookup + starts[c], row.Profile))];
        });
        return [.. parts.SelectMany(p => p)];
    }

    // One round trip for all the lookups given; each row names the position of its lookup.
    private static async Task<List<(int Lookup, MatchProfile Profile)>> QueryAsync(IDocumentStore store, string sql, IReadOnlyList<Lookup> lookups, CancellationToken ct)
    {
        var rows = new List<(int, MatchProfile)>();
        if (lookups.Count == 0)
        {
            return rows;
        }

        var serializer = store.Options.Serializer();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => r.Text).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ords", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = Enumerable.Range(0, lookups.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => (object?)r.Kind ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("countries", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => (object?)r.Country ?? DBNull.Value).ToArray() });
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt32(0), serializer.FromJson<MatchProfile>(reader, 1)));
            }
        }

        await transaction.CommitAsync(ct);
        return rows;
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
