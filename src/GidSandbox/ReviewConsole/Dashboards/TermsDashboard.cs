namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>Terms of Use acceptance per office and version, from termsAcceptanceReport.</summary>
public static class TermsDashboard
{
    public const string Path = Dashboards.Path + "/terms";

    private const string Query = """
        {
          termsOfUse { version }
          termsAcceptanceReport { office role version firstAcceptedAt acceptedBy inForce suspended } }
        """;

    /// <summary>A participant's acceptance of one version, or of none (<c>termsAcceptanceReport</c>).</summary>
    private sealed record Row(string Office, string? Role, string? Version, string? FirstAcceptedAt, string? AcceptedBy, bool InForce, bool Suspended);

    private sealed record InForce(string? Version);

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/dashboards/terms", async (HttpContext http) =>
        {
            if (await Dashboards.Refused(http) is { } refused)
            {
                return refused;
            }

            var answer = await ConsoleApi.Send(http, Query);

            var rows = Dashboards.Rows<Row>(answer, "termsAcceptanceReport");
            var inForce = answer.Read<InForce>("termsOfUse")?.Version;
            var versions = rows.Select(r => r.Version).OfType<string>().Append(inForce).OfType<string>()
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var participants = rows.GroupBy(r => r.Office).ToList();
            var roles = participants.Select(p => Role(p.First())).Distinct().Order(StringComparer.Ordinal).ToList();
            var categories = versions.Select(v => v == inForce ? $"{v} (in force)" : v).Append("None").ToList();
            var chart = new BarChart(
                "terms-versions",
                "Participants per accepted Terms version",
                "How many participants accepted each version of the Terms of Use, by role; a participant that accepted several versions counts under each.",
                "participants",
                "Version",
                categories,
                [.. roles.Select(role => new Series(role, [.. versions.Select(v => (long)participants.Count(p => Role(p.First()) == role && p.Any(r => r.Version == v))),
                    participants.Count(p => Role(p.First()) == role && p.All(r => r.Version is null))]))]);
            var head = versions.Select(v => Html.Of($"<th scope=\"col\">Version {v}{(v == inForce ? " (in force)" : "")}</th>"));
            var body = participants.Select(p => Html.Of($"""
                <tr>
                  <th scope="row">{p.Key}</th>
                  <td>{Role(p.First())}</td>
                  {versions.Select(v => Accepted(p.FirstOrDefault(r => r.Version == v)))}
                  <td>{(p.Any(r => r.InForce) ? Html.Of($"yes") : Html.Of($"<strong>no</strong>"))}</td>
                  <td>{(p.First().Suspended ? Html.Of($"<strong>suspended</strong>") : Html.Of($"no"))}</td>
                </tr>
                """));
            return ConsolePage.For("Terms of Use acceptance", Html.Of($"""
                <h1>Terms of Use acceptance</h1>
                {Dashboards.BackLink()}
                {Dashboards.Problems(answer)}
                {chart.Render()}
                <section aria-labelledby="per-office">
                  <h2 id="per-office">Per office and version</h2>
                  <table>
                    <caption>When each participant first accepted each version, and by which client</caption>
                    <thead><tr><th scope="col">Office</th><th scope="col">Role</th>{head}<th scope="col">Accepted the version in force</th><th scope="col">Suspended</th></tr></thead>
                    <tbody>{body}</tbody>
                  </table>
                </section>
                """), Dashboards.Status(answer));
        });

    private static string Role(Row row) => Views.Shown(row.Role);

    private static Html Accepted(Row? row) => row is null
        ? Html.Of($"<td>—</td>")
        : Html.Of($"""<td><time datetime="{Views.Shown(row.FirstAcceptedAt)}">{Views.Shown(row.FirstAcceptedAt)}</time> by {Views.Shown(row.AcceptedBy)}</td>""");
}
