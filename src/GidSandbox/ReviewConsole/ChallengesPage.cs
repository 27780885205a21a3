using Microsoft.AspNetCore.Antiforgery;
using NodaTime;
using NodaTime.Text;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// The challenge inbox of a managing office: the open challenges of the identities it manages
/// (challengeInbox), due first, each answered here (resolveChallenge) with an outcome and a reason.
/// The challenges of one identity, and raising one, are on its identity page.
/// </summary>
public static class ChallengesPage
{
    public const string Path = ConsoleRegistration.PathBase + "/challenges";

    private const string Inbox = """
        query {
          me { office role }
          challengeInbox { id gid kind reason raisedBy raisedOn dueBy }
        }
        """;

    private const string Names = "query ($gids: [Gid!]!) { identities(gids: $gids) { gid primaryName { text } } }";

    private const string Resolve = """
        mutation ($id: ID!, $outcome: ChallengeOutcome!, $reason: String!) { resolveChallenge(challengeId: $id, outcome: $outcome, reason: $reason) { id status } }
        """;

    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
    [
        ("WRONG_NAME", "A name is wrong"),
        ("WRONG_IDENTIFIER", "An identifier is wrong"),
        ("WRONG_RELATION", "The parent or a subsidiary is wrong"),
        ("SUSPECTED_DUPLICATE", "It is a duplicate of another identity"),
    ];

    private static readonly (string Value, string Label)[] Outcomes =
    [
        ("ACCEPTED_WITH_CORRECTION", "Accepted: corrected"),
        ("ACCEPTED_WITH_MERGE", "Accepted: merged"),
        ("REJECTED", "Rejected: the data is right"),
    ];

    public static string KindLabel(string kind) => Kinds.FirstOrDefault(k => k.Value == kind).Label ?? kind;

    private sealed record Inboxed(string Id, string Gid, string? Kind, string? Reason, string? RaisedBy, string? RaisedOn, string? DueBy);

    private sealed record Named(string Gid, NameView? PrimaryName);

    private sealed record Problem(string ChallengeId, ApiError Error, string Outcome, string Reason);

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/challenges", (HttpContext http, string? done) => Show(http, done is not null, null));

        console.MapPost("/challenges/{id}/resolve", async (HttpContext http, IAntiforgery antiforgery, string id) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; reload the inbox and try again.");
            }

            var form = await http.Request.ReadFormAsync();
            var (outcome, reason) = (form["outcome"].ToString(), form["reason"].ToString());
            var answer = await ConsoleApi.Send(http, Resolve, new { id, outcome, reason });
            return answer.Failed ? await Show(http, false, new Problem(id, answer.Errors[0], outcome, reason)) : Results.Redirect(Path + "?done=1");
        });
    }

    private static async Task<IResult> Show(HttpContext http, bool resolved, Problem? problem)
    {
        var answer = await ConsoleApi.Send(http, Inbox);
        var me = answer.Read<MeView>("me");
        var governance = Views.Shown(me?.Role) == "GOVERNANCE";
        var challenges = answer.Read<List<Inboxed>>("challengeInbox") ?? [];
        var gids = challenges.Select(c => c.Gid).Distinct().ToList();
        var names = gids.Count == 0
            ? []
            : (await ConsoleApi.Send(http, Names, new { gids })).Read<List<Named?>>("identities")!.OfType<Named>()
                .ToDictionary(i => i.Gid, i => i.PrimaryName!.Text);
        var today = http.RequestServices.GetRequiredService<IClock>().GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Zurich"]).Date;
        var errors = answer.Errors.Select(e => Html.Of($"<p class=\"error\" role=\"alert\"><strong>{e.Code}</strong>: {e.Message}</p>"));
        var list = challenges.Count == 0
            ? Html.Of($"<p role=\"status\">No open challenge waits for {(governance ? "any office" : Views.Shown(me?.Office))}.</p>")
            : Html.Of($"""
                <p role="status">{challenges.Count} open challenge{(challenges.Count == 1 ? "" : "s")}, due first.</p>
                <ol class="challenges">{challenges.Select(c => Item(http, c, names, today, governance, problem?.ChallengeId == c.Id ? problem : null))}</ol>
                """);
        return ConsolePage.For("Challenges", Html.Of($"""
            <h1>Challenge inbox</h1>
            <p>{(governance
                ? "Every open challenge, due first. Only an identity's managing office resolves its challenges; governance follows the overdue ones."
                : $"Challenges of the identities {Views.Shown(me?.Office)} manages: answer each within 10 Geneva business days.")}</p>
            {(resolved ? Html.Of($"<p class=\"ok\" role=\"status\">Challenge resolved; the office that raised it sees the outcome on the identity.</p>") : Html.Empty)}
            {errors}
            {list}
            """), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Html Item(HttpContext http, Inboxed challenge, Dictionary<string, string> names, LocalDate today, bool governance, Problem? problem)
    {
        var id = challenge.Id;
        var gid = challenge.Gid;
        var due = LocalDatePattern.Iso.Parse(Views.Shown(challenge.DueBy)).Value;
        var left = Period.Between(today, due, PeriodUnits.Days).Days;
        var deadline = left < 0
            ? Html.Of($"<strong class=\"overdue\">overdue by {-left} day{(left == -1 ? "" : "s")}</strong>")
            : Html.Of($"{left} day{(left == 1 ? "" : "s")} left");
        var outcomes = Outcomes.Select(o => Html.Of($"<option value=\"{o.Value}\"{(o.Value == problem?.Outcome ? new Html(" selected") : Html.Empty)}>{o.Label}</option>"));
        var short_ = id[^6..];
        var form = governance
            ? Html.Empty
            : Html.Of($"""
                {(problem is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\"><strong>{problem.Error.Code}</strong>: {problem.Error.Message}</p>"))}
                <form method="post" action="{Path}/{Uri.EscapeDataString(id)}/resolve" class="decide">
                  {ConsolePage.AntiforgeryField(http)}
                  <label for="outcome-{short_}">Outcome</label>
                  <select id="outcome-{short_}" name="outcome">{outcomes}</select>
                  <label for="reason-{short_}">Reason</label>
                  <input id="reason-{short_}" name="reason" required maxlength="500" size="40" value="{problem?.Reason}">
                  <button type="submit">Resolve</button>
                </form>
                """);
        return Html.Of($"""
            <li>
              <article class="challenge" aria-labelledby="challenge-{short_}">
                <h2 id="challenge-{short_}"><a href="{IdentityPage.PathOf(gid)}" dir="auto">{names.GetValueOrDefault(gid, gid)}</a> <code class="gid">{gid}</code></h2>
                <p><strong>{KindLabel(Views.Shown(challenge.Kind))}</strong>: <span dir="auto">{Views.Shown(challenge.Reason)}</span></p>
                <p class="hint">Raised by {Views.Shown(challenge.RaisedBy)} on <time datetime="{Views.Shown(challenge.RaisedOn)}">{Views.Shown(challenge.RaisedOn)}</time> · due by <time datetime="{Views.Shown(challenge.DueBy)}">{Views.Shown(challenge.DueBy)}</time> · {deadline}</p>
                {form}
              </article>
            </li>
            """);
    }
}
