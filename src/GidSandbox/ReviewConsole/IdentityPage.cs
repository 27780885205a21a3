using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// One identity: names by script and type, identifiers, relations, status, and its history as a
/// timeline with an as-of view (identityAsOf at the instant of any event, or any instant given).
/// </summary>
public static class IdentityPage
{
    public const string LookupPath = ConsoleRegistration.PathBase + "/identities";

    private const string Fields = """
        fragment IdentityFields on Identity {
          gid kind status country registeringOffice managingOffice transferRequestedBy version mergedInto deactivationReason erasure { erasedAt decisionReference } parent parentAssertedBy subsidiaries
          lei legalForm registrationAuthority registrationNumber orcid isni synthetic personalDetailsWithheld
          names { id text script language type primary assertedBy assertedAt }
          externalIdentifiers { scheme issuer value assertedBy assertedAt }
          address { lines city postalCode region country assertedBy }
        }
        """;

    private const string Current = """
        query ($gid: Gid!) {
          identity(gid: $gid) { ...IdentityFields }
          identityHistory(gid: $gid) { version type recordedAt office clientId subject reason termsVersion }
        }
        """ + Fields;

    private const string AsOf = "query ($gid: Gid!, $at: Instant!) { identityAsOf(gid: $gid, at: $at) { ...IdentityFields } }" + Fields;

    private const string AddName = """
        mutation ($input: AddNameInput!) { addName(input: $input) { identity { gid version } } }
        """;

    private static readonly string[] NameTypes = ["ALIAS", "TRANSLITERATION", "TRANSLATION", "FORMER", "LEGAL", "PRIMARY"];

    public static string PathOf(string gid) => $"{LookupPath}/{Uri.EscapeDataString(gid)}";

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/identities", (string? gid) =>
            Results.Redirect(string.IsNullOrWhiteSpace(gid) ? ConsoleRegistration.PathBase + "/" : PathOf(gid.Trim())));

        console.MapGet("/identities/{gid}", Task<IResult> (HttpContext http, string gid, int? v, string? at) => Show(http, gid, v, at, problem: null));

        console.MapPost("/identities/{gid}/names", async (HttpContext http, IAntiforgery antiforgery, string gid) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; reload the identity page and try again.");
            }

            var form = await http.Request.ReadFormAsync();
            var answer = await ConsoleApi.Send(http, AddName, new
            {
                input = new
                {
                    gid,
                    expectedVersion = long.TryParse(form["expectedVersion"], out var version) ? version : (long?)null,
                    name = new { text = form["text"].ToString(), script = form["script"].ToString(), type = form["type"].ToString() },
                },
            });
            return answer.Failed ? await Show(http, gid, null, null, answer.Errors[0]) : Results.Redirect(PathOf(gid));
        });
    }

    private static async Task<IResult> Show(HttpContext http, string gid, int? v, string? at, ApiError? problem)
    {
        var answer = await ConsoleApi.Send(http, Current, new { gid });
        if (answer.Failed && answer.Data["identity"] is null)
        {
            var error = answer.Errors[0];
            return ConsolePage.For("Not found", Html.Of($"""
                <h1>No identity shown</h1>
                <p class="error" role="alert"><strong>{error.Code}</strong>: {error.Message}</p>
                <p><a href="{ConsoleRegistration.PathBase}/">Look up another GID</a></p>
                """), StatusCodes.Status400BadRequest);
        }

        if (answer.Data["identity"] is not JsonObject identity)
        {
            return ConsolePage.For("Not found", Html.Of($"""
                <h1>No identity has this GID</h1>
                <p role="alert">The registry has no identity <code>{gid}</code>.</p>
                <p><a href="{ConsoleRegistration.PathBase}/">Look up another GID</a></p>
                """), StatusCodes.Status404NotFound);
        }

        var history = answer.Data["identityHistory"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var canonical = identity["gid"]!.GetValue<string>();
        var asOfInstant = v is { } picked && picked >= 1 && picked <= history.Count ? history[picked - 1]["recordedAt"]!.GetValue<string>() : at;
        var shown = identity;
        var asOfNote = Html.Empty;
        if (asOfInstant is { Length: > 0 })
        {
            var past = await ConsoleApi.Send(http, AsOf, new { gid = canonical, at = asOfInstant });
            if (past.Failed)
            {
                asOfNote = Html.Of($"<p class=\"error\" role=\"alert\"><strong>{past.Errors[0].Code}</strong>: {past.Errors[0].Message}</p>");
            }
            else if (past.Data["identityAsOf"] is JsonObject then)
            {
                shown = then;
                asOfNote = Html.Of($"""<p class="notice" role="status">Shown as it was at <time datetime="{asOfInstant}">{asOfInstant}</time> (version {HomePage.Text(then, "version")} of {history.Count}). <a href="{PathOf(canonical)}">Show it as it is now</a>.</p>""");
            }
            else
            {
                asOfNote = Html.Of($"""<p class="notice" role="status">The identity did not exist yet at <time datetime="{asOfInstant}">{asOfInstant}</time>. <a href="{PathOf(canonical)}">Show it as it is now</a>.</p>""");
            }
        }

        var title = shown["names"]!.AsArray().FirstOrDefault(n => n?["primary"]?.GetValue<bool>() == true)?["text"]?.GetValue<string>() ?? canonical;
        return ConsolePage.For(title, Html.Of($"""
            <h1><span class="name">{title}</span> <code class="gid">{canonical}</code></h1>
            {asOfNote}
            {IdentityView.Status(shown)}
            <div class="columns">
              <div>
                {IdentityView.Names(shown)}
                {IdentityView.Facts(shown)}
                {IdentityView.Identifiers(shown)}
              </div>
              <div>
                {Timeline(canonical, history, v, asOfInstant)}
              </div>
            </div>
            {AddNameForm(http, identity, problem)}
            """), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Html Timeline(string gid, List<JsonObject> history, int? v, string? at)
    {
        var picked = v ?? history.Count;
        var entries = history.Select(e =>
        {
            var version = e["version"]!.GetValue<long>();
            var current = at is not null && version == picked ? Html.Of($" aria-current=\"step\"") : Html.Empty;
            var reason = e["reason"] is { } r ? Html.Of($"<p class=\"reason\">Reason: {r.GetValue<string>()}</p>") : Html.Empty;
            return Html.Of($"""
                <li{current}>
                  <p><strong>{e["type"]?.GetValue<string>()}</strong> · version {version}</p>
                  <p><time datetime="{HomePage.Text(e, "recordedAt")}">{HomePage.Text(e, "recordedAt")}</time>
                     by {Who(e)} under Terms {HomePage.Text(e, "termsVersion")}</p>
                  {reason}
                  <p><a href="{PathOf(gid)}?v={version}">As of this event</a></p>
                </li>
                """);
        });
        var instants = history.Select(e => Html.Of($"<option value=\"{e["version"]}\" label=\"{HomePage.Text(e, "recordedAt")}\"></option>"));
        var instantOfPicked = picked >= 1 && picked <= history.Count ? HomePage.Text(history[picked - 1], "recordedAt") : "";
        return Html.Of($"""
            <section aria-labelledby="history">
              <h2 id="history">History</h2>
              <form method="get" action="{PathOf(gid)}" class="as-of" data-instants="{string.Join(' ', history.Select(e => HomePage.Text(e, "recordedAt")))}">
                <label for="as-of">As of event</label>
                <input type="range" id="as-of" name="v" min="1" max="{history.Count}" step="1" value="{picked}" list="as-of-instants" aria-describedby="as-of-instant">
                <datalist id="as-of-instants">{instants}</datalist>
                <output id="as-of-instant" for="as-of">version {picked}: {instantOfPicked}</output>
                <button type="submit">Show</button>
              </form>
              <form method="get" action="{PathOf(gid)}" class="as-of-instant">
                <label for="at">Or any instant (UTC)</label>
                <input id="at" name="at" placeholder="2026-11-24T09:30:00Z" value="{(v is null ? at : null)}" spellcheck="false">
                <button type="submit">Show</button>
              </form>
              <ol class="timeline">{entries}</ol>
            </section>
            """);
    }

    /// <summary>The person who acted, where one signed in (e.g. here), with their office and client; else the office and its client.</summary>
    private static Html Who(JsonObject entry) => entry["subject"] is { } person
        ? Html.Of($"<span class=\"person\">{person.GetValue<string>()}</span> ({HomePage.Text(entry, "office")}, {HomePage.Text(entry, "clientId")})")
        : Html.Of($"{HomePage.Text(entry, "office")} ({HomePage.Text(entry, "clientId")})");

    /// <summary>Offered only where the user may add a name: an office's session (gid:write) on a live identity.</summary>
    private static Html AddNameForm(HttpContext http, JsonObject identity, ApiError? problem)
    {
        if (problem is null && (!http.User.Holds(GidSandbox.Access.Scopes.Write) || HomePage.Text(identity, "status") != "ACTIVE"))
        {
            return HomePage.Text(identity, "status") != "ACTIVE"
                ? Html.Empty
                : Html.Of($"""<p class="notice">Names are added by offices (<code>gid:write</code>); to dispute this identity's data, raise a challenge with <code>raiseChallenge</code>. Only its managing office, {HomePage.Text(identity, "managingOffice")}, changes its address or status.</p>""");
        }

        var error = problem is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\"><strong>{problem.Code}</strong>: {problem.Message}</p>");
        var types = NameTypes.Select(t => Html.Of($"<option>{t}</option>"));
        return Html.Of($"""
            <section aria-labelledby="add-name">
              <h2 id="add-name">Add a name</h2>
              {error}
              <form method="post" action="{PathOf(identity["gid"]!.GetValue<string>())}/names" class="add-name">
                {ConsolePage.AntiforgeryField(http)}
                <input type="hidden" name="expectedVersion" value="{identity["version"]}">
                <label for="name-text">Name</label>
                <input id="name-text" name="text" required maxlength="500">
                <label for="name-script">Script (ISO 15924)</label>
                <input id="name-script" name="script" required value="Latn" size="5">
                <label for="name-type">Type</label>
                <select id="name-type" name="type">{types}</select>
                <button type="submit">Add name</button>
              </form>
            </section>
            """);
    }
}
