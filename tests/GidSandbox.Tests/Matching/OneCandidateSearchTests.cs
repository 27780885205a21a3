extern alias tools;

using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Matching.Searching;
using GidSandbox.MockData;
using Marten;
using Npgsql;
using tools::GidSandbox.Benchmarks.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>
/// Search, batch matching and the duplicate check find candidates one way (docs/matching.md,
/// Finding candidates), so a party search shows is never one the batch did not look at; and a
/// batch answers the same, run after run. Over the committed evaluation set and part of the mock
/// world, each in a database of its own.
/// </summary>
// On the cluster of the sandbox collection's neighbour, which runs beside it: its batches over 2,000 identities, run on the main
// cluster beside the main collection, once held that database long enough for the main collection's thousand-record batch to
// run into the request timeout.
[Collection(SeparateSandboxCollection.Name)]
public sealed class OneCandidateSearchTests(SeparateSandboxFixture sandbox)
{
    private const int MockIdentities = 2000;
    private const int MockQueries = 50;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (DocumentStore Store, List<MatchQuery> Queries, IReadOnlyDictionary<string, string> Gids)? _world;

    [Fact]
    public async Task the_batch_lists_every_party_search_ranks_in_its_top_five()
    {
        var (store, queries, _) = await World();
        // Every fourth query of the set and the mock world's names, each with its country and without.
        var sample = queries.Where((_, i) => i % 4 == 0).ToList();
        var variants = sample.Concat(sample.Select(q => q with { Country = null })).ToList();
        var batch = await MatchIdentities.RunAsync(store, [.. variants.Select(q => ((string?)null, q))], 10, CancellationToken.None);

        // The searches run a few at a time, as an office's clients would; each compares with its own query's batch answer.
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        var checkedHits = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, variants.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var query = variants[i];
            var (page, _) = await new SearchIdentities(query.Names[0], query.Kind, query.Country, 5, 0).RunAsync(store, ct);
            foreach (var hit in page)
            {
                Interlocked.Increment(ref checkedHits);
                if (!batch[i].Candidates.Any(c => c.Profile.Id == hit.Profile.Id))
                {
                    missing.Add($"{query.Names[0]} ({query.Kind}, {query.Country ?? "any country"}): {hit.Profile.Id} at {hit.Score}");
                }
            }
        });

        Assert.True(checkedHits > variants.Count / 2, $"only {checkedHits} search hits to compare");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task a_batch_run_again_answers_the_same()
    {
        var (store, queries, _) = await World();
        var records = queries.Select(q => ((string?)null, q)).ToList();

        var first = Answers(await MatchIdentities.RunAsync(store, records, 10, CancellationToken.None));
        var second = Answers(await MatchIdentities.RunAsync(store, records, 10, CancellationToken.None));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task the_same_registrations_under_other_gids_give_the_same_answers()
    {
        var set = EvaluationSet.Read(EvaluationSet.Locate(Path.Combine("mock-data", "matching-evaluation")));
        var records = set.Queries.Select(q => ((string?)q.Id, new MatchQuery(q.Names, q.Kind, q.Country, []))).ToList();
        var answers = new List<List<string>>();
        foreach (var _ in new[] { 1, 2 })
        {
            using var store = await NewDatabase();
            var labels = (await set.LoadAsync(store, CancellationToken.None)).ToDictionary(x => x.Value, x => x.Key);
            await MatchingPerformanceCommand.VacuumProfilesAsync(store, CancellationToken.None);
            var results = await MatchIdentities.RunAsync(store, records, 10, CancellationToken.None);
            answers.Add([.. results.Select(r => $"{r.Decision} {string.Join(", ", r.Candidates.Select(c => $"{labels[c.Profile.Id]} {c.Score}"))}")]);
        }

        Assert.Equal(answers[0], answers[1]);
    }

    private static List<string> Answers(IReadOnlyList<MatchResult> results) =>
        [.. results.Select(r => $"{r.Decision} {string.Join(", ", r.Candidates.Select(c => $"{c.Profile.Id} {c.Score} {string.Join('+', c.Features)}"))}")];

    /// <summary>The committed evaluation set, and beside it part of the mock world written as match profiles; queries from both.</summary>
    private async Task<(DocumentStore Store, List<MatchQuery> Queries, IReadOnlyDictionary<string, string> Gids)> World()
    {
        await Gate.WaitAsync();
        try
        {
            if (_world is { } world)
            {
                return world;
            }

            var store = await NewDatabase();
            var set = EvaluationSet.Read(EvaluationSet.Locate(Path.Combine("mock-data", "matching-evaluation")));
            var gids = await set.LoadAsync(store, CancellationToken.None);
            var queries = set.Queries.Select(q => new MatchQuery(q.Names, q.Kind, q.Country, [])).ToList();

            var mock = new MockWorld(new MockProfile("one-candidate-search", 20261202, MockIdentities));
            var parties = mock.Parties().ToList();
            var lines = parties.SelectMany(p => p.Registrations).ToList();
            await store.BulkInsertDocumentsAsync(lines.Select(MatchingPerformanceCommand.Profile).ToList());
            var kinds = lines.ToDictionary(l => l.Gid!, l => l.LegalEntity is null ? IdentityKind.NaturalPerson : IdentityKind.LegalEntity);
            var random = new Random(20261202);
            var applicants = parties.SelectMany(p => p.Applicants.Where(a => a.Gid is not null)).ToList();
            queries.AddRange(Enumerable.Range(0, MockQueries).Select(_ => applicants[random.Next(applicants.Count)]).Select(a => new MatchQuery([a.Name], kinds[a.Gid!], a.Country, [])));
            await MatchingPerformanceCommand.VacuumProfilesAsync(store, CancellationToken.None);
            _world = (store, queries, gids);
            return _world.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<DocumentStore> NewDatabase()
    {
        var connectionString = await sandbox.NewDatabase("matching");
        var store = DocumentStore.For(options => options.ConfigureGid(connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }
}
