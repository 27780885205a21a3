using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GidSandbox.GraphQL;

namespace GidSandbox.ReviewConsole.AuditTrail;

/// <summary>
/// The audit trail explorer for reviewers (audit:read): auditTrail filtered by identity, office, event type and time
/// range, page by page, with links to the same slice's export (<see cref="AuditExport"/>) and to the hash chain's
/// verification (<see cref="AuditVerificationPage"/>). Whoever the API refuses the trail gets a refused page.
/// </summary>
public static class AuditTrailPage
{
    public const string Path = ConsoleRegistration.PathBase + "/audit";

    internal const int DefaultPageSize = 50;

    private static readonly int[] PageSizes = [25, 50, 100, 200];

    private static readonly JsonSerializerOptions ShownJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string EventTypes = "{ auditEventTypes }";

    private const string Trail = """
        query ($filter: AuditFilter, $first: Int!, $after: String) {
          auditTrail(filter: $filter, first: $first, after: $after) {
            edges { node { sequence streamId version type timestamp recordedAt office clientId subject termsVersion correlationId reason data } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    /// <summary>A page of the trail (<c>auditTrail</c>).</summary>
    private sealed record TrailView(IReadOnlyList<Edge> Edges, PageInfo PageInfo);

    private sealed record Edge(TrailEntry Node);

    private sealed record PageInfo(bool HasNextPage, string? EndCursor);

    /// <summary>An event of the registry-wide sequence with who made it and under which Terms; its data as recorded.</summary>
    private sealed record TrailEntry(
        long Sequence, string StreamId, long Version, string? Type, string? Timestamp, string? RecordedAt, string? Office, string? ClientId,
        string? Subject, string? TermsVersion, string? Reason, JsonNode? Data);

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/audit", Task<IResult> (HttpContext http) => Show(http, TrailFilter.Of(http.Request.Query)));

    private static async Task<IResult> Show(HttpContext http, TrailFilter filter)
    {
        var types = await ConsoleApi.Send(http, EventTypes);
        if (types.Failed)
        {
            return Refused(types.Errors[0]);
        }

        var known = types.Read<List<string>>("auditEventTypes") ?? [];
        var answer = await ConsoleApi.Send(http, Trail, filter.Variables);
        if (answer.Failed || answer.Read<TrailView>("auditTrail") is not { } trail)
        {
            var errors = answer.Errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
            return ConsolePage.For("Audit trail", Html.Of($"""
                <h1>Audit trail</h1>
                {Form(filter, known)}
                <div class="error" role="alert"><p>The API refused this filter:</p><ul>{errors}</ul></div>
                """), answer.Errors.Any(e => e.Code == ErrorCodes.Forbidden) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }

        var entries = trail.Edges.Select(e => e.Node).ToList();
        var next = trail.PageInfo.HasNextPage
            ? Html.Of($"""<a rel="next" href="{Path}{filter.Query(trail.PageInfo.EndCursor)}">Next page</a>""")
            : Html.Empty;
        var firstPage = filter.After is null ? Html.Empty : Html.Of($"""<a href="{Path}{filter.Query()}">First page</a>""");
        var table = entries.Count == 0
            ? Html.Of($"<p role=\"status\">No event matches this filter{(filter.After is null ? "" : " after the previous page")}.</p>")
            : Html.Of($"""
                <table class="audit">
                  <caption>Events {entries[0].Sequence} to {entries[^1].Sequence} of the registry-wide sequence, oldest first</caption>
                  <thead><tr><th scope="col">Sequence</th><th scope="col">Recorded (UTC)</th><th scope="col">Event</th><th scope="col">Stream</th><th scope="col">Who</th><th scope="col">Terms</th><th scope="col">Reason</th><th scope="col">Data</th></tr></thead>
                  <tbody>{entries.Select(Row)}</tbody>
                </table>
                """);
        return ConsolePage.For("Audit trail", Html.Of($"""
            <h1>Audit trail</h1>
            {Form(filter, known)}
            <section aria-labelledby="events">
              <h2 id="events">Events</h2>
              <p class="actions">Export this filter (every page):
                <a href="{AuditExport.Path}{filter.Query(format: "csv")}" download>CSV</a>
                <a href="{AuditExport.Path}{filter.Query(format: "ndjson")}" download>NDJSON</a>
                · <a href="{AuditVerificationPage.Path}">Verify the trail's integrity</a></p>
              {table}
              <nav class="pages" aria-label="Audit trail pages">{firstPage} {next}</nav>
            </section>
            """));
    }

    private static Html Form(TrailFilter filter, IReadOnlyList<string> known)
    {
        var boxes = known.Select(t => Html.Of($"""
            <label><input type="checkbox" name="eventType" value="{t}"{(filter.EventTypes.Contains(t, StringComparer.OrdinalIgnoreCase) ? new Html(" checked") : Html.Empty)}> {t}</label>
            """));
        var sizes = PageSizes.Select(n => Html.Of($"<option{(n == filter.First ? new Html(" selected") : Html.Empty)}>{n}</option>"));
        return Html.Of($"""
            <form method="get" action="{Path}" class="audit-filter" aria-label="Filter the audit trail">
              <div class="field">
                <label for="gid">Identity (GID)</label>
                <input id="gid" name="gid" value="{filter.Gid}" placeholder="GID-1234-5678-9012-3451" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="office">Office</label>
                <input id="office" name="office" value="{filter.Office}" size="6" placeholder="EP" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="clientId">Client</label>
                <input id="clientId" name="clientId" value="{filter.ClientId}" size="16" placeholder="office-ep" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="from">From (UTC, inclusive)</label>
                <input id="from" name="from" type="datetime-local" step="1" value="{filter.From}">
              </div>
              <div class="field">
                <label for="to">To (UTC, exclusive)</label>
                <input id="to" name="to" type="datetime-local" step="1" value="{filter.To}">
              </div>
              <div class="field">
                <label for="first">Per page</label>
                <select id="first" name="first">{sizes}</select>
              </div>
              <fieldset class="event-types">
                <legend>Event types (none ticked: all)</legend>
                {boxes}
              </fieldset>
              <div class="buttons">
                <button type="submit">Filter</button>
                <a href="{Path}">Clear the filter</a>
              </div>
            </form>
            """);
    }

    private static Html Row(TrailEntry e)
    {
        var stream = e.StreamId;
        var streamCell = stream.StartsWith("GID-", StringComparison.Ordinal)
            ? Html.Of($"""<a href="{IdentityPage.PathOf(stream)}"><code>{stream}</code></a>""")
            : Html.Of($"<code>{stream}</code>");
        var person = e.Subject is { } subject ? Html.Of($"<strong>{subject}</strong><br>") : Html.Empty;
        var data = e.Data?.ToJsonString(ShownJson) ?? "";
        return Html.Of($"""
            <tr>
              <td>{e.Sequence}</td>
              <td><time datetime="{Views.Shown(e.Timestamp)}">{Views.Shown(e.Timestamp)}</time>{IdentityPage.Recorded(e.Timestamp, e.RecordedAt)}</td>
              <td>{Views.Shown(e.Type)}</td>
              <td>{streamCell} v{e.Version}</td>
              <td>{person}{Views.Shown(e.Office)} · {Views.Shown(e.ClientId)}</td>
              <td>{Views.Shown(e.TermsVersion)}</td>
              <td>{e.Reason ?? ""}</td>
              <td><details><summary>Data</summary><pre>{data}</pre></details></td>
            </tr>
            """);
    }

    /// <summary>The page for someone the API refuses the audit trail to: it needs audit:read, which reviewers hold.</summary>
    internal static ConsolePage Refused(ApiError error) =>
        ConsolePage.For("Refused", Html.Of($"""
            <h1>The audit trail is for governance reviewers</h1>
            <p class="error" role="alert"><strong>{error.Code}</strong>: {error.Message}</p>
            <p>Reading, exporting and verifying the audit trail needs the <code>audit:read</code> scope, which only governance reviewers hold. <a href="{ConsoleRegistration.PathBase}/">Back to the console's home</a>.</p>
            """), error.Code == ErrorCodes.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
}
