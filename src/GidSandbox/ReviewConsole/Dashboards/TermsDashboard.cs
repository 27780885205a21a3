using System.Text.Json.Nodes;

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

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/dashboards/terms", async (HttpContext http) =>
        {
            if (await Dashboards.Refused(http) is { } refused)
            {
                return refused;
            }

            var answer = await ConsoleApi.Send(http, Query);

            var rows = Dashboards.Rows(answer, "termsAcceptanceReport").ToList();
            var inForce = answer.Data["termsOfUse"]?["version"]?.GetValue<string>();
            var versions = rows.Select(r => r["version"]?.GetValue<string>()).OfType<string>().Append(inForce).OfType<string>()
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var participants = rows.GroupBy(r => r["office"]!.GetValue<string>()).ToList();
            var roles = participants.Select(p => Role(p.First())).Distinct().Order(StringComparer.Ordinal).ToList();
            var categories = versions.Select(v => v == inForce ? $"{v} (in force)" : v).Append("None").ToList();
            var chart = new BarChart(
                "terms-versions",
                "Participants per accepted Terms version",
                "How many participants accepted each version of the Terms of Use, by role; a participant that accepted several versions counts under each.",
                "participants",
                "Version",
                categories,
                [.. roles.Select(role => new Series(role, [.. versions.Select(v => (long)participants.Count(p => Role(p.First()) == role && p.Any(r => r["version"]?.GetValue<string>() == v))),
                    participants.Count(p => Role(p.First()) == role && p.All(r => r["version"] is null))]))]);
            var head = versions.Select(v => Html.Of($"<th scope=\"col\">Version {v}{(v == inForce ? " (in force)" : "")}</th>"));
            var body = participants.Select(p => Html.Of($"""
                <tr>
                  <th scope="row">{p.Key}</th>
                  <td>{Role(p.First())}</td>
                  {versions.Select(v => Accepted(p.FirstOrDefault(r => r["version"]?.GetValue<string>() == v)))}
                  <td>{(p.Any(r => r["inForce"]?.GetValue<bool>() == true) ? Html.Of($"yes") : Html.Of($"<strong>no</strong>"))}</td>
                  <td>{(p.First()["suspended"]?.GetValue<bool>() == true ? Html.Of($"<strong>suspended</strong>") : Html.Of($"no"))}</td>
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

    private static string Role(JsonObject row) => row["role"]?.GetValue<string>() ?? "—";

    private static Html Accepted(JsonObject? row) => row is null
        ? Html.Of($"<td>—</td>")
        : Html.Of($"""<td><time datetime="{HomePage.Text(row, "firstAcceptedAt")}">{HomePage.Text(row, "firstAcceptedAt")}</time> by {HomePage.Text(row, "acceptedBy")}</td>""");
}
