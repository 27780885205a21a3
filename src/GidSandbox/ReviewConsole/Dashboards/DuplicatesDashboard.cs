using GidSandbox.Standards;

namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>
/// Duplicate candidate pairs outstanding per country and kind, from duplicateCandidatesReport; by
/// default for the countries of the participating national offices.
/// </summary>
public static class DuplicatesDashboard
{
    public const string Path = Dashboards.Path + "/duplicates";

    private const string Participants = "{ termsAcceptanceReport { office role } }";

    private const string Query = """
        query ($countries: [CountryCode!]!) { duplicateCandidatesReport(countries: $countries) { country kind outstanding complete } }
        """;

    /// <summary>A country's pairs of one kind (<c>duplicateCandidatesReport</c>).</summary>
    private sealed record Row(string Country, string Kind, long Outstanding, bool Complete);

    private static readonly char[] Separators = [' ', ',', ';'];

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/dashboards/duplicates", async (HttpContext http, string? countries) =>
        {
            if (await Dashboards.Refused(http) is { } refused)
            {
                return refused;
            }

            var participants = await ConsoleApi.Send(http, Participants);
            var asked = string.IsNullOrWhiteSpace(countries)
                ? [.. Dashboards.Rows<Participant>(participants, "termsAcceptanceReport")
                    .Where(p => p.Role == "OFFICE")
                    .Select(p => p.Office)
                    .Where(CountryCodes.All.Contains)
                    .Distinct()
                    .Order(StringComparer.Ordinal)]
                : countries.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var answer = await ConsoleApi.Send(http, Query, new { countries = asked });
            var rows = Dashboards.Rows<Row>(answer, "duplicateCandidatesReport");
            var shown = rows.Select(r => r.Country).Distinct().ToList();
            var kinds = rows.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
            var incomplete = rows.Where(r => !r.Complete).Select(r => r.Country).Distinct().ToList();
            var chart = new BarChart("duplicates", "Duplicate candidate pairs outstanding",
                "Pairs of active identities of one country and kind that look alike and are not merged, stacked by kind.",
                "pairs", "Country", shown,
                [.. kinds.Select(k => new Series(Kind(k), [.. shown.Select(c => rows.Where(r => r.Country == c && r.Kind == k).Sum(r => r.Outstanding))]))]);
            var note = incomplete.Count == 0
                ? Html.Empty
                : Html.Of($"""<p class="notice" role="status">For {string.Join(", ", incomplete)} the report reached its limit of pairs scored: the counts there are at least what is shown.</p>""");
            return ConsolePage.For("Duplicate candidates", Html.Of($"""
                <h1>Duplicate candidates outstanding</h1>
                {Dashboards.BackLink()}
                <form method="get" action="{Path}" class="range">
                  <label for="countries">Countries (ISO 3166-1, up to 10)</label>
                  <input id="countries" name="countries" value="{string.Join(' ', asked)}" size="34" spellcheck="false" autocomplete="off">
                  <button type="submit">Show</button>
                </form>
                {Dashboards.Problems(answer)}
                {note}
                {chart.Render()}
                <p>Each pair is listed by <code>duplicateCandidates(country, kind)</code>; review and merge them in <a href="{GraphiQLPage.Path}">GraphiQL</a>.</p>
                """), Dashboards.Status(answer));
        });

    private static string Kind(string kind) => kind switch
    {
        "LEGAL_ENTITY" => "Legal entities",
        "NATURAL_PERSON" => "Natural persons",
        _ => kind,
    };
}
