namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>Registrations and merges over time and per office, from registrationsReport.</summary>
public static class RegistrationsDashboard
{
    public const string Path = Dashboards.Path + "/registrations";

    private const string Query = """
        query ($from: LocalDate!, $to: LocalDate!) {
          registrationsReport(from: $from, to: $to) { day office registrations merges } }
        """;

    /// <summary>An office's Geneva day (<c>registrationsReport</c>).</summary>
    private sealed record Row(string Day, string Office, long Registrations, long Merges);

    /// <summary>The two series of both charts, side by side.</summary>
    private static readonly (string Name, Func<Row, long> Count)[] Counted = [("Registrations", r => r.Registrations), ("Merges", r => r.Merges)];

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/dashboards/registrations", async (HttpContext http, string? from, string? to) =>
        {
            var range = Dashboards.Range(http, from, to);
            if (await Dashboards.Refused(http) is { } refused)
            {
                return refused;
            }

            var answer = await ConsoleApi.Send(http, Query, new { from = range.From, to = range.To });

            var days = answer.Failed ? [] : Dashboards.Days(range.From, range.To);
            var rows = Dashboards.Rows<Row>(answer, "registrationsReport");
            var offices = rows.Select(r => r.Office).Distinct().Order(StringComparer.Ordinal).ToList();

            var overTime = new BarChart("registrations-per-day", "Registrations and merges per day",
                "Identities registered and identities merged into another, per Geneva day, all offices.", "identities", "Day", days,
                [.. Counted.Select(s => new Series(s.Name, [.. days.Select(d => rows.Where(r => r.Day == d).Sum(s.Count))]))],
                Stacked: false)
            { AxisLabel = Dashboards.ShortDay };
            var perOffice = new BarChart("registrations-per-office", "Registrations and merges per office",
                $"Identities registered and merged by each office from {range.From} to {range.To}.", "identities", "Office",
                [.. offices.Select(o => o.Length == 0 ? "(none)" : o)],
                [.. Counted.Select(s => new Series(s.Name, [.. offices.Select(o => rows.Where(r => r.Office == o).Sum(s.Count))]))],
                Stacked: false);
            return ConsolePage.For("Registrations and merges", Html.Of($"""
                <h1>Registrations and merges</h1>
                {Dashboards.BackLink()}
                {Dashboards.RangeForm(Path, range.From, range.To, Html.Empty)}
                {Dashboards.Problems(answer)}
                {overTime.Render()}
                {perOffice.Render()}
                """), Dashboards.Status(answer));
        });
}
