using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GidSandbox.Matching;

/// <summary>
/// One comparison of a query with a candidate: the agreement level it reached on each feature. The
/// kind is not among them: the candidate search finds only the query's kind, so it would weigh the
/// same for every candidate; a shared external identifier is not either: it decides on its own (an
/// identifier is claimed by one identity).
/// </summary>
public sealed record Comparison(string Name, string Country, string LegalForm)
{
    /// <summary>The level of every feature, in <see cref="MatchModel.Features"/> order.</summary>
    public IReadOnlyList<string> Levels => [Name, Country, LegalForm];

    /// <summary>
    /// The levels of a scored candidate. The name's level is the band its name score falls in (the
    /// rules of <see cref="Scoring.ScoreName"/>, before the country and legal form count), so each
    /// rule's verdict is one level: the same spelling 1, the same once standardized 0.98, a
    /// romanisation variant 0.95, initials or one typo 0.90–0.94, diacritics that differ 0.85.
    /// </summary>
    public static Comparison Of(Scored scored, MatchQuery query) => new(
        NameBand(scored.NameScore),
        query.Country is null ? NotGiven : scored.SameCountry ? Same : Differs,
        scored.Features.Contains("SAME_LEGAL_FORM") ? Same : scored.Features.Contains("LEGAL_FORM_DIFFERS") ? Differs : NotGiven);

    public const string Same = "SAME";
    public const string Differs = "DIFFERS";
    public const string NotGiven = "NOT_BOTH_GIVEN";

    /// <summary>The name score bands, highest first: a score falls in the first band whose floor it reaches.</summary>
    public static readonly IReadOnlyList<(string Level, double Floor)> NameBands =
    [
        ("1", 1), ("0.98", 0.98), ("0.95", 0.95), ("0.90", 0.9), ("0.85", 0.85), ("0.75", 0.75), ("0.50", 0.5), ("0", 0),
    ];

    public static string NameBand(double score) => NameBands.First(b => score >= b.Floor).Level;
}

/// <summary>How much one feature's level weighs for a candidate: log2(m / u), in bits.</summary>
public sealed record FeatureWeight(string Feature, string Level, double M, double U)
{
    public double Weight => Math.Log2(M / U);
}

/// <summary>A candidate weighed by the model: each feature's weight, their sum and the probability that it is the party.</summary>
public sealed record Weighed(IReadOnlyList<FeatureWeight> Weights, double Prior)
{
    /// <summary>The match weight: the prior's log-odds plus every feature's weight, in bits.</summary>
    public double Total => Prior + Weights.Sum(w => w.Weight);

    public double Probability => 1 / (1 + Math.Pow(2, -Total));
}

/// <summary>The m and u probabilities of one feature's levels.</summary>
public sealed record FeatureModel(string Feature, IReadOnlyDictionary<string, double> M, IReadOnlyDictionary<string, double> U);

/// <summary>
/// A Fellegi–Sunter model of "the same party" (docs/matching.md, The decision): for each feature
/// and level, m = P(level | same party) and u = P(level | other parties), estimated from a mock
/// world (u from random pairs; m and the prior from the pairs the candidate search finds, labelled
/// by the world's parties); a candidate's match weight is the prior's log-odds plus log2(m / u) of
/// each feature's level. The MATCH probability and the lead over the runner-up were chosen on
/// another mock world as those giving the most right MATCHes at precision 0.99 or more.
/// `matching-model` estimates it again and writes match-model.json.
/// </summary>
public sealed record MatchModel(
    double Lambda,
    IReadOnlyList<FeatureModel> Features,
    double MatchProbability,
    double LeadBits,
    string EstimatedFrom)
{
    public static readonly IReadOnlyList<string> FeatureNames = ["name", "country", "legalForm"];

    /// <summary>
    /// Every level of each feature, in <see cref="FeatureNames"/> order; <see cref="Comparison.NotGiven"/>
    /// is not among them: a value one side lacks is no evidence either way and weighs 0.
    /// </summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Levels =
    [
        [.. Comparison.NameBands.Select(b => b.Level)],
        [Comparison.Same, Comparison.Differs],
        [Comparison.Same, Comparison.Differs],
    ];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The model the sandbox decides with: src/GidSandbox/Matching/match-model.json, embedded.</summary>
    public static MatchModel Current { get; } = Load();

    public double PriorBits => Math.Log2(Lambda / (1 - Lambda));

    public Weighed Weigh(Comparison comparison) =>
        new([.. Features.Select((f, i) => comparison.Levels[i] is var level && level == Comparison.NotGiven
            ? new FeatureWeight(f.Feature, level, 1, 1)
            : new FeatureWeight(f.Feature, level, f.M[level], f.U[level]))], PriorBits);

    public Weighed Weigh(Scored scored, MatchQuery query) => Weigh(Comparison.Of(scored, query));

    private static MatchModel Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GidSandbox.Matching.match-model.json")
            ?? throw new InvalidOperationException("The embedded match model is missing.");
        return JsonSerializer.Deserialize<MatchModel>(stream, Json)!;
    }
}
