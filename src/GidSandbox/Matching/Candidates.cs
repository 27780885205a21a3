using System.Runtime.CompilerServices;
using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.Matching;

/// <summary>
/// Finds the active identities worth scoring for a query, in PostgreSQL: identities with a name
/// equal to a query name in any word order or spacing (the GIN index on
/// <see cref="MatchProfile.ExactKeys"/>), identities holding every word of a query name or a word
/// one letter away (the GIN index on <see cref="MatchProfile.Words"/>), names whose key is
/// trigram-similar to a query name when the words found nothing (pg_trgm <c>word_similarity</c>
/// through the GIN index on <see cref="MatchProfile.SearchText"/>), plus identities holding one of
/// the query's identifiers.
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

    /// <summary>How many connections a batch's searches are spread over.</summary>
    public const int ParallelSearches = 4;

    /// <summary>
    /// The most names one statement looks up: however large the batch, each statement's time stays far inside the
    /// statement timeout (a thousand names nothing else found, in four statements, ran into it when the cores were busy).
    /// </summary>
    public const int PerStatement = 50;

    /// <summary>
    /// The fewest exact keys one statement looks up: a search's or a registration's keys (a dozen or so) in one round
    /// trip on one connection, a batch's thousands spread over <see cref="ParallelSearches"/>.
    /// </summary>
    public const int ExactKeysTogether = 100;

    /// <summary>The most profiles one statement reads.</summary>
    public const int LoadedTogether = 500;

    /// <summary>
    /// Words this long or longer also meet the words one letter away (the scoring's typo rule starts
    /// at four letters); shorter ones ("li", "wei") only themselves.
    /// </summary>
    public const int VariantLength = 4;

    /// <summary>The most words of one query name the word search uses (its first ones).</summary>
    public const int MaxWords = 8;

    /// <summary>
    /// The most identities a word search ranks for one name: a name of common words ("Energy
    /// Systems") is held by thousands, and ranking them all would cost more than they are worth.
    /// </summary>
    public const int MaxRanked = 300;

    /// <summary>
    /// The most identities that may hold a word (or words) for the search by all words but one to take them: more
    /// holders of the words left ("ivanov", "electronics": thousands at a million identities) are too many to find
    /// the one meant by those words alone, and the first few the index gives would be an arbitrary sample of them.
    /// </summary>
    public const int MaxHolders = 20;

    /// <summary>Marten's table for <see cref="MatchProfile"/> in the "gid" schema.</summary>
    public const string Table = "gid.mt_doc_matchprofile";

    public const string SearchTextIndex = "gid.mt_doc_matchprofile_idx_search_text";

    public const string WordsIndex = "gid.mt_doc_matchprofile_idx_words";

    /// <summary>
    /// A word and, from four letters on, the word with each one letter left out. Two words one
    /// insertion, deletion or substitution apart (or with two neighbours swapped) always share a
    /// variant (as do some two apart), so a GIN index over every stored word's variants finds a
    /// query word's look-alikes by plain lookups ("semicnductor" meets "semiconductor" in "semicnductor").
    /// </summary>
    public static IEnumerable<string> WordVariants(string word) =>
        word.Length < VariantLength ? [word] : Enumerable.Range(0, word.Length).Select(i => word.Remove(i, 1)).Prepend(word).Distinct();

    /// <summary>
    /// Candidates for each query, the one way search, batch matching and the duplicate check find
    /// them (docs/matching.md, Finding candidates). The kind is a filter; the country is a
    /// preference: in every step the identities of the query's country come first, and a step is
    /// skipped only for the names that the steps before found enough identities for in that country
    /// (in any country when none is given), so a caller that keeps only that country's identities
    /// (search with a country, the duplicate check) sees the same ones a batch record with that
    /// country is scored against. Every query name is first looked up by its exact keys (same words
    /// in any order, same letters with other spacing, a person's initials); then by all of its
    /// words, each as written or one letter away; then, for a name of two words or more, by all of
    /// its words as written but one; and a name that all this found nothing for in its country goes
    /// on to the trigram search.
    /// </summary>
    public static async Task<IReadOnlyList<List<MatchProfile>>> FindAsync(IDocumentStore store, IReadOnlyList<MatchQuery> queries, CancellationToken ct, int perQueryName = PerQueryName)
    {
        var names = queries.SelectMany((q, i) => q.Standardized.Select(n => new Lookup(i, n.Standard, NameInitials.Of(n.Text), q.Kind?.ToString(), q.Country)))
            .Select((n, j) => n with { NameIndex = j }).ToList();
        var perName = names.Select(_ => new List<Hit>()).ToList();
        int Placed(Lookup n) => perName[n.NameIndex].Count(p => n.Country is null || p.Country == n.Country);

        var exact = names.SelectMany(n => n.ExactKeys.Select(key => n with { Text = key })).ToList();
        Add(perName, exact, await SpreadAsync(exact, (chunk, token) => QueryAsync(store, ExactSql(perQueryName), chunk, token), ct, fewest: ExactKeysTogether));

        var lookAlikes = names.Where(n => Placed(n) < perQueryName && n.Words.Count > 0).ToList();
        Add(perName, lookAlikes, await SpreadAsync(lookAlikes, (chunk, token) => WordsAsync(store, chunk, allButOne: false, perQueryName, token), ct));
        var common = CommonWordsOf(store);
        var fewer = lookAlikes.Where(n => n.Words.Count >= 2 && Placed(n) < perQueryName).Select(n => n with { KnownCommon = KnownCommonOf(common, n) })
            .Where(n => n.KnownCommon != (1 << n.Words.Count) - 1).ToList();
        Add(perName, fewer, await SpreadAsync(fewer, (chunk, token) => WordsAsync(store, chunk, allButOne: true, perQueryName, token), ct));

        var unfound = names.Where(n => Placed(n) == 0 && !n.Standard.OnlyWhenEqual).Select(n => n with { Text = n.Standard.Key }).ToList();
        foreach (var threshold in Thresholds)
        {
            var rows = await SpreadAsync(unfound, (chunk, token) => QueryAsync(store, TrigramSql(threshold, perQueryName), chunk, token), ct);
            var placed = rows.Where(row => unfound[row.Lookup].Country is not { } country || row.Hit.Country == country).CountBy(row => row.Lookup).ToDictionary();
            var last = threshold == Thresholds[^1];
            var stops = unfound.Select((lookup, i) => last || placed.GetValueOrDefault(i) >= perQueryName || Trigrams.Of(lookup.Text).Count < FewTrigrams).ToArray();
            Add(perName, unfound, rows.Where(row => stops[row.Lookup]));
            unfound = [.. unfound.Where((_, i) => !stops[i])];
        }

        var ids = queries.Select(_ => new List<string>()).ToList();
        foreach (var name in names)
        {
            ids[name.Ordinal].AddRange(perName[name.NameIndex].Select(hit => hit.Id).Where(id => !ids[name.Ordinal].Contains(id)));
        }

        var profiles = await LoadAsync(store, [.. ids.SelectMany(i => i).Distinct()], ct);
        var found = ids.ConvertAll(list => list.Select(id => profiles.GetValueOrDefault(id)).OfType<MatchProfile>().ToList());
        await AddIdentifierHoldersAsync(store, queries, found, ct);
        return found;
    }

    /// <summary>
    /// How long a set of words found held by more than <see cref="MaxHolders"/> identities is left out of the search by all
    /// words but one without being looked up again. Holders are added far more often than they go (a merge, a
    /// retirement), so a set seen common stays so; one that drops to <see cref="MaxHolders"/> or fewer is searched by
    /// again at the latest this long after.
    /// </summary>
    public static readonly TimeSpan CommonFor = TimeSpan.FromMinutes(10);

    /// <summary>The most common sets of words one store keeps.</summary>
    public const int CommonKept = 100_000;

    /// <summary>
    /// Per store (each a database), the sets of words the search by all words but one found held by more than
    /// <see cref="MaxHolders"/> identities, by kind: family names ("wang", "ivanov") and trade words come back in most
    /// batches, and finding again that they are common read a page of the table for each of their first
    /// <see cref="MaxHolders"/> + 1 holders, the larger part of that search's time.
    /// </summary>
    private static readonly ConditionalWeakTable<IDocumentStore, MemoryCache> CommonWords = [];

    private static MemoryCache CommonWordsOf(IDocumentStore store) =>
        CommonWords.GetValue(store, static _ => new MemoryCache(new MemoryCacheOptions { SizeLimit = CommonKept }));

    /// <summary>The set of words searched when word <paramref name="left"/> of the name is left out, with the kind, as the common ones are kept.</summary>
    private static string CommonKey(Lookup lookup, int left) =>
        $"{lookup.Kind}:{string.Join(' ', lookup.Words.Where((_, i) => i != left).Order(StringComparer.Ordinal))}";

    /// <summary>Which ways of leaving one word out are known common (bit k: leaving out word k).</summary>
    private static int KnownCommonOf(MemoryCache common, Lookup lookup) =>
        Enumerable.Range(0, lookup.Words.Count).Where(left => common.TryGetValue(CommonKey(lookup, left), out _)).Sum(left => 1 << left);

    /// <summary>An identity a step found: its GID and country, all that the steps need before its profile is read.</summary>
    private sealed record Hit(string Id, string Country);

    /// <summary>
    /// The profiles of the identities found, each read and deserialized once however many query names found it (the names
    /// of one query, in all their readings, mostly find the same identities), in parts on parallel connections.
    /// </summary>
    private static async Task<Dictionary<string, MatchProfile>> LoadAsync(IDocumentStore store, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var profiles = new Dictionary<string, MatchProfile>[(ids.Count + LoadedTogether - 1) / LoadedTogether];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelSearches, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, profiles.Length), parallel, async (part, token) =>
        {
            await using var session = store.QuerySession();
            var loaded = await session.LoadManyAsync<MatchProfile>(token, ids.Skip(part * LoadedTogether).Take(LoadedTogether));
            profiles[part] = loaded.ToDictionary(p => p.Id);
        });
        return profiles.SelectMany(p => p).ToDictionary();
    }

    /// <summary>One query name to look up: the text searched for (an exact key or the trigram key), its initials and the kind and country.</summary>
    private sealed record Lookup(int Ordinal, StandardName Standard, IReadOnlySet<string> Initials, string? Kind, string? Country)
    {
        /// <summary>Which query name of the whole request this is: what each step found is counted per name.</summary>
        public int NameIndex { get; init; }

        public string Text { get; init; } = "";

        /// <summary>The ways of leaving one word out known common, for the search by all words but one (bit k: leaving out word k).</summary>
        public int KnownCommon { get; init; }

        /// <summary>
        /// The name's words the word search looks for: initials ("A.", a Cyrillic "Ю." written "yu") say too little to
        /// search by, and a reading that scores only when equal goes no further than its exact keys.
        /// </summary>
        public IReadOnlyList<string> Words { get; } = Standard.OnlyWhenEqual ? [] : [.. Standard.Tokens.Where(t => t.Length > 1 && !Initials.Contains(t)).Distinct().Take(MaxWords)];

        /// <summary>
        /// The name's exact keys and, when it has initials that romanise to more than one letter
        /// ("Жуков Ю. А.", "zhukov yu a"), its sorted key with those cut to their first letter, as
        /// the stored names' keys with initials are (<see cref="StandardName.InitialledKeys"/>).
        /// </summary>
        public IEnumerable<string> ExactKeys => Initials.Any(i => i.Length > 1) && !Standard.IsSkeleton
            ? Standard.ExactKeys.Append(string.Join(' ', Standard.Tokens.Select(t => Initials.Contains(t) ? t[..1] : t).Order(StringComparer.Ordinal))).Distinct()
            : Skeletons.LookedUpKeys(Standard, Standard.ExactKeys);
    }

    private static void Add(List<List<Hit>> perName, IReadOnlyList<Lookup> lookups, IEnumerable<(int Lookup, Hit Hit)> rows)
    {
        foreach (var (lookup, hit) in rows)
        {
            var list = perName[lookups[lookup].NameIndex];
            if (list.TrueForAll(p => p.Id != hit.Id))
            {
                list.Add(hit);
            }
        }
    }

    /// <summary>
    /// All the keys of one name in one index scan (an identity holds several of them: "li da", "lida", "dali"): up to
    /// the limit, the query's country first, each the first the index gives; PostgreSQL stops reading the union at the
    /// limit, so a name its own country fills reads no other. Not ordered: a common name has hundreds of holders at a
    /// million identities, and ordering them read every one of their rows (2.2 s for the names of 200 records, 0.3 s
    /// unordered). The country is compared row by row, as in <see cref="WordsSql"/> (an index on it would be read for
    /// a whole country); a query without one skips the first half before reading any row, not after reading every
    /// holder's (the exact step of a search for a name held 3,812 times at a million identities: 73 ms when it read them, 7 ms).
    /// </summary>
    private static string ExactSql(int limit) =>
        $"""
        select n.ord, p.id, p.country from (
          select min(q.ord) as ord, array_agg(q.text) as texts, min(q.kind) as kind, min(q.country) as country
          from unnest(@texts, @ords, @names, @kinds, @countries) as q(text, ord, name, kind, country) group by q.name) n
        cross join lateral (
          select * from (
            (select d.id, d.country from {Table} d
             where n.country is not null and d.exact_keys && n.texts and d.status = 'Active' and (n.kind is null or d.kind = n.kind) and (d.country = n.country) is true
             limit {limit})
            union all
            (select d.id, d.country from {Table} d
             where d.exact_keys && n.texts and d.status = 'Active' and (n.kind is null or d.kind = n.kind) and (d.country = n.country) is not true
             limit {limit})) u
          limit {limit}) p
        """;

    private static string TrigramSql(double threshold, int limit) =>
        $"""
        set local pg_trgm.word_similarity_threshold = {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)};
        select q.ord, p.id, p.country from unnest(@texts, @ords, @kinds, @countries) as q(text, ord, kind, country)
        cross join lateral (
          select d.id, d.country from {Table} d
          where q.text <% d.search_text and d.status = 'Active' and (q.kind is null or d.kind = q.kind)
          order by (d.country = q.country) is true desc, q.text <<-> d.search_text, d.id
          limit {limit}) p
        """;

    /// <summary>
    /// The word search for names of <paramref name="words"/> words, all in one statement (planned once, not once a
    /// name: planning was a quarter of the search by all words but one), each name a row of the unnested parameters
    /// (its words as written, and each word's variants, space-separated): identities whose
    /// <see cref="MatchProfile.Words"/> meet the variants of every word (v0, v1, …), or hold all
    /// of its words as written but one (w[1], w[2], …: with variants, one common word of four letters
    /// would bring every word one letter from it, "yang" every "wang" and "fang"), each way of
    /// leaving one out a set of its own, left out whole when more than <see cref="MaxHolders"/>
    /// identities hold its words: such a set comes back as one row naming it (<c>common</c>), and one known
    /// common (bit k of <c>skip</c>) is not looked up. The set of all the words keeps at most <see cref="MaxRanked"/>.
    /// They are ranked: the query's country first, then by how many words they meet, how many
    /// they hold as written, how small the smallest set that found them is (the holders of a rare
    /// word before the many holding a common one: "Jiro Kobayashi" before other holders of "Taro"
    /// for "Taro Kobayashi"), and how few other words they have. The kind is compared row by row:
    /// ANDed into the index scan, its btree would be read for half the table.
    /// </summary>
    private static string WordsSql(int words, bool allButOne, int limit)
    {
        // What the ranking reads of an identity is read from the words the set carried: not by a second visit to its row.
        var met = string.Join(" + ", Enumerable.Range(0, words).Select(i => $"(f.words && a.v{i})::int"));
        const string Written = "(select count(*) from unnest(a.w) w where w = any(f.words))";
        const string Filter = "d.status = 'Active' and (q.kind is null or d.kind = q.kind)";
        var variants = string.Join(", ", Enumerable.Range(0, words).Select(i => $"string_to_array(q.v{i}, ' ') as v{i}"));
        var found = allButOne
            ? $"""
              with sets as ({string.Join(" union all ", Enumerable.Range(0, words).Select(left => $"""
                  select {left} as left_out, s.*, count(*) over () as size from (
                    select d.id, d.country, d.words from {Table} d
                    where (q.skip & {1 << left}) = 0 and {string.Join(" and ", Enumerable.Range(0, words).Where(i => i != left).Select(i => $"d.words && array[a.w[{i + 1}]]"))} and {Filter}
                    limit {MaxHolders + 1}) s
                  """))})
              (select f.id, f.country, null::int as common from (
                 select id, country, words, min(size) as size from sets where size <= {MaxHolders} group by id, country, words) f
               order by (f.country = q.country) is true desc, {met} desc, {Written} desc, f.size, cardinality(f.words), f.id
               limit {limit})
              union all
              (select distinct null, null, left_out from sets where size > {MaxHolders})
              """
            : $"""
              select f.id, f.country, null::int as common from (
                select d.id, d.country, d.words from {Table} d
                where {string.Join(" and ", Enumerable.Range(0, words).Select(i => $"d.words && a.v{i}"))} and {Filter}
                limit {MaxRanked}) f
              order by (f.country = q.country) is true desc, {met} desc, {Written} desc, cardinality(f.words), f.id
              limit {limit}
              """;
        return $"""
            select q.ord, f.id, f.country, f.common
            from unnest(@ords, @kinds, @countries, @skips, @written{string.Concat(Enumerable.Range(0, words).Select(i => $", @v{i}"))})
              as q(ord, kind, country, skip, written{string.Concat(Enumerable.Range(0, words).Select(i => $", v{i}"))})
            cross join lateral (select string_to_array(q.written, ' ') as w, {variants}) a
            cross join lateral ({found}) f
            """;
    }

    // One round trip for the lookups given: one statement for the names of each number of words.
    private static async Task<List<(int Lookup, Hit Hit)>> WordsAsync(IDocumentStore store, IReadOnlyList<Lookup> lookups, bool allButOne, int limit, CancellationToken ct)
    {
        var rows = new List<(int, Hit)>();
        var common = CommonWordsOf(store);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var group in lookups.Select((lookup, i) => (lookup, i)).GroupBy(x => x.lookup.Words.Count))
        {
            var command = new NpgsqlBatchCommand(WordsSql(group.Key, allButOne, limit));
            command.Parameters.Add(new NpgsqlParameter("ords", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = group.Select(x => x.i).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = group.Select(x => (object?)x.lookup.Kind ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("countries", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = group.Select(x => (object?)x.lookup.Country ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("skips", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = group.Select(x => x.lookup.KnownCommon).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("written", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = group.Select(x => string.Join(' ', x.lookup.Words)).ToArray() });
            for (var i = 0; i < group.Key; i++)
            {
                var word = i;
                command.Parameters.Add(new NpgsqlParameter($"v{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = group.Select(x => string.Join(' ', WordVariants(x.lookup.Words[word]))).ToArray() });
            }

            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.IsDBNull(3))
                {
                    rows.Add((reader.GetInt32(0), new Hit(reader.GetString(1), reader.GetString(2))));
                }
                else
                {
                    common.Set(CommonKey(lookups[reader.GetInt32(0)], reader.GetInt32(3)), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CommonFor });
                }
            }
        }
        while (await reader.NextResultAsync(ct));
        return rows;
    }

    /// <summary>Runs a search for the lookups in statements of at most <see cref="PerStatement"/> names (at least <paramref name="fewest"/>), <see cref="ParallelSearches"/> at a time; rows carry the lookup's position in the whole list.</summary>
    private static async Task<List<(int Lookup, Hit Hit)>> SpreadAsync(IReadOnlyList<Lookup> lookups, Func<IReadOnlyList<Lookup>, CancellationToken, Task<List<(int Lookup, Hit Hit)>>> search, CancellationToken ct, int fewest = 1)
    {
        if (lookups.Count == 0)
        {
            return [];
        }

        var size = Math.Max(fewest, Math.Clamp((lookups.Count + ParallelSearches - 1) / ParallelSearches, 1, PerStatement));
        var starts = Enumerable.Range(0, (lookups.Count + size - 1) / size).Select(c => c * size).ToList();
        var parts = new List<(int, Hit)>[starts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelSearches, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, starts.Count), parallel, async (c, token) =>
        {
            var chunk = lookups.Skip(starts[c]).Take(size).ToList();
            parts[c] = [.. (await search(chunk, token)).Select(row => (row.Lookup + starts[c], row.Hit))];
        });
        return [.. parts.SelectMany(p => p)];
    }

    // One round trip for all the lookups given; each row names the position of its lookup.
    private static async Task<List<(int Lookup, Hit Hit)>> QueryAsync(IDocumentStore store, string sql, IReadOnlyList<Lookup> lookups, CancellationToken ct)
    {
        var rows = new List<(int, Hit)>();
        if (lookups.Count == 0)
        {
            return rows;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => r.Text).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ords", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = Enumerable.Range(0, lookups.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = lookups.Select(r => r.NameIndex).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => (object?)r.Kind ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("countries", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lookups.Select(r => (object?)r.Country ?? DBNull.Value).ToArray() });
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt32(0), new Hit(reader.GetString(1), reader.GetString(2))));
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
