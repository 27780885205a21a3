using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.MockData;

namespace GidSandbox.Benchmarks.Matching;

/// <summary>One office record of the mock world as a query, with the GIDs of its party (none when the party is not registered).</summary>
public sealed record LabelledQuery(MatchQuery Query, IReadOnlySet<string> Party);

/// <summary>How a decision rule did on labelled queries: MATCHes that gave the party's GID, another GID, and the queries with a party.</summary>
public sealed record DecisionQuality(double MatchProbability, double LeadBits, int Right, int Wrong, int WithParty)
{
    public double Precision => Right + Wrong == 0 ? 1 : (double)Right / (Right + Wrong);

    public double Recall => WithParty == 0 ? 0 : (double)Right / WithParty;
}

/// <summary>
/// Estimates the <see cref="MatchModel"/> from mock worlds, in memory (docs/matching.md, The
/// decision): u from random pairs of one kind; m and the prior from the pairs the candidate
/// search's exact keys and words find, labelled by the mock world's parties; then the MATCH
/// threshold and lead chosen on a second world for precision ≥ 0.99.
/// </summary>
public static class MatchModelEstimation
{
    /// <summary>Added to every level's count, so a level never seen still has a probability.</summary>
    public const double PseudoCount = 1;

    public const double TargetPrecision = 0.99;

    public const int RandomPairsPerQuery = 20;

    /// <summary>What an estimation found: the model, the pairs it was estimated from, and how three decision rules did on the second world.</summary>
    public sealed record Estimation(MatchModel Model, int Queries, int Found, int SameParty, int RandomPairs, int DecisionQueries, DecisionQuality Chosen, DecisionQuality HandSet, DecisionQuality Current);

    /// <summary>Estimates m, u and λ on one mock world and chooses the decision on another.</summary>
    public static Estimation Estimate(int identities, int seed, int decisionSeed)
    {
        var (profiles, queries) = World(seed, identities);
        var search = new InMemoryCandidates(profiles);
        var found = queries.AsParallel().SelectMany(q => search.Find(q.Query).Select(p => (Scoring.Score(q.Query, p).Comparison!, q.Party.Contains(p.Id)))).ToList();
        var byKind = profiles.ToLookup(p => p.Kind);
        var random = queries.AsParallel().AsOrdered().SelectMany((q, i) =>
        {
            var pool = byKind[q.Query.Kind!.Value].ToList();
            var r = new Random(seed + i);
            return Enumerable.Range(0, RandomPairsPerQuery).Select(_ => Scoring.Score(q.Query, pool[r.Next(pool.Count)]).Comparison!);
        }).ToList();
        var otherPartyPairs = queries.Sum(q => (long)byKind[q.Query.Kind!.Value].Count() - q.Party.Count);
        var u = EstimateU(found, otherPartyPairs, random);
        var m = EstimateM(found);
        var (nameM, nameU) = Monotone(MatchModel.Levels[0], m[0], u[0]);
        var features = MatchModel.FeatureNames.Select((f, i) => i == 0 ? new FeatureModel(f, nameM, nameU) : new FeatureModel(f, m[i], u[i])).ToList();
        var estimated = new MatchModel(EstimateLambda(found), features, 1, double.PositiveInfinity,
            $"matching-model --identities {identities} --seed {seed} --decision-seed {decisionSeed}");

        var (decisionProfiles, decisionQueries) = World(decisionSeed, identities);
        var decisionSearch = new InMemoryCandidates(decisionProfiles);
        var labelled = decisionQueries.AsParallel().AsOrdered()
            .Select(q => (q, (IReadOnlyList<Scored>)[.. decisionSearch.Find(q.Query).Select(p => Scoring.Score(q.Query, p))])).ToList();
        var chosen = ChooseDecision(estimated, labelled);
        return new Estimation(
            estimated with { MatchProbability = chosen.MatchProbability, LeadBits = chosen.LeadBits },
            queries.Count, found.Count, found.Count(x => x.Item2), random.Count, decisionQueries.Count,
            chosen, HandSetQuality(labelled), Quality(MatchModel.Current, labelled));
    }

    /// <summary>The rule of rules version 8, for comparison: a score of 0.9 with a lead of 0.05 over the runner-up, or an identifier.</summary>
    private static DecisionQuality HandSetQuality(IReadOnlyList<(LabelledQuery Query, IReadOnlyList<Scored> Scored)> labelled)
    {
        var (right, wrong) = (0, 0);
        foreach (var (query, scored) in labelled)
        {
            var ranked = Scoring.Rank(scored.Where(s => s.Score >= MatchIdentities.PossibleThreshold)).ToList();
            if (ranked.Count > 0 && ranked[0].Score >= 0.9 && (ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= 0.05))
            {
                (right, wrong) = query.Party.Contains(ranked[0].Profile.Id) ? (right + 1, wrong) : (right, wrong + 1);
            }
        }

        return new DecisionQuality(0.9, 0.05, right, wrong, labelled.Count(l => l.Query.Party.Count > 0));
    }

    /// <summary>A mock world's registrations as match profiles, and every office's record of its parties as queries.</summary>
    public static (IReadOnlyList<MatchProfile> Profiles, IReadOnlyList<LabelledQuery> Queries) World(int seed, int identities)
    {
        var world = new MockWorld(new MockProfile("matching-model", seed, identities));
        var profiles = new List<MatchProfile>();
        var queries = new List<LabelledQuery>();
        foreach (var party in world.Parties())
        {
            var registered = party.Registrations.Select(MatchingPerformanceCommand.Profile).ToList();
            profiles.AddRange(registered);
            var gids = registered.Select(p => p.Id).ToHashSet();
            queries.AddRange(party.Applicants.Select(a => new LabelledQuery(new MatchQuery([a.Name], registered[0].Kind, a.Country, []), gids)));
        }

        return (profiles, queries);
    }

    /// <summary>
    /// u: how often each level occurs between a query and an identity of its kind that is another
    /// party. The name's levels are counted over every such pair: those the candidate search finds
    /// as they are, all others in the lowest level (they share no word, so their names score below
    /// 0.5); the country's and the legal form's over random pairs.
    /// </summary>
    public static IReadOnlyList<Dictionary<string, double>> EstimateU(IReadOnlyList<(Comparison Pair, bool SameParty)> found, long otherPartyPairs, IReadOnlyList<Comparison> random)
    {
        var otherParty = found.Where(x => !x.SameParty).Select(x => x.Pair).ToList();
        var lowest = MatchModel.Levels[0][^1];
        var name = Frequencies(MatchModel.Levels[0], otherParty.Select(p => (p.Name, 1.0)).Append((lowest, otherPartyPairs - otherParty.Count)));
        return [name, .. MatchModel.Levels.Skip(1).Select((levels, f) => Frequencies(levels, random.Select(c => (c.Levels[f + 1], 1.0))))];
    }

    /// <summary>
    /// m: how often each level occurs between a query and an identity of its own party, over the
    /// pairs the candidate search finds (Splink's estimate from a label column: the mock world knows
    /// every record's party). Unsupervised EM does not identify m here (docs/matching.md, The decision).
    /// </summary>
    public static IReadOnlyList<Dictionary<string, double>> EstimateM(IReadOnlyList<(Comparison Pair, bool SameParty)> found) =>
        [.. MatchModel.Levels.Select((levels, f) => Frequencies(levels, found.Where(x => x.SameParty).Select(x => (x.Pair.Levels[f], 1.0))))];

    /// <summary>
    /// Makes the name's weights fall with its score (pool adjacent violators): where a lower band
    /// weighs more than the one above it, which a band seen a handful of times does by chance, the
    /// two are pooled, each keeping an equal share of their joint m and u. A name that scores higher
    /// is never weaker evidence of the same party.
    /// </summary>
    public static (Dictionary<string, double> M, Dictionary<string, double> U) Monotone(IReadOnlyList<string> levels, Dictionary<string, double> m, Dictionary<string, double> u)
    {
        var blocks = levels.Select(l => (Levels: new List<string> { l }, M: m[l], U: u[l])).ToList();
        for (var i = 1; i < blocks.Count;)
        {
            if (blocks[i].M / blocks[i].U > blocks[i - 1].M / blocks[i - 1].U)
            {
                blocks[i - 1] = ([.. blocks[i - 1].Levels, .. blocks[i].Levels], blocks[i - 1].M + blocks[i].M, blocks[i - 1].U + blocks[i].U);
                blocks.RemoveAt(i);
                i = Math.Max(1, i - 1);
            }
            else
            {
                i++;
            }
        }

        var pooled = blocks.SelectMany(b => b.Levels.Select(l => (l, M: b.M / b.Levels.Count, U: b.U / b.Levels.Count))).ToList();
        return (pooled.ToDictionary(x => x.l, x => x.M), pooled.ToDictionary(x => x.l, x => x.U));
    }

    /// <summary>The prior λ: the share of the pairs the candidate search finds that are the same party.</summary>
    public static double EstimateLambda(IReadOnlyList<(Comparison Pair, bool SameParty)> found) =>
        (found.Count(x => x.SameParty) + PseudoCount) / (found.Count + (2 * PseudoCount));

    /// <summary>
    /// The lowest MATCH probability and lead (in bits over the runner-up) that keep precision at
    /// <see cref="TargetPrecision"/> or more on the labelled queries, and among those the most recall.
    /// </summary>
    public static DecisionQuality ChooseDecision(MatchModel model, IReadOnlyList<(LabelledQuery Query, IReadOnlyList<Scored> Scored)> labelled)
    {
        var best = new DecisionQuality(1, double.PositiveInfinity, 0, 0, labelled.Count(l => l.Query.Party.Count > 0));
        foreach (var lead in new[] { 0.0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10 })
        {
            foreach (var probability in new[] { 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9999 })
            {
                var rule = model with { MatchProbability = probability, LeadBits = lead };
                var quality = Quality(rule, labelled);
                if (quality.Precision >= TargetPrecision && (quality.Right > best.Right || (quality.Right == best.Right && quality.Wrong < best.Wrong)))
                {
                    best = quality;
                }
            }
        }

        return best;
    }

    public static DecisionQuality Quality(MatchModel model, IReadOnlyList<(LabelledQuery Query, IReadOnlyList<Scored> Scored)> labelled)
    {
        var (right, wrong) = (0, 0);
        foreach (var (query, scored) in labelled)
        {
            var result = MatchIdentities.Decide(null, scored, 1, model);
            if (result.Decision == MatchDecision.Match)
            {
                (right, wrong) = query.Party.Contains(result.Best!.Profile.Id) ? (right + 1, wrong) : (right, wrong + 1);
            }
        }

        return new DecisionQuality(model.MatchProbability, model.LeadBits, right, wrong, labelled.Count(l => l.Query.Party.Count > 0));
    }

    private static Dictionary<string, double> Frequencies(IReadOnlyList<string> levels, IEnumerable<(string Level, double Weight)> observed)
    {
        var counts = levels.ToDictionary(l => l, _ => PseudoCount);
        foreach (var (level, weight) in observed.Where(x => x.Level != Comparison.NotGiven))
        {
            counts[level] += weight;
        }

        var total = counts.Values.Sum();
        return counts.ToDictionary(x => x.Key, x => x.Value / total);
    }
}

/// <summary>
/// The candidate search in memory, for estimating: identities sharing an exact key with a query
/// name, or holding all of its words but one, each as written or one letter away (the first steps
/// of <see cref="Candidates.FindAsync"/>; the trigram step is left out).
/// </summary>
public sealed class InMemoryCandidates
{
    private readonly IReadOnlyList<MatchProfile> _profiles;
    private readonly Dictionary<string, List<int>> _byExactKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);

    public InMemoryCandidates(IReadOnlyList<MatchProfile> profiles)
    {
        _profiles = profiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            foreach (var key in profiles[i].ExactKeys)
            {
                Index(_byExactKey, key, i);
            }

            foreach (var word in profiles[i].Words)
            {
                Index(_byWord, word, i);
            }
        }
    }

    public IReadOnlyList<MatchProfile> Find(MatchQuery query, int perName = Candidates.PerQueryName)
    {
        var found = new HashSet<int>();
        foreach (var (_, name) in query.Standardized)
        {
            var exact = name.ExactKeys.SelectMany(k => _byExactKey.GetValueOrDefault(k) ?? []).Distinct();
            var words = name.Tokens.Distinct().Take(Candidates.MaxWords).ToList();
            var hits = words
                .SelectMany(w => Candidates.WordVariants(w).SelectMany(v => _byWord.GetValueOrDefault(v) ?? []).Distinct())
                .CountBy(i => i)
                .Where(x => x.Value >= Math.Max(1, words.Count - 1))
                .OrderByDescending(x => x.Value).ThenBy(x => x.Key)
                .Select(x => x.Key);
            found.UnionWith(exact.Concat(hits).Where(i => query.Kind is not { } kind || _profiles[i].Kind == kind).Take(perName));
        }

        return [.. found.Select(i => _profiles[i])];
    }

    private static void Index(Dictionary<string, List<int>> index, string key, int i)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != i)
        {
            list.Add(i);
        }
    }
}
