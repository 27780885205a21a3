using System.Globalization;
using System.Text;
using GidSandbox.Hosting;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Matching.Searching;
using GidSandbox.MockData;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Benchmarks.Matching;

public sealed class EvaluateMatchingInput
{
    [Description("The folder of the labelled set")]
    public string DataFlag { get; set; } = Path.Combine("mock-data", "matching-evaluation");

    [Description("A mock-data folder loaded first (mock-data/small: the default run's world), so the set's parties sit among its identities; none (the default) for an empty registry")]
    public string AmongFlag { get; set; } = "none";

    [Description("pg_trgm similarity at which the raw trigram baseline calls a MATCH")]
    public double TrigramBaselineThresholdFlag { get; set; } = 0.5;

    [Description("Jaro-Winkler similarity at which that baseline calls a MATCH")]
    public double JaroWinklerBaselineThresholdFlag { get; set; } = 0.9;
}

[Description("Loads the labelled matching evaluation set into a throwaway database and prints precision, recall and F1 per category next to three baselines", Name = "matching-evaluation")]
public sealed class EvaluateMatchingCommand : JasperFxAsyncCommand<EvaluateMatchingInput>
{
    public override async Task<bool> Execute(EvaluateMatchingInput input)
    {
        var ct = CancellationToken.None;
        var set = EvaluationSet.Read(EvaluationSet.Locate(input.DataFlag));
        var directory = Path.Combine(Path.GetTempPath(), $"gid-matching-evaluation-{Guid.NewGuid():N}");
        var postgres = await EmbeddedPostgres.StartAsync(directory, "gid_matching_evaluation", NullLogger.Instance);
        try
        {
            using var store = DocumentStore.For(options => options.ConfigureGid(postgres.ConnectionString));
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var among = input.AmongFlag == "none" ? 0 : await LoadAmongAsync(store, EvaluationSet.Locate(input.AmongFlag), ct);
            var gids = await set.LoadAsync(store, ct);
            await MatchingPerformanceCommand.VacuumProfilesAsync(store, ct);

            Console.WriteLine($"Loaded {set.Identities.Count} identities among {among} of the mock world ({input.AmongFlag}); matching {set.Queries.Count} queries.");

            var records = set.Queries.Select(q => ((string?)q.Id, new MatchQuery(q.Names, q.Kind, q.Country, []))).ToList();
            var results = await MatchIdentities.RunAsync(store, records, 3, ct);
            var engine = results.Select(r => r.Decision == MatchDecision.Match ? r.Best!.Profile.Id : null).ToList();
            var exact = await ExactBaselineAsync(store, set.Queries, ct);
            var trigram = await TrigramBaselineAsync(postgres.ConnectionString, set.Queries, input.TrigramBaselineThresholdFlag, ct);
            var jaroWinkler = await JaroWinklerBaselineAsync(store, set.Queries, input.JaroWinklerBaselineThresholdFlag, ct);

            Console.WriteLine(Table(set.Queries, gids, [
                ("sandbox matcher", engine), ("exact normalized name", exact),
                ($"raw pg_trgm ≥ {input.TrigramBaselineThresholdFlag.ToString(CultureInfo.InvariantCulture)}", trigram),
                ($"Jaro–Winkler ≥ {input.JaroWinklerBaselineThresholdFlag.ToString(CultureInfo.InvariantCulture)}", jaroWinkler)]));
            Console.WriteLine(await SearchAgreementAsync(store, set.Queries, gids, results, ct));
            foreach (var (query, i) in set.Queries.Select((q, i) => (q, i)).Where(x => Expected(gids, x.q) != engine[x.i]))
            {
                var best = results[i].Best;
                Console.WriteLine($"  miss {query.Id} [{query.Category}] {string.Join(" / ", query.Names)} expected {query.Expected ?? "none"}: {results[i].Decision} {best?.MatchedName?.Text} {best?.Score}");
            }

            return true;
        }
        finally
        {
            await postgres.DisposeAsync();
            if (Directory.Exists(directory))
            {
                EmbeddedPostgres.DeleteFiles(directory);
            }
        }
    }

    /// <summary>Loads a mock-data folder (offices, identities, history) as the sandbox does at start; the count of active identities it left.</summary>
    private static async Task<int> LoadAmongAsync(DocumentStore store, string folder, CancellationToken ct)
    {
        var loader = new MockDataLoader(store);
        foreach (var file in MockDataFiles.LoadOrder)
        {
            await loader.LoadFileAsync(Path.Combine(folder, file), ct: ct);
        }

        await using var session = store.QuerySession();
        return await session.Query<MatchProfile>().CountAsync(p => p.Status == GidSandbox.Identities.IdentityStatus.Active, ct);
    }

    /// <summary>
    /// Search against the batch, per query: how often search (the query's first name and kind, any
    /// country) ranks the right party first and shows it in its top five, and every party search shows in its top five that the
    /// batch's ten candidates for the record leave out (there should be none: both find and show candidates one way).
    /// </summary>
    private static async Task<string> SearchAgreementAsync(DocumentStore store, IReadOnlyList<EvaluationQuery> queries, IReadOnlyDictionary<string, string> gids, IReadOnlyList<MatchResult> results, CancellationToken ct)
    {
        int withParty = 0, first = 0, inTopFive = 0, hits = 0;
        var left = new List<string>();
        var wide = await MatchIdentities.RunAsync(store, [.. queries.Select(q => ((string?)q.Id, new MatchQuery(q.Names, q.Kind, null, [])))], 10, ct);
        for (var i = 0; i < queries.Count; i++)
        {
            var (page, _) = await new SearchIdentities(queries[i].Names[0], queries[i].Kind, null, 5, 0).RunAsync(store, ct);
            if (Expected(gids, queries[i]) is { } expected)
            {
                withParty++;
                first += page.Count > 0 && page[0].Profile.Id == expected ? 1 : 0;
                inTopFive += page.Any(hit => hit.Profile.Id == expected) ? 1 : 0;
            }

            foreach (var hit in page)
            {
                hits++;
                if (!wide[i].Candidates.Any(c => c.Profile.Id == hit.Profile.Id))
                {
                    left.Add($"{queries[i].Id} {hit.Profile.Id} {hit.Score}");
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Search ranks the right party first for {first} of {withParty} queries ({F((double)first / withParty)}), and shows it in its top five for {inTopFive} ({F((double)inTopFive / withParty)}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Parties search shows in its top five that the batch leaves out: {left.Count} of {hits}.");
        text.Append(CultureInfo.InvariantCulture, $"Batch records answered NO_MATCH with no candidate at all: {results.Count(r => r.Decision == MatchDecision.NoMatch && r.Candidates.Count == 0)} of {results.Count}.");
        foreach (var line in left)
        {
            text.AppendLine().Append("  left out ").Append(line);
        }

        return text.ToString();
    }

    private static string? Expected(IReadOnlyDictionary<string, string> gids, EvaluationQuery query) => query.Expected is null ? null : gids[query.Expected];

    /// <summary>Baseline 1: the one identity of the query's kind with a name whose normalized form equals a query name's.</summary>
    private static async Task<List<string?>> ExactBaselineAsync(DocumentStore store, IReadOnlyList<EvaluationQuery> queries, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var profiles = await session.Query<MatchProfile>().ToListAsync(ct);
        // The names as written: a profile also keeps each name's other readings (romanisations), which are the matcher's, not the baseline's.
        var byName = profiles.SelectMany(p => p.Names.Select(n => (Key: (p.Kind, NameStandardization.Normalize(n.Text)), p.Id))).ToLookup(x => x.Key, x => x.Id);
        return [.. queries.Select(q =>
        {
            var found = q.Names.SelectMany(n => byName[(q.Kind, NameStandardization.Normalize(n))]).Distinct().ToList();
            return found.Count == 1 ? found[0] : null;
        })];
    }

    /// <summary>
    /// Baseline 3: the identity of the query's kind with the name whose normalized form is closest
    /// to a query name's by Jaro–Winkler similarity (F23.StringSimilarity), if at or above the threshold.
    /// </summary>
    private static async Task<List<string?>> JaroWinklerBaselineAsync(DocumentStore store, IReadOnlyList<EvaluationQuery> queries, double threshold, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var profiles = await session.Query<MatchProfile>().ToListAsync(ct);
        var jaroWinkler = new F23.StringSimilarity.JaroWinkler();
        return [.. queries.Select(q =>
        {
            var names = q.Names.Select(NameStandardization.Normalize).ToList();
            var best = profiles.Where(p => p.Kind == q.Kind)
                .Select(p => (p.Id, Similarity: p.Names.Max(n => names.Max(name => jaroWinkler.Similarity(name, n.Standard.Normalized)))))
                .OrderByDescending(x => x.Similarity).ThenBy(x => x.Id, StringComparer.Ordinal).FirstOrDefault();
            return best.Id is not null && best.Similarity >= threshold ? best.Id : null;
        })];
    }

    /// <summary>Baseline 2: the identity of the query's kind whose name has the highest pg_trgm similarity to the raw query text, if at or above the threshold.</summary>
    private static async Task<List<string?>> TrigramBaselineAsync(string connectionString, IReadOnlyList<EvaluationQuery> queries, double threshold, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var predictions = new List<string?>();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(
                $"""
                select d.id, max(similarity(n->>'text', q)) as s
                from {Candidates.Table} d cross join jsonb_array_elements(d.data->'names') n cross join unnest(@names) q
                where d.kind = @kind group by d.id order by s desc, d.id limit 1
                """, connection);
            command.Parameters.AddWithValue("names", query.Names.ToArray());
            command.Parameters.AddWithValue("kind", query.Kind.ToString());
            await using var reader = await command.ExecuteReaderAsync(ct);
            predictions.Add(await reader.ReadAsync(ct) && reader.GetFloat(1) >= threshold ? reader.GetString(0) : null);
        }

        return predictions;
    }

    private static string Table(IReadOnlyList<EvaluationQuery> queries, IReadOnlyDictionary<string, string> gids, IReadOnlyList<(string Method, List<string?> Predictions)> methods)
    {
        var text = new StringBuilder();
        text.Append("| category | queries |");
        foreach (var (method, _) in methods)
        {
            text.Append(CultureInfo.InvariantCulture, $" {method} P / R / F1 |");
        }

        text.AppendLine().Append("| --- | ---: |").AppendJoin("", methods.Select(_ => " ---: |")).AppendLine();
        var categories = queries.Select(q => q.Category).Distinct().Append("overall");
        foreach (var category in categories)
        {
            var indexes = queries.Select((q, i) => (q, i)).Where(x => category == "overall" || x.q.Category == category).Select(x => x.i).ToList();
            text.Append(CultureInfo.InvariantCulture, $"| {category} | {indexes.Count} |");
            foreach (var (_, predictions) in methods)
            {
                var m = Metrics.Of(indexes.Select(i => (Expected(gids, queries[i]), predictions[i])));
                text.Append(CultureInfo.InvariantCulture, $" {F(m.Precision)} / {F(m.Recall)} / {F(m.F1)} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
