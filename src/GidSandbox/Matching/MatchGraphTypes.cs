using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace GidSandbox.Matching;

public sealed record SearchEdge(string Cursor, Identity Node, Scored Hit);

public sealed record SearchConnection(IReadOnlyList<SearchEdge> Edges, bool HasNextPage, bool HasPreviousPage)
{
    public PageInfo PageInfo => new()
    {
        HasNextPage = HasNextPage,
        HasPreviousPage = HasPreviousPage,
        StartCursor = Edges.Count > 0 ? Edges[0].Cursor : null,
        EndCursor = Edges.Count > 0 ? Edges[^1].Cursor : null,
    };
}

public sealed class SearchConnectionGraphType : ObjectGraphType<SearchConnection>
{
    public SearchConnectionGraphType()
    {
        Name = "IdentitySearchConnection";
        Description = "Search hits, best first (a Relay connection).";
        Field(x => x.Edges, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SearchEdgeGraphType>>>));
        Field(x => x.PageInfo, type: typeof(NonNullGraphType<PageInfoType>));
    }
}

public sealed class SearchEdgeGraphType : ObjectGraphType<SearchEdge>
{
    public SearchEdgeGraphType()
    {
        Name = "IdentitySearchEdge";
        Field(x => x.Cursor);
        Field(x => x.Node, type: typeof(NonNullGraphType<IdentityGraphType>));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("In [0,1]; 1 for an exact identifier or GID hit.").Resolve(ctx => ctx.Source.Hit.Score);
        Field<NonNullGraphType<MatchExplanationGraphType>>("explanation").Resolve(ctx => ctx.Source.Hit);
    }
}

/// <summary>Why a candidate scored what it did (docs/matching.md).</summary>
public sealed class MatchExplanationGraphType : ObjectGraphType<Scored>
{
    public MatchExplanationGraphType()
    {
        Name = "MatchExplanation";
        Field<StringGraphType>("queryName").Description("The name asked for that matched best.").Resolve(ctx => ctx.Source.QueryName);
        Field<StringGraphType>("matchedName").Description("The candidate's name that matched it.").Resolve(ctx => ctx.Source.MatchedName?.Text);
        Field<IntGraphType>("matchedNameId").Resolve(ctx => ctx.Source.MatchedName?.NameId);
        Field<StringGraphType>("matchedKey").Description("The matched name as standardized (legal form off).").Resolve(ctx => ctx.Source.MatchedName?.Standard.Key);
        Field<StringGraphType>("legalForm").Description("The legal form recognised in the matched name.").Resolve(ctx => ctx.Source.MatchedName?.Standard.LegalForm?.Form);
        Field<StringGraphType>("legalFormName").Description("Its name as people read it (\"Kabushiki kaisha (joint-stock company)\").").Resolve(ctx => ctx.Source.MatchedName?.Standard.LegalForm?.Name);
        Field<StringGraphType>("legalFormClass").Description("Its class across languages (LIMITED, JOINT_STOCK, COMPANY, PARTNERSHIP, ...): forms of one class count as the same.").Resolve(ctx => ctx.Source.MatchedName?.Standard.LegalForm?.Class);
        Field<StringGraphType>("legalFormElf").Description("Its ISO 20275 ELF code in the identity's country, where one exists.").Resolve(ctx => ctx.Source.MatchedName?.Standard.LegalForm?.Elf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("features").Resolve(ctx => ctx.Source.Features);
        Field<NonNullGraphType<ScorePartsGraphType>>("parts").Resolve(ctx => ctx.Source.Parts);
        Field<FloatGraphType>("matchWeight").Description("The match model's weight for this candidate, in bits: the prior's log-odds plus each feature's weight (docs/matching.md, The decision).")
            .Resolve(ctx => Weighed(ctx.Source)?.Total is { } total ? Math.Round(total, 2) : null);
        Field<FloatGraphType>("matchProbability").Description("The probability the match model gives that the candidate is the party asked for.")
            .Resolve(ctx => Weighed(ctx.Source)?.Probability is { } p ? Math.Round(p, 4) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureWeightGraphType>>>>("weights").Description("Each feature's agreement level and weight, log2(m / u).")
            .Resolve(ctx => Weighed(ctx.Source)?.Weights ?? []);
    }

    private static Weighed? Weighed(Scored scored) => scored.Weighed ?? (scored.Comparison is { } comparison ? MatchModel.Current.Weigh(comparison) : null);
}

public sealed class FeatureWeightGraphType : ObjectGraphType<FeatureWeight>
{
    public FeatureWeightGraphType()
    {
        Name = "FeatureWeight";
        Description = "One feature of the match model: the level the candidate reached on it and what that level weighs.";
        Field(x => x.Feature).Description("name, country or legalForm.");
        Field(x => x.Level).Description("For the name, the band its score falls in (1, 0.98, 0.95, 0.90, 0.85, 0.75, 0.50, 0); otherwise SAME, DIFFERS or NOT_BOTH_GIVEN (one side has none: weight 0, m and u read 1).");
        Field<NonNullGraphType<FloatGraphType>>("m").Description("P(this level | the same party), estimated from the mock world.").Resolve(ctx => Math.Round(ctx.Source.M, 6));
        Field<NonNullGraphType<FloatGraphType>>("u").Description("P(this level | another party), estimated from random pairs of the mock world.").Resolve(ctx => Math.Round(ctx.Source.U, 6));
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("log2(m / u), in bits.").Resolve(ctx => Math.Round(ctx.Source.Weight, 2));
    }
}

public sealed class ScorePartsGraphType : ObjectGraphType<ScoreParts>
{
    public ScorePartsGraphType()
    {
        Name = "ScoreParts";
        Description = "The parts of a score, each in [0,1]; see docs/matching.md for how they combine.";
        Field(x => x.Trigram).Description("pg_trgm similarity of the standardized names.");
        Field(x => x.TokenOverlap).Description("Dice overlap of the words, spelling variants and initials counted in part.");
        Field(x => x.Phonetic).Description("Dice overlap of the words' Soundex codes.");
        Field(x => x.LegalForm).Description("1, or 0.9 when both names carry different legal forms.");
        Field(x => x.Country).Description("1, or 0.85 when the countries differ.");
        Field(x => x.Identifier).Description("1 on an exact external identifier hit.");
    }
}
