using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Standards;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Matching.BatchMatching;

public enum MatchDecision
{
    Match,
    Possible,
    NoMatch,
}

public sealed class MatchRecordInput
{
    public string? Reference { get; set; }

    public IReadOnlyList<string> Names { get; set; } = [];

    public IdentityKind? Kind { get; set; }

    public string? Country { get; set; }

    public IReadOnlyList<ExternalIdentifierInput>? Identifiers { get; set; }
}

/// <summary>One record's answer: the decision and the best candidates, best first.</summary>
public sealed record MatchResult(string? Reference, MatchDecision Decision, IReadOnlyList<Scored> Candidates)
{
    public Scored? Best => Candidates.Count > 0 ? Candidates[0] : null;
}

/// <summary>
/// Batch matching (docs/matching.md): the whole batch's candidates are found together, as search
/// and the duplicate check find them (<see cref="Candidates.FindAsync"/>: exact keys in one round
/// trip, words over a few connections), scored in parallel, ranked and decided. A wrong GID is worse than none, so a MATCH needs a high
/// score and a clear lead over the runner-up.
/// </summary>
public static class MatchIdentities
{
    public const int MaxRecords = 1000;
    public const int MaxNamesPerRecord = 10;

    /// <summary>
    /// The name score a MATCH also needs (the same name, a romanisation, initials or one typo): the
    /// mock world the model is estimated from holds too few look-alike parties to weigh names that
    /// score less (docs/matching.md, The decision).
    /// </summary>
    public const double MatchNameScore = 0.9;

    /// <summary>At or above (and not a MATCH): POSSIBLE, for a person to look at.</summary>
    public const double PossibleThreshold = 0.75;

    public static IReadOnlyList<(string? Reference, MatchQuery Query)> Parse(IReadOnlyList<MatchRecordInput>? records)
    {
        var problems = new Problems();
        if (records is null || records.Count is 0 or > MaxRecords)
        {
            throw Refusal.Invalid("records", $"Send 1 to {MaxRecords} records at once; got {records?.Count ?? 0}. Split larger files into batches of {MaxRecords}.");
        }

        var parsed = new List<(string?, MatchQuery)>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            parsed.Add(Parse(problems, $"records[{i}].", records[i]));
        }

        problems.ThrowIfAny();
        return parsed;
    }

    /// <summary>One record as a query; what is wrong with it goes to <paramref name="problems"/>, its fields named after <paramref name="prefix"/>.</summary>
    public static (string? Reference, MatchQuery Query) Parse(Problems problems, string prefix, MatchRecordInput record)
    {
        if (record.Names.Count is 0 or > MaxNamesPerRecord)
        {
            problems.Add($"{prefix}names", $"Give 1 to {MaxNamesPerRecord} names; got {record.Names.Count}.");
        }

        foreach (var (name, j) in record.Names.Select((n, j) => (n, j)))
        {
            InputRules.CheckText(problems, $"{prefix}names[{j}]", name, NameText.MaxLength);
        }

        InputRules.CheckOptionalText(problems, $"{prefix}reference", record.Reference);
        var identifiers = InputRules.ParseExternalIdentifiers(problems, $"{prefix}identifiers", record.Identifiers);
        var query = new MatchQuery(record.Names, record.Kind, record.Country, identifiers);
        if (!problems.Any && query.Standardized.Count == 0 && identifiers.Count == 0)
        {
            problems.Add($"{prefix}names", "No name has letters or digits to match on, and no identifier was given.");
        }

        return (record.Reference, query);
    }

    public static async Task<IReadOnlyList<MatchResult>> RunAsync(IDocumentStore store, IReadOnlyList<(string? Reference, MatchQuery Query)> records, int candidatesPerRecord, CancellationToken ct)
    {
        var found = await Candidates.FindAsync(store, [.. records.Select(r => r.Query)], ct);
        return [.. records.AsParallel().AsOrdered().Select((r, i) => Decide(r.Reference, [.. found[i].Select(p => Scoring.Score(r.Query, p))], candidatesPerRecord))];
    }

    /// <summary>
    /// The decision on one record from its scored candidates: MATCH when the best candidate shares
    /// an identifier with the record, or when its name scores <see cref="MatchNameScore"/> or more,
    /// the match model (<see cref="MatchModel"/>) gives it at least its MATCH probability and it
    /// leads every other candidate by the model's lead in match weight; POSSIBLE when a candidate scores <see cref="PossibleThreshold"/> or more; else NO_MATCH.
    /// The candidates are those search would show (<see cref="Scoring.ShownScore"/> or more), best
    /// first, on NO_MATCH too: what a person finds by searching is never missing from the batch's answer.
    /// </summary>
    public static MatchResult Decide(string? reference, IReadOnlyList<Scored> scored, int candidatesPerRecord, MatchModel? model = null)
    {
        model ??= MatchModel.Current;
        var shown = Scoring.Rank(scored.Where(s => s.Score >= Scoring.ShownScore)).Select(s => s with { Weighed = model.Weigh(s.Comparison!) }).ToList();
        var possible = shown.Where(s => s.Score >= PossibleThreshold).ToList();
        if (possible.Count == 0)
        {
            return new MatchResult(reference, MatchDecision.NoMatch, [.. shown.Take(candidatesPerRecord)]);
        }

        var best = possible[0];

        // A consonant skeleton keeps no vowels (Samir and Samer are both s-m-r): a candidate met only so does not stand
        // in the way of one whose name is met as spelt, as a romanisation or with a typo.
        var rivals = Skeletons.Met(best) ? possible.Skip(1) : possible.Skip(1).Where(s => !Skeletons.Met(s));
        var lead = rivals.Any() ? best.Weighed!.Total - rivals.Max(s => s.Weighed!.Total) : double.PositiveInfinity;
        var match = best.Parts.Identifier == 1 || (best.NameScore >= MatchNameScore && best.Weighed!.Probability >= model.MatchProbability && lead >= model.LeadBits);
        return new MatchResult(reference, match ? MatchDecision.Match : MatchDecision.Possible, [.. shown.Take(candidatesPerRecord)]);
    }

    public static void Map(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchResultGraphType>>>>("matchIdentities")
            .Description($"Matches up to {MaxRecords} records (an office's applicant file) to GIDs: for each, in the order sent, a decision (MATCH when the best candidate's name scores {MatchNameScore} and the match model gives it a probability of {MatchModel.Current.MatchProbability} with a lead of {MatchModel.Current.LeadBits} bits, or it shares an identifier; POSSIBLE at a score of {PossibleThreshold}; else NO_MATCH) and the best candidates with explained scores.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<MatchRecordInputGraphType>>>>("records")
            .Argument<IntGraphType>("candidatesPerRecord", "1 to 10; 3 when not given.")
            .ResolveAsync(async ctx =>
            {
                var records = Parse(ctx.GetArgument<List<MatchRecordInput>>("records"));
                var perRecord = ctx.GetArgument<int?>("candidatesPerRecord") ?? 3;
                if (perRecord is < 1 or > 10)
                {
                    throw Refusal.Invalid("candidatesPerRecord", $"Ask for 1 to 10 candidates per record; got {perRecord}.");
                }

                return await RunAsync(ctx.Store(), records, perRecord, ctx.CancellationToken);
            });
}

public sealed class MatchRecordInputGraphType : InputObjectGraphType<MatchRecordInput>
{
    public MatchRecordInputGraphType()
    {
        Name = "MatchRecordInput";
        Field(x => x.Reference, nullable: true).Description("Your own key for the record, given back with its result.");
        Field(x => x.Names, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("The party's names, in any script.");
        Field(x => x.Kind, type: typeof(EnumerationGraphType<IdentityKind>)).Description("Only identities of this kind are candidates.");
        Field(x => x.Country, type: typeof(CountryCodeGraphType)).Description("A candidate in another country scores lower (× 0.85).");
        Field(x => x.Identifiers, type: typeof(ListGraphType<NonNullGraphType<ExternalIdentifierInputGraphType>>)).Description("An exact hit on a linked identifier scores 1.");
    }
}

public sealed class MatchResultGraphType : ObjectGraphType<MatchResult>
{
    public MatchResultGraphType()
    {
        Name = "MatchResult";
        Field(x => x.Reference, nullable: true);
        Field(x => x.Decision, type: typeof(NonNullGraphType<EnumerationGraphType<MatchDecision>>));
        Field<GidGraphType>("gid").Description("The matched GID when the decision is MATCH.").Resolve(ctx => ctx.Source.Decision == MatchDecision.Match ? ctx.Source.Best?.Profile.Id : null);
        Field(x => x.Candidates, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MatchCandidateGraphType>>>)).Description($"Candidates scoring at least {Scoring.ShownScore} (what searchIdentities shows), best first; on NO_MATCH the nearest ones, all below the POSSIBLE threshold.");
    }
}

public sealed class MatchCandidateGraphType : ObjectGraphType<Scored>
{
    public MatchCandidateGraphType()
    {
        Name = "MatchCandidate";
        Field<NonNullGraphType<GidGraphType>>("gid").Resolve(ctx => ctx.Source.Profile.Id);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(ctx => ctx.Source.Score);
        Field<NonNullGraphType<MatchExplanationGraphType>>("explanation").Resolve(ctx => ctx.Source);
    }
}
