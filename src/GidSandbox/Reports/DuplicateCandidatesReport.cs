using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Matching.DuplicateReport;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Reports;

public sealed record DuplicateCandidatesRow(string Country, IdentityKind Kind, int Outstanding, bool Complete);

/// <summary>
/// How many duplicate candidate pairs are outstanding, per country and kind: the pairs
/// <c>duplicateCandidates</c> lists, counted. Only active identities pair up, so a merge resolves
/// its pair. Each country is one bounded self-join, so a report names at most
/// <see cref="MaxCountries"/> countries.
/// </summary>
public static class DuplicateCandidatesReport
{
    public const int MaxCountries = 10;

    public static void Map(ObjectGraphType query, Action<FieldType> auditRead) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DuplicateCandidatesRowGraphType>>>>("duplicateCandidatesReport")
            .Description("Outstanding duplicate candidate pairs (as in duplicateCandidates) per country and kind, one row for each, zeros included. Needs audit:read.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CountryCodeGraphType>>>>("countries", $"1 to {MaxCountries} countries.")
            .Argument<EnumerationGraphType<IdentityKind>>("kind", "Both kinds when not given.")
            .Argument<FloatGraphType>("minScore", DuplicateCandidates.MinScoreDescription)
            .Configure(auditRead)
            .ResolveAsync(async ctx =>
            {
                var problems = new Problems();
                var countries = ctx.GetArgument<List<string>>("countries").Distinct().Order(StringComparer.Ordinal).ToList();
                var minScore = DuplicateCandidates.ParseMinScore(problems, ctx.GetArgument<double?>("minScore"));
                if (countries.Count is < 1 or > MaxCountries)
                {
                    problems.Add("countries", $"Name 1 to {MaxCountries} countries; got {countries.Count}.");
                }

                problems.ThrowIfAny();
                return await CountAsync(ctx.Store(), countries, ctx.GetArgument<IdentityKind?>("kind"), minScore, ctx.CancellationToken);
            });

    public static async Task<List<DuplicateCandidatesRow>> CountAsync(IDocumentStore store, IReadOnlyList<string> countries, IdentityKind? kind, double minScore, CancellationToken ct)
    {
        var kinds = kind is { } given ? [given] : Enum.GetValues<IdentityKind>();
        var rows = new List<DuplicateCandidatesRow>();
        foreach (var country in countries)
        {
            var scored = await DuplicateCandidates.ScoreAsync(store, country, kind, minScore, ct);
            rows.AddRange(kinds.Select(k => new DuplicateCandidatesRow(country, k, scored.Pairs.Count(p => p.Scored.Profile.Kind == k), scored.Complete)));
        }

        return rows;
    }
}

public sealed class DuplicateCandidatesRowGraphType : ObjectGraphType<DuplicateCandidatesRow>
{
    public DuplicateCandidatesRowGraphType()
    {
        Name = "DuplicateCandidatesRow";
        Field(x => x.Country, type: typeof(NonNullGraphType<CountryCodeGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<IdentityKind>>));
        Field(x => x.Outstanding).Description("Pairs of active identities at minScore or more.");
        Field(x => x.Complete).Description($"False when the country reached the limit of {DuplicateCandidates.MaxPairsScored} similar pairs scored: outstanding is then a lower bound.");
    }
}
