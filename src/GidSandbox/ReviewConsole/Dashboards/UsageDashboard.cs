namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>Requests, writes and refusals by code per office per day, from usageReport; one office or all.</summary>
public static class UsageDashboard
{
    public const string Path = Dashboards.Path + "/usage";

    /// <summary>Stacks show this many offices or codes by size; the rest add up under "Other".</summary>
    private const int LargestShown = 7;

    private const string Query = """
        query ($from: LocalDate!, $to: LocalDate!, $office: String) {
          termsAcceptanceReport { office role }
          usageReport(from: $from, to: $to, office: $office) { office day requests writes refusals { code count } } }
        """;

    /// <summary>An office's Geneva day (<c>usageReport</c>).</summary>
    private sealed record Row(string Office, string Day, long Requests, long Writes, IReadOnlyList<Refusals> Refusals);

    /// <summary>The requests refused with one <c>extensions.code</c>.</summary>
    private sealed record Refusals(string Code, long Count);

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/dashboards/usage", async (HttpContext http, string? from, string? to, string? office) =>
        {
            var range = Dashboards.Range(http, from, to);
            office = string.IsNullOrWhiteSpace(office) ? null : office.Trim().ToUpperInvariant();
            if (await Dashboards.Refused(http) is { } refused)
            {
                return refused;
            }

            var answer = await ConsoleApi.Send(http, Query, new { from = range.From, to = range.To, office });

            var days = answer.Failed ? [] : Dashboards.Days(range.From, range.To);
            var rows = Dashboards.Rows<Row>(answer, "usageReport");
            var offices = rows.Select(r => r.Office).Distinct().Order(StringComparer.Ordinal).ToList();
            Series PerOffice(string o, Func<Row, long> value) => new(o, [.. days.Select(d => rows.Where(r => r.Office == o && r.Day == d).Sum(value))]);
            var codes = rows.SelectMany(r => r.Refusals).Select(c => c.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            long RefusedWith(string code, string day) => rows.Where(r => r.Day == day).SelectMany(r => r.Refusals).Where(c => c.Code == code).Sum(c => c.Count);
            var who = office is null ? "all offices" : office;

            var requests = new BarChart("usage-requests", $"Requests per day, {who}", "Requests to /graphql and /audit per Geneva day, stacked by office.",
                "requests", "Day", days, BarChart.Largest(offices.Select(o => PerOffice(o, r => r.Requests)), LargestShown))
            { AxisLabel = Dashboards.ShortDay };
            var writes = new BarChart("usage-writes", $"Writes per day, {who}", "Events recorded for each office's clients per Geneva day, stacked by office.",
                "writes", "Day", days, BarChart.Largest(offices.Select(o => PerOffice(o, r => r.Writes)), LargestShown))
            { AxisLabel = Dashboards.ShortDay };
            var refusals = new BarChart("usage-refusals", $"Refusals per day by code, {who}", "Requests the API refused, per Geneva day, stacked by extensions.code.",
                "refusals", "Day", days, BarChart.Largest(codes.Select(c => new Series(c, [.. days.Select(d => RefusedWith(c, d))])), LargestShown))
            { AxisLabel = Dashboards.ShortDay };

            var known = Dashboards.Rows<Participant>(answer, "termsAcceptanceReport").Select(p => p.Office).Distinct();
            var officeField = Html.Of($"""
                <label for="office">Office</label>
                <input id="office" name="office" list="offices" value="{office}" size="8" placeholder="all" autocomplete="off">
                <datalist id="offices">{known.Select(o => Html.Of($"<option value=\"{o}\"></option>"))}</datalist>
                """);
            return ConsolePage.For("Usage", Html.Of($"""
                <h1>Usage per office per day</h1>
                {Dashboards.BackLink()}
                {Dashboards.RangeForm(Path, range.From, range.To, officeField)}
                {Dashboards.Problems(answer)}
                {requests.Render()}
                {writes.Render()}
                {refusals.Render()}
                """), Dashboards.Status(answer));
        });
}
