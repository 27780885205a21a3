using System.Diagnostics;
using System.Globalization;
using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Matching.Searching;
using GidSandbox.MockData;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Weasel.Core;

namespace GidSandbox.Benchmarks.Matching;

public sealed class MatchingPerformanceInput
{
    [Description("How many identities of the mock world to load")]
    public int IdentitiesFlag { get; set; } = 50_000;

    [Description("How many searches to time")]
    public int SearchesFlag { get; set; } = 500;

    [Description("How many records each timed batch holds (at most the API's limit of 1,000)")]
    public int RecordsFlag { get; set; } = MatchIdentities.MaxRecords;

    [Description("Keep the database in this folder, and on a later run with the same folder and --identities time it again without loading")]
    public string? KeepFlag { get; set; }

    [Description("Time the sandbox only, not the raw pg_trgm queries beside it (whose batch takes a quarter of an hour at a million identities)")]
    [FlagAlias("sandbox-only", longAliasOnly: true)] // -s is --searches
    public bool SandboxOnlyFlag { get; set; }
}

[Description("Loads the mock world's identities into a throwaway database and times searchIdentities and a batch match (1,000 records unless told) next to the raw pg_trgm query on the same table", Name = "matching-performance")]
public sealed class MatchingPerformanceCommand : JasperFxAsyncCommand<MatchingPerformanceInput>
{
    private const int Seed = 20261127;

    private const int WarmUp = 10;

    public override async Task<bool> Execute(MatchingPerformanceInput input)
    {
        var directory = input.KeepFlag is { } kept ? Path.GetFullPath(kept) : Path.Combine(Path.GetTempPath(), $"gid-matching-performance-{Guid.NewGuid():N}");
        var loadedMark = Path.Combine(directory, $"gid-loaded-{input.IdentitiesFlag}");
        var postgres = await EmbeddedPostgres.StartAsync(directory, "gid_matching_performance", NullLogger.Instance);
        try
        {
            // No command timeout: building the indexes over a million rows takes minutes.
            var connectionString = postgres.ConnectionString + ";Command Timeout=0";
            using var store = DocumentStore.For(options => options.ConfigureGid(connectionString));
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            List<WorldName>? world = File.Exists(loadedMark)
                ? WorldNames(new MockWorld(new MockProfile("matching-performance", Seed, input.IdentitiesFlag)).Parties())
                : await LoadAsync(store, connectionString, input.IdentitiesFlag);
            if (input.KeepFlag is not null)
            {
                await File.WriteAllTextAsync(loadedMark, "");
            }

            // Only the names timed are made queries (standardized); the world's million others are let go before anything
            // is timed, so the collector walks a heap of the size a server has, not one of gigabytes.
            var random = new Random(Seed);
            var searched = Enumerable.Range(0, input.SearchesFlag).Select(_ => world[random.Next(world.Count)].Labelled()).ToList();
            var searches = searched.ConvertAll(l => l.Query);
            var size = Math.Clamp(input.RecordsFlag, 1, MatchIdentities.MaxRecords);
            var batched = Enumerable.Range(0, size).Select(_ => world[random.Next(world.Count)].Labelled()).ToList();
            var records = batched.ConvertAll(l => l.Query);
            var warmUp = Enumerable.Range(0, size).Select(_ => world[random.Next(world.Count)].Labelled().Query).ToList();
            var warmUpSearches = world.Take(WarmUp).Select(w => w.Labelled().Query).ToList();
            world = null;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

            // Untimed: the first calls pay for compiling the code paths and opening pooled connections.
            foreach (var query in warmUpSearches)
            {
                await new SearchIdentities(query.Names[0], null, null, 10, 0).RunAsync(store, CancellationToken.None);
            }

            var search = new List<double>();
            var firstHits = 0;
            foreach (var (query, party) in searched)
            {
                var watch = Stopwatch.StartNew();
                var (page, _) = await new SearchIdentities(query.Names[0], null, null, 10, 0).RunAsync(store, CancellationToken.None);
                search.Add(watch.Elapsed.TotalMilliseconds);
                firstHits += page.Count > 0 && party.Contains(page[0].Profile.Id) ? 1 : 0;
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var raw = new List<double>();
            foreach (var query in input.SandboxOnlyFlag ? [] : searches)
            {
                var watch = Stopwatch.StartNew();
                await RawAsync(connection, query);
                raw.Add(watch.Elapsed.TotalMilliseconds);
            }

            // The first batch also pays for compiling its code paths and opening its pooled connections,
            // as a server that has been answering does not: timed once cold, then again after a batch of
            // other records (a warm process, but none of the timed records' rows read before).
            var cold = Stopwatch.StartNew();
            await MatchIdentities.RunAsync(store, [.. warmUp.Select(r => ((string?)null, r))], 3, CancellationToken.None);
            var coldSeconds = cold.Elapsed.TotalSeconds;
            var batch = Stopwatch.StartNew();
            var results = await MatchIdentities.RunAsync(store, [.. records.Select(r => ((string?)null, r))], 3, CancellationToken.None);
            var batchSeconds = batch.Elapsed.TotalSeconds;
            var candidates = Stopwatch.StartNew();
            var found = await Candidates.FindAsync(store, records, CancellationToken.None);
            var candidateSeconds = candidates.Elapsed.TotalSeconds;
            var scoring = Stopwatch.StartNew();
            var scored = records.Select((r, i) => found[i].Select(p => Scoring.Score(r, p)).Count()).Sum();
            var scoringSeconds = scoring.Elapsed.TotalSeconds;
            var rawBatch = Stopwatch.StartNew();
            foreach (var query in input.SandboxOnlyFlag ? [] : records)
            {
                await RawAsync(connection, query);
            }

            var decided = results.GroupBy(r => r.Decision).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            var matches = results.Select((r, i) => (r, batched[i].Party)).Where(x => x.r.Decision == MatchDecision.Match).ToList();
            var rightMatches = matches.Count(x => x.Party.Contains(x.r.Best!.Profile.Id));
            var listed = results.Select((r, i) => (r, batched[i].Party)).Count(x => x.r.Candidates.Any(c => x.Party.Contains(c.Profile.Id)));
            Console.WriteLine($"""
                | measure | sandbox | raw pg_trgm on the same table |
                | --- | ---: | ---: |
                | search p50 / p95 (ms), {searches.Count} searches | {P(search, 0.5)} / {P(search, 0.95)} | {(input.SandboxOnlyFlag ? "–" : $"{P(raw, 0.5)} / {P(raw, 0.95)}")} |
                | batch of {records.Count:N0} records (s), first in the process / after another | {S(coldSeconds)} / {S(batchSeconds)} | {(input.SandboxOnlyFlag ? "–" : S(rawBatch.Elapsed.TotalSeconds))} |

                Batch decisions: {string.Join(", ", decided)}. The batch again in parts: finding candidates {S(candidateSeconds)} s, scoring {scored:N0} candidates {S(scoringSeconds)} s.
                Against the mock world's ground truth (the party each office's name belongs to, registered once or, for the planted duplicates, twice): the batch's MATCHes give a GID of that party {rightMatches} times and another party's GID {matches.Count - rightMatches} times; {listed} of {records.Count:N0} records list one of its GIDs among their candidates. Searches put one first {firstHits} times of {searches.Count}.
                """);
            return true;
        }
        finally
        {
            await postgres.DisposeAsync();
            if (input.KeepFlag is null && Directory.Exists(directory))
            {
                EmbeddedPostgres.DeleteFiles(directory);
            }
        }
    }

    /// <summary>
    /// The mock world's registrations as match profiles, written with Marten's bulk insert (COPY)
    /// and the trigram and word indexes built once afterwards; returns the names the offices hold
    /// for those parties (their own spellings: legal forms, word order, typos, romanisations) as
    /// queries, each with the GIDs of its party (two where the mock world registered it twice).
    /// </summary>
    private static async Task<List<WorldName>> LoadAsync(DocumentStore store, string connectionString, int identities)
    {
        var world = new MockWorld(new MockProfile("matching-performance", Seed, identities));
        var names = new List<WorldName>();
        await using (var drop = new NpgsqlConnection(connectionString))
        {
            await drop.OpenAsync();
            await new NpgsqlCommand($"drop index {Candidates.SearchTextIndex}; drop index {Candidates.WordsIndex}", drop).ExecuteNonQueryAsync();
        }

        var load = Stopwatch.StartNew();
        var loaded = 0;
        foreach (var chunk in world.Parties().Chunk(10_000))
        {
            var lines = chunk.SelectMany(p => p.Registrations).ToList();
            var profiles = lines.AsParallel().AsOrdered().Select(Profile).ToList();
            await store.BulkInsertDocumentsAsync(profiles, BulkInsertMode.InsertsOnly, batchSize: 10_000);
            loaded += profiles.Count;
            names.AddRange(WorldNames(chunk));
            Console.Write($"\rLoaded {loaded:N0} identities in {load.Elapsed.TotalSeconds:0} s");
        }

        var index = Stopwatch.StartNew();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await VacuumProfilesAsync(store, CancellationToken.None);

        Console.WriteLine($"\rLoaded {loaded:N0} identities in {load.Elapsed.TotalSeconds - index.Elapsed.TotalSeconds:0.0} s; built the indexes and vacuumed in {index.Elapsed.TotalSeconds:0.0} s.");
        return names;
    }

    /// <summary>A name an office holds for a party, with the GIDs of its party.</summary>
    private sealed record WorldName(string Name, IdentityKind Kind, string Country, IReadOnlySet<string> Party)
    {
        public (MatchQuery Query, IReadOnlySet<string> Party) Labelled() => (new MatchQuery([Name], Kind, Country, []), Party);
    }

    /// <summary>The names the offices hold for these parties, each with the GIDs of its party.</summary>
    private static List<WorldName> WorldNames(IEnumerable<MockParty> parties) =>
        [.. parties.SelectMany(p =>
        {
            var kinds = p.Registrations.ToDictionary(l => l.Gid!, l => l.LegalEntity is null ? IdentityKind.NaturalPerson : IdentityKind.LegalEntity);
            IReadOnlySet<string> party = p.Registrations.Select(l => l.Gid!).ToHashSet();
            return p.Applicants.Where(a => a.Gid is not null).Select(a => new WorldName(a.Name, kinds[a.Gid!], a.Country, party));
        })];

    /// <summary>
    /// What autovacuum does to the match profiles a minute after a load: the GIN indexes take in their pending entries,
    /// the planner gets statistics, hint bits and the visibility map are set, so the first queries neither read the
    /// pending entries nor write every page they read.
    /// </summary>
    internal static async Task VacuumProfilesAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await new NpgsqlCommand($"vacuum analyze {Candidates.Table}", connection).ExecuteNonQueryAsync(ct);
    }

    internal static MatchProfile Profile(MockLine line)
    {
        var (kind, names, country, lei) = line.LegalEntity is { } entity
            ? (IdentityKind.LegalEntity, entity.Names, entity.Country, entity.Lei)
            : (IdentityKind.NaturalPerson, line.NaturalPerson!.Names, line.NaturalPerson.Country, null);
        var defaultType = kind == IdentityKind.LegalEntity ? NameType.Legal : NameType.Primary;
        return MatchProfile.Registered(
            Gid.Parse(line.Gid!), kind, country, line.Office, lei,
            names.Select((n, i) => new Name(i + 1, n.Text, n.Script, n.Language, n.Type ?? defaultType, n.Primary)));
    }

    // pg_trgm's own top-10 query on the same column and index: similarity above its default threshold, best first.
    private static async Task RawAsync(NpgsqlConnection connection, MatchQuery query)
    {
        await using var command = new NpgsqlCommand($"select id from {Candidates.Table} where search_text % @q order by similarity(search_text, @q) desc limit 10", connection);
        command.Parameters.AddWithValue("q", query.Standardized.Count > 0 ? query.Standardized[0].Standard.Key : "");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))].ToString("0.0", CultureInfo.InvariantCulture);
    }
}
