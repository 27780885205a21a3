using System.Globalization;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// Search by name, external identifier or the start of a GID (searchIdentities): the ranked hits
/// with their score and its explanation, kind and country filters, and the next page by cursor.
/// </summary>
public static class SearchPage
{
    public const string Path = ConsoleRegistration.PathBase + "/search";

    private const int DefaultPageSize = 10;

    private static readonly int[] PageSizes = [10, 20, 50];

    private const string Search = """
        query ($name: String!, $kind: IdentityKind, $country: CountryCode, $first: Int, $after: String) {
          searchIdentities(name: $name, kind: $kind, country: $country, first: $first, after: $after) {
            edges {
              score
              node {
                gid kind country status managingOffice registeredAt lei orcid isni
                names { text script type primary }
                address { city }
                externalIdentifiers { scheme issuer value }
              }
              explanation { queryName matchedName matchedKey legalForm legalFormName legalFormElf features parts { trigram tokenOverlap phonetic legalForm country identifier } }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private sealed record Connection(IReadOnlyList<Edge> Edges, PageInfo PageInfo);

    private sealed record PageInfo(bool HasNextPage, string? EndCursor);

    private sealed record Edge(double Score, Found Node, Explanation Explanation);

    private sealed record Found(
        string Gid, string? Kind, string? Country, string? Status, string? ManagingOffice, string? RegisteredAt,
        string? Lei, string? Orcid, string? Isni, IReadOnlyList<NameView> Names, Address? Address, IReadOnlyList<ExternalIdView>? ExternalIdentifiers)
    {
        public string PrimaryName => Names.FirstOrDefault(n => n.Primary)?.Text ?? Gid;
    }

    private sealed record Address(string? City);

    private sealed record Explanation(
        string? QueryName, string? MatchedName, string? MatchedKey, string? LegalFormName, IReadOnlyList<string> Features, ScoreParts Parts);

    private sealed record ScoreParts(double Trigram, double TokenOverlap, double Phonetic, double LegalForm, double Country, double Identifier)
    {
        public IEnumerable<(string Name, double Value)> Named =>
            [("trigram", Trigram), ("token overlap", TokenOverlap), ("phonetic", Phonetic), ("legal form", LegalForm), ("country", Country), ("identifier", Identifier)];
    }

    /// <summary>What the search form asked, as it travels in the page's URL.</summary>
    private sealed record Asked(string? Text, string? Kind, string? Country, int First, string? After, int Rank)
    {
        public string Query(string? after, int rank) => QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Text,
            ["kind"] = Kind,
            ["country"] = Country,
            ["first"] = First == DefaultPageSize ? null : First.ToString(CultureInfo.InvariantCulture),
            ["after"] = after,
            ["rank"] = after is null ? null : rank.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is { Length: > 0 })).ToString();
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/search", Task<IResult> (HttpContext http, string? kind, string? country, string? first, string? after, string? rank) =>
            // An empty q is a search for the API to judge; no q at all is the empty form.
            Show(http, new Asked(
                http.Request.Query.TryGetValue("q", out var q) ? q.ToString() : null,
                Blank(kind),
                Blank(country)?.ToUpperInvariant(),
                int.TryParse(first, CultureInfo.InvariantCulture, out var size) ? size : DefaultPageSize,
                Blank(after),
                int.TryParse(rank, CultureInfo.InvariantCulture, out var from) && from > 0 ? from : 1)));

    private static async Task<IResult> Show(HttpContext http, Asked asked)
    {
        if (asked.Text is null)
        {
            return ConsolePage.For("Search", Html.Of($"""
                <h1>Search identities</h1>
                {Form(asked)}
                """));
        }

        var answer = await ConsoleApi.Send(http, Search, new { name = asked.Text, kind = asked.Kind, country = asked.Country, first = asked.First, after = asked.After });
        if (answer.Failed || answer.Read<Connection>("searchIdentities") is not { } connection)
        {
            var errors = answer.Errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
            return ConsolePage.For("Search refused", Html.Of($"""
                <h1>Search identities</h1>
                {Form(asked)}
                <div class="error" role="alert"><p>The API refused this search:</p><ul>{errors}</ul></div>
                """), StatusCodes.Status400BadRequest);
        }

        var edges = connection.Edges;
        var next = connection.PageInfo.HasNextPage
            ? Html.Of($"""<a rel="next" href="{Path}{asked.Query(connection.PageInfo.EndCursor!, asked.Rank + edges.Count)}">Next page</a>""")
            : Html.Empty;
        var firstPage = asked.After is null ? Html.Empty : Html.Of($"""<a href="{Path}{asked.Query(null, 1)}">First page</a>""");
        var results = edges.Count == 0
            ? Html.Of($"<p role=\"status\">No active identity matches <q>{asked.Text}</q>{(asked.After is null ? "" : " beyond the previous page")}.</p>")
            : Html.Of($"""
                <p role="status">Results {asked.Rank} to {asked.Rank + edges.Count - 1} for <q>{asked.Text}</q>, best first.</p>
                <ol class="hits" start="{asked.Rank}">{Grouped(edges, asked.Rank)}</ol>
                """);
        return ConsolePage.For("Search", Html.Of($"""
            <h1>Search identities</h1>
            {Form(asked)}
            <section aria-labelledby="results">
              <h2 id="results">Results</h2>
              {results}
              <nav class="pages" aria-label="Result pages">{firstPage} {next}</nav>
            </section>
            """));
    }

    private static Html Form(Asked asked)
    {
        var kinds = new[] { ("", "Any kind"), ("LEGAL_ENTITY", "Legal entity"), ("NATURAL_PERSON", "Natural person") }
            .Select(k => Html.Of($"<option value=\"{k.Item1}\"{(k.Item1 == (asked.Kind ?? "") ? new Html(" selected") : Html.Empty)}>{k.Item2}</option>"));
        var sizes = PageSizes.Select(n => Html.Of($"<option{(n == asked.First ? new Html(" selected") : Html.Empty)}>{n}</option>"));
        return Html.Of($"""
            <form method="get" action="{Path}" class="search" role="search" aria-label="Identities">
              <div class="field wide">
                <label for="q">Name, identifier or GID</label>
                <input id="q" name="q" type="search" required value="{asked.Text}" aria-describedby="q-hint" autocomplete="off" spellcheck="false">
                <p id="q-hint" class="hint">Any spelling of a name (legal form, accents, script and word order do not matter), an office's local identifier, or the start of a GID (at least 4 digits).</p>
              </div>
              <div class="field">
                <label for="kind">Kind</label>
                <select id="kind" name="kind">{kinds}</select>
              </div>
              <div class="field">
                <label for="country">Country (ISO 3166-1)</label>
                <input id="country" name="country" value="{asked.Country}" size="4" maxlength="2" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="first">Per page</label>
                <select id="first" name="first">{sizes}</select>
              </div>
              <button type="submit">Search</button>
            </form>
            """);
    }

    /// <summary>
    /// The hits in rank order, exact namesakes (one primary name) together under the best of them, so seven parties
    /// of one name read as seven parties told apart by where they are, who manages them and what they hold.
    /// </summary>
    private static IEnumerable<Html> Grouped(IReadOnlyList<Edge> edges, int firstRank)
    {
        var ranked = edges.Select((edge, i) => (Edge: edge, Rank: firstRank + i, Name: edge.Node.PrimaryName)).ToList();
        foreach (var group in ranked.GroupBy(h => h.Name.Trim().ToUpperInvariant()))
        {
            var hits = group.ToList();
            yield return hits.Count == 1
                ? Html.Of($"<li value=\"{hits[0].Rank}\">{Hit(hits[0].Edge, hits[0].Rank)}</li>")
                : Html.Of($"""
                    <li value="{hits[0].Rank}" class="namesakes">
                      <p><span dir="auto">{hits[0].Name}</span>: {hits.Count} different identities of this name, told apart by the details below</p>
                      <ol>{hits.Select(h => Html.Of($"<li value=\"{h.Rank}\">{Hit(h.Edge, h.Rank)}</li>"))}</ol>
                    </li>
                    """);
        }
    }

    /// <summary>What tells namesakes apart: where they are, who manages them, since when, and what they hold.</summary>
    private static Html ToldApart(Found node)
    {
        var registered = node.RegisteredAt is { Length: >= 10 } at ? at[..10] : null;
        return Html.Of($"""
            <ul class="told-apart">
              <li>Country <strong>{Views.Shown(node.Country)}</strong></li>
              <li>City <strong dir="auto">{node.Address?.City ?? "not shown"}</strong></li>
              <li>Managed by <strong>{Views.Shown(node.ManagingOffice)}</strong></li>
              <li>Registered <strong>{registered ?? "—"}</strong></li>
              <li>Identifiers <strong>{Views.Identifiers(node.Lei, node.Orcid, node.Isni, node.ExternalIdentifiers)}</strong></li>
            </ul>
            """);
    }

    private static Html Hit(Edge edge, int index)
    {
        var node = edge.Node;
        var gid = node.Gid;
        var names = node.Names;
        var primary = node.PrimaryName;
        var why = edge.Explanation;
        var parts = why.Parts.Named.Select(p => Html.Of($"<li>{p.Name} <span class=\"figure\">{Figure(p.Value, "0.00")}</span></li>"));
        var features = why.Features.Select(f => Html.Of($"<li><code>{f}</code></li>"));
        var legalForm = why.LegalFormName is { } form
            ? Html.Of($"<dt>Legal form</dt><dd>{form}</dd>")
            : Html.Empty;
        var matched = why.MatchedName is { } name
            ? Html.Of($"""
                <dt>Matched name</dt><dd>{name}</dd>
                <dt>Standardized</dt><dd><code>{Views.Shown(why.MatchedKey)}</code> for <code>{Views.Shown(why.QueryName)}</code></dd>
                {legalForm}
                """)
            : Html.Empty;
        return Html.Of($"""
              <article class="hit" aria-labelledby="hit-{index}">
                <h3 id="hit-{index}" dir="auto"><a href="{IdentityPage.PathOf(gid)}">{primary}</a> <code class="gid">{gid}</code></h3>
                <p class="score">Score <strong>{Figure(edge.Score, "0.000")}</strong> · {Views.Shown(node.Kind)} · {Views.Shown(node.Status)} · {names.Count} name{(names.Count == 1 ? "" : "s")}</p>
                {ToldApart(node)}
                <dl class="facts explanation">
                  {matched}
                  <dt>Features</dt><dd><ul class="inline">{features}</ul></dd>
                  <dt>Score parts</dt><dd><ul class="inline parts">{parts}</ul></dd>
                </dl>
              </article>
            """);
    }

    private static string Figure(double number, string format) => number.ToString(format, CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
