using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GidSandbox.GraphQL;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// The audit trail explorer for reviewers (audit:read): auditTrail filtered by identity, office,
/// event type and time range, page by page; the same slice exported as CSV or NDJSON through the
/// API's export with the reviewer's token; and the hash chain's verification. Whoever the API
/// refuses the trail gets a refused page.
/// </summary>
public static partial class AuditPage
{
    public const string Path = ConsoleRegistration.PathBase + "/audit";
    public const string ExportPath = Path + "/export";
    public const string VerificationPath = Path + "/verification";

    private const int DefaultPageSize = 50;

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

    private const string Verify = """
        query ($sequence: Long, $link: String) {
          verifyAuditTrail(anchorSequence: $sequence, anchorLink: $link) {
            intact eventsVerified headSequence headLink pendingEvents checkpointsVerified
            firstBreak { sequence streamId problem differences }
          }
          auditCheckpoints(last: 5) { sequence position link timestamp }
        }
        """;

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/audit", Task<IResult> (HttpContext http) => Show(http, Criteria.Of(http.Request.Query)));
        console.MapGet("/audit/export", Task<IResult> (HttpContext http) => Export(http, Criteria.Of(http.Request.Query), http.Request.Query["format"].ToString()))
            .DisableRequestTimeout(); // streams the whole trail, however long that takes
        console.MapGet("/audit/verification", Task<IResult> (HttpContext http, string? anchorSequence, string? anchorLink) => Verification(http, anchorSequence, anchorLink));
    }

    /// <summary>The filter as the form sends it: times as the browser's datetime-local values, read as UTC.</summary>
    private sealed record Criteria(string? Gid, string? Office, string? ClientId, IReadOnlyList<string> EventTypes, string? From, string? To, int First, string? After)
    {
        public static Criteria Of(IQueryCollection query) => new(
            Blank(query["gid"]),
            Blank(query["office"])?.ToUpperInvariant(),
            Blank(query["clientId"]),
            [.. query["eventType"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())],
            Blank(query["from"]),
            Blank(query["to"]),
            int.TryParse(query["first"].ToString(), CultureInfo.InvariantCulture, out var first) ? first : DefaultPageSize,
            Blank(query["after"]));

        public object Variables => new
        {
            filter = new { gid = Gid, office = Office, clientId = ClientId, eventTypes = EventTypes.Count > 0 ? EventTypes : null, from = Instant(From), to = Instant(To) },
            first = First,
            after = After,
        };

        /// <summary>This filter in a console URL (the page, another page of it, or its export).</summary>
        public string Query(string? after = null, string? format = null, bool asInstants = false) => QueryString.Create(
            new (string, string?)[]
            {
                ("format", format),
                ("gid", Gid),
                ("office", Office),
                ("clientId", ClientId),
                ("from", asInstants ? Instant(From) : From),
                ("to", asInstants ? Instant(To) : To),
                ("first", format is null && First != DefaultPageSize ? First.ToString(CultureInfo.InvariantCulture) : null),
                ("after", after),
            }
            .Concat(EventTypes.Select(t => ("eventType", (string?)t)))
            .Where(p => p.Item2 is { Length: > 0 })
            .Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).ToString();
    }

    private static async Task<IResult> Show(HttpContext http, Criteria criteria)
    {
        var types = await ConsoleApi.Send(http, EventTypes);
        if (types.Failed)
        {
            return Refused(types.Errors[0]);
        }

        var known = types.Data["auditEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        var answer = await ConsoleApi.Send(http, Trail, criteria.Variables);
        if (answer.Failed || answer.Data["auditTrail"] is not JsonObject trail)
        {
            var errors = answer.Errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
            return ConsolePage.For("Audit trail", Html.Of($"""
                <h1>Audit trail</h1>
                {Form(criteria, known)}
                <div class="error" role="alert"><p>The API refused this filter:</p><ul>{errors}</ul></div>
                """), answer.Errors.Any(e => e.Code == ErrorCodes.Forbidden) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }

        var entries = trail["edges"]!.AsArray().Select(e => e!["node"]!.AsObject()).ToList();
        var pageInfo = trail["pageInfo"]!;
        var next = pageInfo["hasNextPage"]!.GetValue<bool>()
            ? Html.Of($"""<a rel="next" href="{Path}{criteria.Query(pageInfo["endCursor"]!.GetValue<string>())}">Next page</a>""")
            : Html.Empty;
        var firstPage = criteria.After is null ? Html.Empty : Html.Of($"""<a href="{Path}{criteria.Query()}">First page</a>""");
        var table = entries.Count == 0
            ? Html.Of($"<p role=\"status\">No event matches this filter{(criteria.After is null ? "" : " after the previous page")}.</p>")
            : Html.Of($"""
                <table class="audit">
                  <caption>Events {HomePage.Text(entries[0], "sequence")} to {HomePage.Text(entries[^1], "sequence")} of the registry-wide sequence, oldest first</caption>
                  <thead><tr><th scope="col">Sequence</th><th scope="col">Recorded (UTC)</th><th scope="col">Event</th><th scope="col">Stream</th><th scope="col">Who</th><th scope="col">Terms</th><th scope="col">Reason</th><th scope="col">Data</th></tr></thead>
                  <tbody>{entries.Select(Row)}</tbody>
                </table>
                """);
        return ConsolePage.For("Audit trail", Html.Of($"""
            <h1>Audit trail</h1>
            {Form(criteria, known)}
            <section aria-labelledby="events">
              <h2 id="events">Events</h2>
              <p class="actions">Export this filter (every page):
                <a href="{ExportPath}{criteria.Query(format: "csv")}" download>CSV</a>
                <a href="{ExportPath}{criteria.Query(format: "ndjson")}" download>NDJSON</a>
                · <a href="{VerificationPath}">Verify the trail's integrity</a></p>
              {table}
              <nav class="pages" aria-label="Audit trail pages">{firstPage} {next}</nav>
            </section>
            """));
    }

    private static Html Form(Criteria criteria, IReadOnlyList<string> known)
    {
        var boxes = known.Select(t => Html.Of($"""
            <label><input type="checkbox" name="eventType" value="{t}"{(criteria.EventTypes.Contains(t, StringComparer.OrdinalIgnoreCase) ? new Html(" checked") : Html.Empty)}> {t}</label>
            """));
        var sizes = PageSizes.Select(n => Html.Of($"<option{(n == criteria.First ? new Html(" selected") : Html.Empty)}>{n}</option>"));
        return Html.Of($"""
            <form method="get" action="{Path}" class="audit-filter" aria-label="Filter the audit trail">
              <div class="field">
                <label for="gid">Identity (GID)</label>
                <input id="gid" name="gid" value="{criteria.Gid}" placeholder="GID-1234-5678-9012-3451" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="office">Office</label>
                <input id="office" name="office" value="{criteria.Office}" size="6" placeholder="EP" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="clientId">Client</label>
                <input id="clientId" name="clientId" value="{criteria.ClientId}" size="16" placeholder="office-ep" autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="from">From (UTC, inclusive)</label>
                <input id="from" name="from" type="datetime-local" step="1" value="{criteria.From}">
              </div>
              <div class="field">
                <label for="to">To (UTC, exclusive)</label>
                <input id="to" name="to" type="datetime-local" step="1" value="{criteria.To}">
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

    private static Html Row(JsonObject e)
    {
        var stream = e["streamId"]!.GetValue<string>();
        var streamCell = stream.StartsWith("GID-", StringComparison.Ordinal)
            ? Html.Of($"""<a href="{IdentityPage.PathOf(stream)}"><code>{stream}</code></a>""")
            : Html.Of($"<code>{stream}</code>");
        var person = e["subject"] is { } subject ? Html.Of($"<strong>{subject.GetValue<string>()}</strong><br>") : Html.Empty;
        var data = e["data"]?.ToJsonString(ShownJson) ?? "";
        return Html.Of($"""
            <tr>
              <td>{HomePage.Text(e, "sequence")}</td>
              <td><time datetime="{HomePage.Text(e, "timestamp")}">{HomePage.Text(e, "timestamp")}</time>{IdentityPage.Recorded(e, "timestamp")}</td>
              <td>{HomePage.Text(e, "type")}</td>
              <td>{streamCell} v{HomePage.Text(e, "version")}</td>
              <td>{person}{HomePage.Text(e, "office")} · {HomePage.Text(e, "clientId")}</td>
              <td>{HomePage.Text(e, "termsVersion")}</td>
              <td>{(e["reason"] is { } reason ? reason.GetValue<string>() : "")}</td>
              <td><details><summary>Data</summary><pre>{data}</pre></details></td>
            </tr>
            """);
    }

    /// <summary>Streams the API's export of this filter to the browser as a download, fetched with the reviewer's token.</summary>
    private static async Task<IResult> Export(HttpContext http, Criteria criteria, string format)
    {
        var response = await ConsoleApi.Get(http, "audit/export" + criteria.Query(format: format, asInstants: true));
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var errors = await ConsoleApi.Errors(response, http.RequestAborted);
                if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
                {
                    return Refused(errors[0]);
                }

                var listed = errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
                return ConsolePage.For("Export refused", Html.Of($"""
                    <h1>Export refused</h1>
                    <div class="error" role="alert"><p>The API refused this export:</p><ul>{listed}</ul></div>
                    <p><a href="{Path}{criteria.Query()}">Back to the audit trail</a></p>
                    """), (int)response.StatusCode);
            }
        }

        http.Response.RegisterForDispose(response);
        http.Response.Headers.CacheControl = "no-store";
        var body = await response.Content.ReadAsStreamAsync(http.RequestAborted);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "audit-trail";
        return Results.Stream(body, response.Content.Headers.ContentType?.ToString(), fileName);
    }

    private static async Task<IResult> Verification(HttpContext http, string? anchorSequence, string? anchorLink)
    {
        var sequence = Blank(anchorSequence);
        var link = Blank(anchorLink);
        // A sequence that is not a number goes to the API as it is, which says what is wrong with it.
        object? sequenceVariable = sequence is null ? null : long.TryParse(sequence, CultureInfo.InvariantCulture, out var number) ? number : sequence;
        var answer = await ConsoleApi.Send(http, Verify, new { sequence = sequenceVariable, link });
        if (answer.Errors.FirstOrDefault(e => e.Code == ErrorCodes.Forbidden) is { } forbidden)
        {
            return Refused(forbidden);
        }

        var form = Html.Of($"""
            <form method="get" action="{VerificationPath}" class="anchor">
              <div class="field">
                <label for="anchor-sequence">Anchor: event sequence</label>
                <input id="anchor-sequence" name="anchorSequence" inputmode="numeric" value="{sequence}" size="10" autocomplete="off">
              </div>
              <div class="field wide">
                <label for="anchor-link">Anchor: link recorded for it (64 hex digits)</label>
                <input id="anchor-link" name="anchorLink" value="{link}" size="66" autocomplete="off" spellcheck="false">
              </div>
              <button type="submit">Verify again</button>
            </form>
            """);
        if (answer.Failed || answer.Data["verifyAuditTrail"] is not JsonObject report)
        {
            var errors = answer.Errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
            return ConsolePage.For("Verification refused", Html.Of($"""
                <h1>Audit trail integrity</h1>
                <div class="error" role="alert"><p>The API refused this verification:</p><ul>{errors}</ul></div>
                {form}
                """), StatusCodes.Status400BadRequest);
        }

        var outcome = report["firstBreak"] is JsonObject broken
            ? Html.Of($"""
                <div class="error" role="alert">
                  <p><strong>Broken</strong> at event {HomePage.Text(broken, "sequence")}{(broken["streamId"] is { } s ? $" of stream {s.GetValue<string>()}" : "")}: <code>{HomePage.Text(broken, "problem")}</code></p>
                  <ul>{broken["differences"]!.AsArray().Select(d => Html.Of($"<li>{d!.GetValue<string>()}</li>"))}</ul>
                  <p>{HomePage.Text(report, "eventsVerified")} events verified before the break; the last good link is <code>{HomePage.Text(report, "headLink")}</code>.</p>
                </div>
                """)
            : Html.Of($"""
                <p class="ok" role="status"><strong>Intact</strong>: {HomePage.Text(report, "eventsVerified")} events and {HomePage.Text(report, "checkpointsVerified")} checkpoints recompute{(link is null ? "" : ", and the anchor holds")}.</p>
                """);
        var checkpoints = answer.Data["auditCheckpoints"]?.AsArray().OfType<JsonObject>()
            .Select(c => Html.Of($"<tr><td>{HomePage.Text(c, "sequence")}</td><td>{HomePage.Text(c, "position")}</td><td><code>{HomePage.Text(c, "link")}</code></td><td>{HomePage.Text(c, "timestamp")}</td></tr>"))
            .ToList() ?? [];
        var checkpointTable = checkpoints.Count == 0
            ? Html.Of($"<p>No checkpoint yet: the chain records one every 1,000 events.</p>")
            : Html.Of($"""
                <table>
                  <caption>The latest checkpoints, newest first: record these links outside the registry</caption>
                  <thead><tr><th scope="col">Event</th><th scope="col">Events chained</th><th scope="col">Link</th><th scope="col">Recorded (UTC)</th></tr></thead>
                  <tbody>{checkpoints}</tbody>
                </table>
                """);
        return ConsolePage.For("Audit trail integrity", Html.Of($"""
            <h1>Audit trail integrity</h1>
            <p>The hash chain over the registry-wide event sequence, recomputed now by <code>verifyAuditTrail</code> (governance/audit-verification.md).</p>
            {outcome}
            <dl class="facts">
              <dt>Head event</dt><dd>{HomePage.Text(report, "headSequence")}</dd>
              <dt>Head link</dt><dd><code>{HomePage.Text(report, "headLink")}</code></dd>
              <dt>Not chained yet</dt><dd>{HomePage.Text(report, "pendingEvents")} events (the chain follows within seconds)</dd>
            </dl>
            <section aria-labelledby="anchor">
              <h2 id="anchor">Check against a link recorded outside the registry</h2>
              {form}
            </section>
            <section aria-labelledby="checkpoints">
              <h2 id="checkpoints">Checkpoints</h2>
              {checkpointTable}
            </section>
            <p><a href="{Path}">Back to the audit trail</a></p>
            """));
    }

    /// <summary>The page for someone the API refuses the audit trail to: it needs audit:read, which reviewers hold.</summary>
    private static ConsolePage Refused(ApiError error) =>
        ConsolePage.For("Refused", Html.Of($"""
            <h1>The audit trail is for governance reviewers</h1>
            <p class="error" role="alert"><strong>{error.Code}</strong>: {error.Message}</p>
            <p>Reading, exporting and verifying the audit trail needs the <code>audit:read</code> scope, which only governance reviewers hold. <a href="{ConsoleRegistration.PathBase}/">Back to the console's home</a>.</p>
            """), error.Code == ErrorCodes.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);

    /// <summary>A datetime-local value (no zone) read as UTC; anything else goes to the API as it is, which judges it.</summary>
    private static string? Instant(string? local) =>
        local is null ? null
            : LocalMinutes().IsMatch(local) ? local + ":00Z"
            : LocalSeconds().IsMatch(local) ? local + "Z"
            : local;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalMinutes();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSeconds();
}
