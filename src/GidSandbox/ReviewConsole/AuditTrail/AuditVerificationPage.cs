using System.Globalization;
using GidSandbox.GraphQL;

namespace GidSandbox.ReviewConsole.AuditTrail;

/// <summary>
/// The hash chain's verification for reviewers (audit:read): verifyAuditTrail recomputed now, optionally against an
/// anchor recorded outside the registry, and the latest checkpoints to record.
/// </summary>
public static class AuditVerificationPage
{
    public const string Path = AuditTrailPage.Path + "/verification";

    private const string Verify = """
        query ($sequence: Long, $link: String) {
          verifyAuditTrail(anchorSequence: $sequence, anchorLink: $link) {
            intact eventsVerified headSequence headLink pendingEvents checkpointsVerified eventsErased tombstonesSkipped
            firstBreak { sequence streamId problem differences }
          }
          auditCheckpoints(last: 5) { sequence position link timestamp }
        }
        """;

    /// <summary>What the recomputation found (<c>verifyAuditTrail</c>).</summary>
    private sealed record Report(long EventsVerified, long? HeadSequence, string? HeadLink, long PendingEvents, int CheckpointsVerified, long EventsErased, long TombstonesSkipped, Break? FirstBreak);

    /// <summary>The first event whose link does not recompute, and how it differs.</summary>
    private sealed record Break(long Sequence, string? StreamId, string? Problem, IReadOnlyList<string> Differences);

    /// <summary>A link the chain recorded every 1,000 events (<c>auditCheckpoints</c>).</summary>
    private sealed record Checkpoint(long Sequence, long Position, string? Link, string? Timestamp);

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/audit/verification", Task<IResult> (HttpContext http, string? anchorSequence, string? anchorLink) => Verification(http, anchorSequence, anchorLink));

    private static async Task<IResult> Verification(HttpContext http, string? anchorSequence, string? anchorLink)
    {
        var sequence = TrailFilter.Blank(anchorSequence);
        var link = TrailFilter.Blank(anchorLink);
        // A sequence that is not a number goes to the API as it is, which says what is wrong with it.
        object? sequenceVariable = sequence is null ? null : long.TryParse(sequence, CultureInfo.InvariantCulture, out var number) ? number : sequence;
        var answer = await ConsoleApi.Send(http, Verify, new { sequence = sequenceVariable, link });
        if (answer.Errors.FirstOrDefault(e => e.Code == ErrorCodes.Forbidden) is { } forbidden)
        {
            return AuditTrailPage.Refused(forbidden);
        }

        var form = Html.Of($"""
            <form method="get" action="{Path}" class="anchor">
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
        if (answer.Failed || answer.Read<Report>("verifyAuditTrail") is not { } report)
        {
            var errors = answer.Errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
            return ConsolePage.For("Verification refused", Html.Of($"""
                <h1>Audit trail integrity</h1>
                <div class="error" role="alert"><p>The API refused this verification:</p><ul>{errors}</ul></div>
                {form}
                """), StatusCodes.Status400BadRequest);
        }

        var outcome = report.FirstBreak is { } broken
            ? Html.Of($"""
                <div class="error" role="alert">
                  <p><strong>Broken</strong> at event {broken.Sequence}{(broken.StreamId is { } s ? $" of stream {s}" : "")}: <code>{Views.Shown(broken.Problem)}</code></p>
                  <ul>{broken.Differences.Select(d => Html.Of($"<li>{d}</li>"))}</ul>
                  <p>{report.EventsVerified} events verified before the break; the last good link is <code>{Views.Shown(report.HeadLink)}</code>.</p>
                </div>
                """)
            : Html.Of($"""
                <p class="ok" role="status"><strong>Intact</strong>: {report.EventsVerified} events and {report.CheckpointsVerified} checkpoints recompute{(link is null ? "" : ", and the anchor holds")}.</p>
                """);
        var checkpoints = (answer.Read<List<Checkpoint>>("auditCheckpoints") ?? [])
            .Select(c => Html.Of($"<tr><td>{c.Sequence}</td><td>{c.Position}</td><td><code>{Views.Shown(c.Link)}</code></td><td>{Views.Shown(c.Timestamp)}</td></tr>"))
            .ToList();
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
              <dt>Head event</dt><dd>{(report.HeadSequence is { } head ? head.ToString(CultureInfo.InvariantCulture) : "—")}</dd>
              <dt>Head link</dt><dd><code>{Views.Shown(report.HeadLink)}</code></dd>
              <dt>Not chained yet</dt><dd>{report.PendingEvents} events (the chain follows within seconds)</dd>
              <dt>Erased</dt><dd>{report.EventsErased} of the events verified (masked under a recorded erasure decision, verified as that decision says)</dd>
              <dt>Tombstones passed over</dt><dd>{report.TombstonesSkipped} (Marten's placeholders for appends that failed half way; never chained)</dd>
            </dl>
            <section aria-labelledby="anchor">
              <h2 id="anchor">Check against a link recorded outside the registry</h2>
              {form}
            </section>
            <section aria-labelledby="checkpoints">
              <h2 id="checkpoints">Checkpoints</h2>
              {checkpointTable}
            </section>
            <p><a href="{AuditTrailPage.Path}">Back to the audit trail</a></p>
            """));
    }
}
