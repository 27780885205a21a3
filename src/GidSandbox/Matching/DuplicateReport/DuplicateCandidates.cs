using System.Globalization;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Marten;
using Npgsql;

namespace GidSandbox.Matching.DuplicateReport;

/// <summary>Two active identities that look like one party, for an office to review and merge.</summary>
public sealed record DuplicatePair(string First, string Second, Scored Scored);

/// <summary>The pairs of one country at minScore or more, unordered; not complete when the database proposed as many pairs as it may, so more may exist.</summary>
public sealed record ScoredPairs(IReadOnlyList<DuplicatePair> Pairs, bool Complete);

/// <summary>
/// The duplicate candidates report: pairs of active identities of one kind in one country whose
/// names pg_trgm finds similar (through the GIN index, one lookup per identity), scored like a
/// match of the first against the second; the best pairs first.
/// </summary>
public static class DuplicateCandidates
{
    public const int MaxFirst = 200;

    /// <summary>How many similar pairs the database hands over for scoring at most.</summary>
    public const int MaxPairsScored = 5000;

    public static async Task<IReadOnlyList<DuplicatePair>> FindAsync(IDocumentStore store, string country, IdentityKind? kind, double minScore, int first, CancellationToken ct) =>
        [.. (await ScoreAsync(store, country, kind, minScore, ct)).Pairs
            .OrderByDescending(p => p.Scored.Score).ThenBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Second, StringComparer.Ordinal).Take(first)];

    /// <summary>Every pair of the country (and kind, if given) that scores minScore or more: what both the list and the governance count are made of.</summary>
    public static async Task<ScoredPairs> ScoreAsync(IDocumentStore store, string country, IdentityKind? kind, double minScore, CancellationToken ct)
    {
        var serializer = store.Options.Serializer();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            set local pg_trgm.similarity_threshold = {Candidates.WordSimilarityThreshold.ToString(CultureInfo.InvariantCulture)};
            select a.data, b.data from {Candidates.Table} a
            join {Candidates.Table} b on b.search_text % a.search_text and a.id < b.id and b.country = a.country and b.kind = a.kind and b.status = 'Active'
            where a.status = 'Active' and a.country = @country and (@kind::text is null or a.kind = @kind::text)
            limit {MaxPairsScored}
            """, connection, transaction);
        command.Parameters.AddWithValue("country", country);
        command.Parameters.AddWithValue("kind", (object?)kind?.ToString() ?? DBNull.Value);
        var pairs = new List<DuplicatePair>();
        var proposed = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                proposed++;
                // Two documents in one row: read each as text, since a column streamed by Npgsql must be closed before the next.
                using var firstJson = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
                using var secondJson = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(1)));
                var a = serializer.FromJson<MatchProfile>(firstJson);
                var b = serializer.FromJson<MatchProfile>(secondJson);
                var scored = Scoring.Score(new MatchQuery([.. a.Names.Select(n => n.Text).Distinct()], a.Kind, a.Country, a.ExternalIdentifiers), b);
                if (scored.Score >= minScore)
                {
                    pairs.Add(new DuplicatePair(a.Id, b.Id, scored));
                }
            }
        }

        await transaction.CommitAsync(ct);
        return new ScoredPairs(await WithoutDismissedAsync(store, pairs, ct), proposed < MaxPairsScored);
    }

    /// <summary>Pairs a review found to be two parties (dismissDuplicate) are not proposed again.</summary>
    private static async Task<List<DuplicatePair>> WithoutDismissedAsync(IDocumentStore store, List<DuplicatePair> pairs, CancellationToken ct)
    {
        if (pairs.Count == 0)
        {
            return pairs;
        }

        await using var session = store.QuerySession();
        var firsts = await session.LoadManyAsync<Identity>(ct, pairs.Select(p => p.First).Distinct().ToArray());
        var dismissed = firsts.Where(i => i.NotDuplicates.Count > 0).ToDictionary(i => i.Id, i => i.NotDuplicates);
        return dismissed.Count == 0 ? pairs : [.. pairs.Where(p => !(dismissed.TryGetValue(p.First, out var others) && others.Contains(p.Second)))];
    }

    /// <summary>The minScore argument of both duplicate candidate fields, so the list and the count take the same scores.</summary>
    public const string MinScoreDescription = "0.5 to 1; 0.9 (the duplicate check's threshold) when not given.";

    public static double ParseMinScore(Problems problems, double? given)
    {
        var minScore = given ?? DuplicateCheck.Threshold;
        if (minScore is < 0.5 or > 1)
        {
            problems.Add("minScore", $"Give a score from 0.5 to 1; got {minScore}.");
        }

        return minScore;
    }

    public static void Map(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DuplicatePairGraphType>>>>("duplicateCandidates")
            .Description("Pairs of active identities of one country that look like the same party (scored as in matchIdentities), best first, for review and mergeIdentities.")
            .Argument<NonNullGraphType<CountryCodeGraphType>>("country")
            .Argument<EnumerationGraphType<IdentityKind>>("kind")
            .Argument<FloatGraphType>("minScore", MinScoreDescription)
            .Argument<IntGraphType>("first", $"At most {MaxFirst}; 50 when not given.")
            .ResolveAsync(async ctx =>
            {
                var problems = new Problems();
                var minScore = ParseMinScore(problems, ctx.GetArgument<double?>("minScore"));
                var first = ctx.GetArgument<int?>("first") ?? 50;

                if (first is < 1 or > MaxFirst)
                {
                    problems.Add("first", $"Ask for 1 to {MaxFirst} pairs; got {first}.");
                }

                problems.ThrowIfAny();
                return await FindAsync(ctx.Store(), ctx.GetArgument<string>("country"), ctx.GetArgument<IdentityKind?>("kind"), minScore, first, ctx.CancellationToken);
            });
}

public sealed class DuplicatePairGraphType : ObjectGraphType<DuplicatePair>
{
    public DuplicatePairGraphType()
    {
        Name = "DuplicatePair";
        Field<NonNullGraphType<GidGraphType>>("first").Resolve(ctx => ctx.Source.First);
        Field<NonNullGraphType<GidGraphType>>("second").Resolve(ctx => ctx.Source.Second);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(ctx => ctx.Source.Scored.Score);
        Field<NonNullGraphType<MatchExplanationGraphType>>("explanation").Description("queryName is the first identity's name, matchedName the second's.").Resolve(ctx => ctx.Source.Scored);
    }
}
