using System.Text;
using System.Text.RegularExpressions;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using GidSandbox.Standards;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Matching.Searching;

/// <summary>What one search asks: the text (a name, an external identifier or the start of a GID), filters and the page.</summary>
public sealed record SearchIdentities(string Text, IdentityKind? Kind, string? Country, int First, int Offset)
{
    public const int MaxFirst = 50;

    /// <summary>How deep a client can page: ranking beyond this is noise, so the registry does not compute it.</summary>
    public const int MaxDepth = 200;

    public static SearchIdentities From(string? name, IdentityKind? kind, string? country, int? first, string? after)
    {
        var problems = new Problems();
        if (name is null || name.Length > NameText.MaxLength)
        {
            // Checked before anything else touches the text, so a huge query costs nothing.
            problems.Add("name", $"Search for at most {NameText.MaxLength} characters; got {name?.Length ?? 0}.");
        }
        else if (NameText.Problem(name) is { } problem)
        {
            problems.Add("name", problem.Replace("A name", "The search text", StringComparison.Ordinal));
        }
        else if (NameStandardization.Standardize(name).IsEmpty && GidPrefix(name) is null)
        {
            problems.Add("name", "The search text has no letters or digits to search for; give part of a name, an identifier or a GID.");
        }

        var size = first ?? 10;
        if (size is < 1 or > MaxFirst)
        {
            problems.Add("first", $"Ask for 1 to {MaxFirst} results at a time; got {size}.");
        }

        var offset = 0;
        if (after is not null && !TryReadCursor(after, out offset))
        {
            problems.Add("after", "This is not a cursor this search returned; pass the endCursor of the previous page.");
        }

        problems.ThrowIfAny();
        return new SearchIdentities(name!.Trim(), kind, country, size, offset);
    }

    // Linear in the text by construction (no backtracking), so no timeout: a timeout counts wall-clock time, and a busy
    // machine once failed a search on it.
    private static readonly Regex GidText = new(@"^(?:gid)?[\s-]*(?<rest>[0-9][0-9\s-]*[0-9xX]?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>The canonical start of a GID when the text is one ("GID-1234-5", "1234 5678"), else null.</summary>
    public static string? GidPrefix(string text)
    {
        var match = GidText.Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var characters = string.Concat(match.Groups["rest"].Value.Where(c => c is not ('-' or ' '))).ToUpperInvariant();
        if (characters.Length is < 4 or > 16)
        {
            return null;
        }

        var canonical = new StringBuilder("GID");
        for (var i = 0; i < characters.Length; i++)
        {
            canonical.Append(i % 4 == 0 ? "-" : "").Append(characters[i]);
        }

        return canonical.ToString();
    }

    public async Task<(IReadOnlyList<Scored> Page, bool HasNextPage)> RunAsync(IDocumentStore store, CancellationToken ct)
    {
        var hits = new Dictionary<string, Scored>();
        void Add(Scored hit)
        {
            if ((Kind is null || hit.Profile.Kind == Kind) && (Country is null || hit.Profile.Country == Country)
                && (!hits.TryGetValue(hit.Profile.Id, out var known) || known.Score < hit.Score))
            {
                hits[hit.Profile.Id] = hit;
            }
        }

        await using var session = store.QuerySession();
        if (GidPrefix(Text) is { } prefix)
        {
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            var byGid = await session.QueryAsync<MatchProfile>("where d.id >= ? and d.id < ? order by d.id limit ?", ct, prefix, upper, MaxDepth);
            foreach (var profile in byGid)
            {
                Add(Exact(profile, "GID_PREFIX"));
            }
        }

        var value = Text.Trim();
        var claims = await session.Query<ExternalIdentifierClaim>().Where(c => c.Identifier.Value == value).Take(MaxDepth).ToListAsync(ct);
        foreach (var profile in await session.LoadManyAsync<MatchProfile>(ct, claims.Select(c => c.Gid).Distinct().ToArray()))
        {
            var identifier = claims.First(c => c.Gid == profile.Id).Identifier;
            Add(Exact(profile, $"IDENTIFIER {identifier.Issuer} {identifier.Scheme} {identifier.Value}") with { Parts = new ScoreParts(0, 0, 0, 1, 1, 1) });
        }

        var query = new MatchQuery([Text], Kind, Country, []);
        if (query.Standardized.Count > 0)
        {
            // Twice the page's depth: a candidate much further down the candidates' order rarely outscores those above it.
            var depth = Math.Min(MaxDepth, Math.Max(Candidates.PerQueryName, 2 * (Offset + First)));
            var found = await Candidates.FindAsync(store, [query], ct, perQueryName: depth);
            foreach (var scored in found[0].Select(p => Scoring.Score(query, p)).Where(s => s.Score >= Scoring.ShownScore))
            {
                Add(scored);
            }
        }

        var ranked = Scoring.Rank(hits.Values).ToList();
        return ([.. ranked.Skip(Offset).Take(First)], ranked.Count > Offset + First);
    }

    private static Scored Exact(MatchProfile profile, string feature) => new(profile, 1, null, null, new ScoreParts(0, 0, 0, 1, 1, 0), [feature]);

    public static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"search:{offset}"));

    /// <summary>Reads a cursor back into the offset of the first result after it.</summary>
    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        Span<byte> bytes = stackalloc byte[64];
        if (cursor.Length > 64 || !Convert.TryFromBase64String(cursor, bytes, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes[..length]);
        if (!text.StartsWith("search:", StringComparison.Ordinal) || !int.TryParse(text.AsSpan("search:".Length), out var position) || position is < 0 or >= MaxDepth)
        {
            return false;
        }

        offset = position + 1;
        return true;
    }

    public static void Map(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchConnectionGraphType>>("searchIdentities")
            .Description("Active identities ranked by how well they match a name (standardized: legal form, diacritics, script and word order do not matter), or holding an external identifier with this value, or whose GID starts with it. Each hit explains its score (docs/matching.md).")
            .Argument<NonNullGraphType<StringGraphType>>("name", "A name, an external identifier's value, or the start of a GID (at least 4 digits).")
            .Argument<EnumerationGraphType<IdentityKind>>("kind")
            .Argument<CountryCodeGraphType>("country")
            .Argument<IntGraphType>("first", $"At most {MaxFirst}; 10 when not given.")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async ctx =>
            {
                var search = From(ctx.GetArgument<string?>("name"), ctx.GetArgument<IdentityKind?>("kind"), ctx.GetArgument<string?>("country"), ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"));
                return await ctx.ReadAsync(async store =>
                {
                    var (page, hasNext) = await search.RunAsync(store, ctx.CancellationToken);
                    await using var session = store.QuerySession();
                    var identities = (await session.LoadManyAsync<Identity>(ctx.CancellationToken, page.Select(h => h.Profile.Id).ToArray())).ToDictionary(i => i.Id);
                    var edges = page.Select((hit, i) => new SearchEdge(Cursor(search.Offset + i), identities[hit.Profile.Id], hit)).ToList();
                    return new SearchConnection(edges, hasNext, search.Offset > 0);
                });
            });
}
