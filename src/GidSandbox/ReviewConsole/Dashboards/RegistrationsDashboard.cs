namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>Registrations and merges over time and per office, from registrationsReport.</summary>
public static class RegistrationsDashboard
{
    public const string Path = Dashboards.Path + "/registrations";

    private const string Query = """
        query ($from: LocalDate!, $to: LocalDate!) {
          registrationsReport(from: $from, to: $to) { day office registrations merges } }
        """;

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
            var rows = Dashboards.Rows(answer, "registrationsReport").ToList();
            var offices = rows.Select(r => r["office"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
            long Sum(string field, Func<string, bool> day, Func<string, bool> office) =>
                rows.Where(r => day(r["day"]!.GetValue<string>()) && office(r["office"]!.GetValue<string>())).Sum(r => r[field]!.GetValue<long>());

            var overTime = new BarChart("registrations-per-day", "Registrations and merges per day",
                "Identities registered and identities merged into another, per Geneva day, all offices.", "identities", "Day", days,
                [.. new[] { ("Registrations", "registrations"), ("Merges", "merges") }.Select(s => new Series(s.Item1, [.. days.Select(d => Sum(s.Item2, day => day == d, _ => true))]))],
                Stacked: false)
            { AxisLabel = Dashboards.ShortDay };
            var perOffice = new BarChart("registrations-per-office", "Registrations and merges per office",
                $"Identities registered and merged by each office from {range.From} to {range.To}.", "identities", "Office",
                [.. offices.Select(o => o.Length == 0 ? "(none)" : o)],
                [.. new[] { ("Registrations", "registrations"), ("Merges", "merges") }.Select(s => new Series(s.Item1, [.. offices.Select(o => Sum(s.Item2, _ => true, office => office == o))]))],
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
