using GidSandbox.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// An applicant's own page (docs/rights.md): their records whole, their consent to record or withdraw, and their
/// requests for a correction (a challenge the managing office resolves) or for erasure (governance decides).
/// </summary>
public static class MyRecordsPage
{
    public const string Path = ConsoleRegistration.PathBase + "/me";

    private const string Records = """
        { myRecords { gid status version names { text } country address { lines city postalCode country } contactEmail externalIdentifiers { issuer value } consent { given at } erasure { erasedAt } } }
        """;

    private static readonly Dictionary<string, string> Done = new()
    {
        ["consent"] = "Your consent is recorded; offices see it on your record.",
        ["correction"] = "Your request for a correction is with the office that manages your record; it answers within 10 Geneva business days.",
        ["erasure"] = "Your request for erasure is with governance, which verifies and decides it.",
    };

    private sealed record MyRecord(
        string Gid, string? Status, IReadOnlyList<NameView> Names, string? Country, AddressView? Address, string? ContactEmail,
        IReadOnlyList<ExternalIdView> ExternalIdentifiers, ConsentView? Consent);

    private sealed record ConsentView(bool Given, string? At);

    public static bool IsApplicant(HttpContext http) => http.User.Holds(Scopes.Applicant);

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/me", (HttpContext http, string? done) => Show(http, done, null));

        console.MapPost("/me/{gid}/{what}", async (HttpContext http, IAntiforgery antiforgery, string gid, string what) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; reload your page and try again.");
            }

            var form = await http.Request.ReadFormAsync();
            var answer = what switch
            {
                "consent" => await ConsoleApi.Send(http, "mutation ($gid: Gid!, $given: Boolean!) { recordConsent(input: { gid: $gid, given: $given }) { identity { version } } }", new { gid, given = form["given"] == "true" }),
                "correction" => await ConsoleApi.Send(http, "mutation ($gid: Gid!, $kind: ChallengeKind!, $reason: String!) { requestCorrection(gid: $gid, kind: $kind, reason: $reason) { id } }", new { gid, kind = form["kind"].ToString(), reason = form["reason"].ToString() }),
                "erasure" => await ConsoleApi.Send(http, "mutation ($gid: Gid!) { requestErasure(gid: $gid) { reference } }", new { gid }),
                _ => null,
            };
            return answer is null ? Results.NotFound() : answer.Failed ? await Show(http, null, answer.Errors[0]) : Results.Redirect($"{Path}?done={what}");
        });
    }

    private static async Task<IResult> Show(HttpContext http, string? done, ApiError? problem)
    {
        var answer = await ConsoleApi.Send(http, Records);
        var records = answer.Read<List<MyRecord>>("myRecords") ?? [];
        var errors = answer.Errors.Concat(problem is null ? [] : [problem]).Select(e => Html.Of($"<p class=\"error\" role=\"alert\"><strong>{e.Code}</strong>: {e.Message}</p>"));
        var notice = done is not null && Done.TryGetValue(done, out var text) ? Html.Of($"<p class=\"ok\" role=\"status\">{text}</p>") : Html.Empty;
        return ConsolePage.For("My records", Html.Of($"""
            <h1>My records</h1>
            <p>What the registry holds about you, as the offices registered it. You may consent to being identified by your GID or withdraw it, ask for a correction, or ask for your data to be erased.</p>
            {notice}
            {errors}
            {(records.Count == 0 ? Html.Of($"<p role=\"status\">No record of yours is held.</p>") : Html.Empty)}
            {records.Select(r => Record(http, r))}
            """), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Html Record(HttpContext http, MyRecord record)
    {
        var gid = record.Gid;
        var action = $"{Path}/{Uri.EscapeDataString(gid)}";
        var held = Views.Shown(record.Status) is "ACTIVE" or "DEACTIVATED";
        var consent = record.Consent is { } c
            ? $"{(c.Given ? "Given" : "Withdrawn")} on {Views.Shown(c.At)[..10]}"
            : "Not recorded";
        var given = record.Consent?.Given == true;
        var names = record.Names.Select(n => Html.Of($"<li dir=\"auto\">{n.Text}</li>"));
        var address = record.Address is { } a
            ? string.Join(", ", a.Lines.Append(Views.Shown(a.PostalCode)).Append(Views.Shown(a.City)).Append(Views.Shown(a.Country)).Where(p => p != "—"))
            : "—";
        var identifiers = record.ExternalIdentifiers.Select(x => Html.Of($"<li>{Views.Shown(x.Issuer)}: <code>{Views.Shown(x.Value)}</code></li>"));
        var kinds = ChallengesPage.Kinds.Where(k => k.Value != "WRONG_RELATION").Select(k => Html.Of($"<option value=\"{k.Value}\">{k.Label}</option>"));
        var forms = held
            ? Html.Of($"""
                <form method="post" action="{action}/consent" class="decide">
                  {ConsolePage.AntiforgeryField(http)}
                  <input type="hidden" name="given" value="{(given ? "false" : "true")}">
                  <button type="submit">{(given ? "Withdraw my consent" : "Give my consent")}</button>
                </form>
                <form method="post" action="{action}/correction" class="decide">
                  {ConsolePage.AntiforgeryField(http)}
                  <label for="kind-{gid}">What is wrong</label>
                  <select id="kind-{gid}" name="kind">{kinds}</select>
                  <label for="reason-{gid}">What it should read</label>
                  <input id="reason-{gid}" name="reason" required maxlength="500" size="40">
                  <button type="submit">Ask for a correction</button>
                </form>
                <form method="post" action="{action}/erasure" class="decide">
                  {ConsolePage.AntiforgeryField(http)}
                  <button type="submit">Ask for my data to be erased</button>
                </form>
                """)
            : Html.Empty;
        return Html.Of($"""
            <section aria-labelledby="record-{gid}">
              <h2 id="record-{gid}"><code class="gid">{gid}</code></h2>
              <dl class="facts">
                <dt>Status</dt><dd>{Views.Shown(record.Status)}</dd>
                <dt>Names</dt><dd><ul class="inline">{names}</ul></dd>
                <dt>Country</dt><dd>{Views.Shown(record.Country)}</dd>
                <dt>Address</dt><dd dir="auto">{address}</dd>
                <dt>Contact</dt><dd>{Views.Shown(record.ContactEmail)}</dd>
                <dt>Identifiers</dt><dd><ul class="inline">{identifiers}</ul></dd>
                <dt>Consent</dt><dd>{consent}</dd>
              </dl>
              {forms}
            </section>
            """);
    }
}
