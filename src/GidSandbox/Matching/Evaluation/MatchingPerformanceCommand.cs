using System.Diagnostics;
using System.Globalization;
using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.Identities.Registering;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Matching.Searching;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Matching.Evaluation;

public sealed class MatchingPerformanceInput
{
    [Description("How many legal entities to load")]
    public int IdentitiesFlag { get; set; } = 50_000;

    [Description("How many searches to time")]
    public int SearchesFlag { get; set; } = 500;
}

[Description("Loads synthetic identities into a throwaway database and times searchIdentities and a 1,000-record batch match next to the raw pg_trgm query on the same table", Name = "matching-performance")]
public sealed class MatchingPerformanceCommand : JasperFxAsyncCommand<MatchingPerformanceInput>
{
    // 18 consonants × 5 vowels × 4 endings: names about as varied as real company words.
    private static readonly string[] Syllables =
        [.. "bcdfghjklmnprstvwz".SelectMany(c => "aeiou".SelectMany(v => new[] { "", "n", "r", "s" }.Select(e => $"{c}{v}{e}")))];
    private static readonly string[] Industries = ["Technologies", "Pharma", "Robotics", "Materials", "Optics", "Instruments", "Systems", "Chemicals", "Motors", "Foods"];

    public override async Task<bool> Execute(MatchingPerformanceInput input)
    {
        var random = new Random(20261125);
        var names = Enumerable.Range(0, input.IdentitiesFlag).Select(_ => $"{Word(random)} {Word(random)} {Industries[random.Next(Industries.Length)]} Co., Ltd.").ToList();
        var directory = Path.Combine(Path.GetTempPath(), $"gid-matching-performance-{Guid.NewGuid():N}");
        var postgres = await EmbeddedPostgres.StartAsync(directory, "gid_matching_performance", NullLogger.Instance);
        try
        {
            using var store = DocumentStore.For(options => options.ConfigureGid(postgres.ConnectionString));
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var load = Stopwatch.StartNew();
            foreach (var chunk in names.Chunk(1000))
            {
                await using var session = store.LightweightSession();
                Writes.Stamp(session, new WriteRequest(new Actor("IB", "matching-performance", null), Guid.NewGuid().ToString(), null, null));
                foreach (var name in chunk)
                {
                    var gid = Gid.NewGid();
                    var command = new RegisterLegalEntity(gid, [new Name(1, name, "Latn", null, NameType.Legal, true)], "JP", null, null, null, null, null, null, null, "IB", []);
                    await Writes.StartAsync(session, gid, [], RegisterLegalEntity.Decide(command, null), CancellationToken.None);
                }

                await session.SaveChangesAsync();
            }

            await using (var analyze = new NpgsqlConnection(postgres.ConnectionString))
            {
                await analyze.OpenAsync();
                await new NpgsqlCommand($"analyze {Candidates.Table}", analyze).ExecuteNonQueryAsync();
            }

            Console.WriteLine($"Loaded {names.Count:N0} identities in {load.Elapsed.TotalSeconds:0.0} s.");

            // Queries: a registered name with one letter changed, so every search has work to do.
            var queries = Enumerable.Range(0, input.SearchesFlag).Select(_ => Typo(random, names[random.Next(names.Count)])).ToList();
            var search = new List<double>();
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                await new SearchIdentities(query, null, null, 10, 0).RunAsync(store, CancellationToken.None);
                search.Add(watch.Elapsed.TotalMilliseconds);
            }

            var raw = new List<double>();
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            foreach (var query in queries)
            {
                var key = NameStandardization.Standardize(query).Key;
                var watch = Stopwatch.StartNew();
                await using var command = new NpgsqlCommand($"select id from {Candidates.Table} where search_text % @q order by similarity(search_text, @q) desc limit 10", connection);
                command.Parameters.AddWithValue("q", key);
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }

                raw.Add(watch.Elapsed.TotalMilliseconds);
            }

            var records = Enumerable.Range(0, MatchIdentities.MaxRecords).Select(i => ((string?)null, new MatchQuery([queries[i % queries.Count]], IdentityKind.LegalEntity, "JP", []))).ToList();
            var batch = Stopwatch.StartNew();
            await MatchIdentities.RunAsync(store, records, 3, CancellationToken.None);
            var batchSeconds = batch.Elapsed.TotalSeconds;
            var rawBatch = Stopwatch.StartNew();
            foreach (var (_, query) in records)
            {
                await using var command = new NpgsqlCommand($"select id from {Candidates.Table} where search_text % @q order by similarity(search_text, @q) desc limit 10", connection);
                command.Parameters.AddWithValue("q", query.Standardized[0].Standard.Key);
                await command.ExecuteScalarAsync();
            }

            Console.WriteLine($"""
                | measure | sandbox | raw pg_trgm on the same table |
                | --- | ---: | ---: |
                | search p50 / p95 (ms), {queries.Count} searches | {P(search, 0.5)} / {P(search, 0.95)} | {P(raw, 0.5)} / {P(raw, 0.95)} |
                | batch of {records.Count:N0} records (s) | {batchSeconds.ToString("0.00", CultureInfo.InvariantCulture)} | {rawBatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} |
                """);
            return true;
        }
        finally
        {
            await postgres.DisposeAsync();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string Word(Random random)
    {
        var word = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static string Typo(Random random, string name)
    {
        var i = random.Next(1, Math.Min(name.Length - 1, 12));
        return name[..i] + (char)('a' + random.Next(26)) + name[(i + 1)..];
    }

    private static string P(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))].ToString("0.0", CultureInfo.InvariantCulture);
    }
}
