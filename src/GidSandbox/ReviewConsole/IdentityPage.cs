using System.Globalization;
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
          gid kind status country registeringOffice managingOffice transferRequestedBy version mergedInto mergedFrom registeredAt deactivationReason erasure { erasedAt decisionReference } parent parentAssertedBy subsidiaries
          primaryName { text }
          lei legalForm legalFormName registrationAuthority registrationNumber orcid isni synthetic personalDetailsWithheld
          names { id text script language type primary assertedBy assertedAt }
          externalIdentifiers { scheme issuer value assertedBy assertedAt }
          address { lines city postalCode region country assertedBy }
        }
        """;

    private const string Current = """
        query ($gid: Gid!) {
          identity(gid: $gid) { ...IdentityFields }
          identityHistory(gid: $gid) { version type occurredAt recordedAt office clientId subject reason termsVersion data }
          challenges(gid: $gid) { id kind reason raisedBy raisedOn dueBy status outcome resolution resolvedOn }
        }
        """ + Fields;

    private const string Related = "query ($gids: [Gid!]!) { identities(gids: $gids) { gid status primaryName { text } } }";

    private const string RaiseChallenge = """
        mutation ($gid: Gid!, $kind: ChallengeKind!, $reason: String!) { raiseChallenge(gid: $gid, kind: $kind, reason: $reason) { id } }
        """;

    /// <summary>An event of the identity's stream as the timeline shows it (<c>identityHistory</c>); its data as recorded.</summary>
    private sealed record HistoryEntry(
        long Version, string? Type, string? OccurredAt, string? RecordedAt, string? Office, string? ClientId, string? Subject, string? Reason,
        string? TermsVersion, RecordedData? Data);

    /// <summary>
    /// The fields of a recorded event that the timeline names, whichever event it is: the event types share these names,
    /// and each event holds only its own.
    /// </summary>
    private sealed record RecordedData(
        string? Country, IReadOnlyList<NameView>? Names, NameView? Name, int? NameId, AddressView? Address, ExternalIdView? Identifier,
        IReadOnlyList<ExternalIdView>? ExternalIdentifiers, string? Survivor, string? Merged, string? Other, string? Reason, string? RequestedBy,
        string? FromOffice, string? ToOffice);

    /// <summary>A challenge to the identity's data (<c>challenges</c>).</summary>
    private sealed record ChallengeView(
        string? Kind, string? Reason, string? RaisedBy, string? RaisedOn, string? DueBy, string? Status, string? Outcome, string? Resolution, string? ResolvedOn);

    /// <summary>A form the API refused: which one, the error, and what the user typed, to show again as typed.</summary>
    private sealed record Refused(string Form, ApiError Error, IFormCollection Typed)
    {
        public string Value(string form, string field, string fallback = "") => Form == form && Typed[field].ToString() is { Length: > 0 } typed ? typed : fallback;

        public static string Value(Refused? refused, string form, string field, string fallback = "") => refused?.Value(form, field, fallback) ?? fallback;
    }

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

        console.MapGet("/identities/{gid}", Task<IResult> (HttpContext http, string gid, int? v, string? at, string? raised) => Show(http, gid, v, at, refused: null, raised: raised is not null));

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
            return answer.Failed ? await Show(http, gid, null, null, new Refused("name", answer.Errors[0], form)) : Results.Redirect(PathOf(gid));
        });

        console.MapPost("/identities/{gid}/challenges", async (HttpContext http, IAntiforgery antiforgery, string gid) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; reload the identity page and try again.");
            }

            var form = await http.Request.ReadFormAsync();
            var answer = await ConsoleApi.Send(http, RaiseChallenge, new { gid, kind = form["kind"].ToString(), reason = form["reason"].ToString() });
            return answer.Failed
                ? await Show(http, gid, null, null, new Refused("challenge", answer.Errors[0], form))
                : Results.Redirect(PathOf(gid) + "?raised=1#challenges");
        });
    }

    private static async Task<IResult> Show(HttpContext http, string gid, int? v, string? at, Refused? refused, bool raised = false)
    {
        var answer = await ConsoleApi.Send(http, Current, new { gid });
        var identity = answer.Read<IdentityRecord>("identity");
        if (answer.Failed && identity is null)
        {
            var error = answer.Errors[0];
            return ConsolePage.For("Not found", Html.Of($"""
                <h1>No identity shown</h1>
                <p class="error" role="alert"><strong>{error.Code}</strong>: {error.Message}</p>
                <p><a href="{ConsoleRegistration.PathBase}/">Look up another GID</a></p>
                """), StatusCodes.Status400BadRequest);
        }

        if (identity is null)
        {
            return ConsolePage.For("Not found", Html.Of($"""
                <h1>No identity has this GID</h1>
                <p role="alert">The registry has no identity <code>{gid}</code>.</p>
                <p><a href="{ConsoleRegistration.PathBase}/">Look up another GID</a></p>
                """), StatusCodes.Status404NotFound);
        }

        var history = answer.Read<List<HistoryEntry>>("identityHistory") ?? [];
        var canonical = identity.Gid;
        var asOfInstant = v is { } picked && picked >= 1 && picked <= history.Count ? history[picked - 1].OccurredAt : at;
        var shown = identity;
        var asOfNote = Html.Empty;
        if (asOfInstant is { Length: > 0 })
        {
            var past = await ConsoleApi.Send(http, AsOf, new { gid = canonical, at = asOfInstant });
            if (past.Failed)
            {
                asOfNote = Html.Of($"<p class=\"error\" role=\"alert\"><strong>{past.Errors[0].Code}</strong>: {past.Errors[0].Message}</p>");
            }
            else if (past.Read<IdentityRecord>("identityAsOf") is { } then)
            {
                shown = then;
                asOfNote = Html.Of($"""<p class="notice" role="status">Shown as it was at <time datetime="{asOfInstant}">{asOfInstant}</time> (version {then.Version} of {history.Count}). <a href="{PathOf(canonical)}">Show it as it is now</a>.</p>""");
            }
            else
            {
                asOfNote = Html.Of($"""<p class="notice" role="status">The identity did not exist yet at <time datetime="{asOfInstant}">{asOfInstant}</time>. <a href="{PathOf(canonical)}">Show it as it is now</a>.</p>""");
            }
        }

        var relatedGids = new[] { shown.Parent }.Concat(shown.Subsidiaries ?? []).OfType<string>().Distinct().ToList();
        var related = relatedGids.Count == 0
            ? []
            : ((await ConsoleApi.Send(http, Related, new { gids = relatedGids })).Read<List<RelatedView?>>("identities") ?? []).OfType<RelatedView>().ToDictionary(i => i.Gid);
        var challenges = answer.Read<List<ChallengeView>>("challenges") ?? [];
        var title = shown.Names.FirstOrDefault(n => n.Primary)?.Text ?? canonical;
        return ConsolePage.For(title, Html.Of($"""
            <h1><span class="name" dir="auto">{title}</span> <code class="gid">{canonical}</code></h1>
            {asOfNote}
            {IdentityView.Status(shown)}
            {IdentityView.MergedFrom(shown)}
            <div class="columns">
              <div>
                {IdentityView.Names(shown)}
                {IdentityView.Facts(shown, related)}
                {IdentityView.Group(shown, related)}
                {IdentityView.Identifiers(shown)}
              </div>
              <div>
                {Timeline(canonical, history, v, asOfInstant)}
              </div>
            </div>
            {AddNameForm(http, identity, refused?.Form == "name" ? refused : null)}
            {Challenges(http, identity, challenges, refused?.Form == "challenge" ? refused : null, raised)}
            """), refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The identity's challenges, and for everyone a way to challenge its data.</summary>
    private static Html Challenges(HttpContext http, IdentityRecord identity, List<ChallengeView> challenges, Refused? refused, bool raised)
    {
        var managing = Views.Shown(identity.ManagingOffice);
        var items = challenges.Select(c => Html.Of($"""
            <li>
              <p><strong>{ChallengesPage.KindLabel(Views.Shown(c.Kind))}</strong> by {Views.Shown(c.RaisedBy)} on {Views.Shown(c.RaisedOn)}: <span dir="auto">{Views.Shown(c.Reason)}</span></p>
              <p class="hint">{(c.Status == "OPEN"
                  ? Html.Of($"Open: {managing} answers by {Views.Shown(c.DueBy)}.")
                  : Html.Of($"Resolved on {Views.Shown(c.ResolvedOn)}: {Views.Shown(c.Outcome)} — <span dir=\"auto\">{Views.Shown(c.Resolution)}</span>"))}</p>
            </li>
            """)).ToList();
        var list = items.Count == 0 ? Html.Of($"<p>No challenge has been raised.</p>") : Html.Of($"<ol class=\"challenges\">{items}</ol>");
        var done = raised ? Html.Of($"<p class=\"ok\" role=\"status\">Challenge raised: {managing} must answer it within 10 Geneva business days.</p>") : Html.Empty;
        Html form;
        if (identity.Status == "MERGED")
        {
            form = Html.Of($"<p class=\"notice\">This identity was merged; challenge the one it lives on as.</p>");
        }
        else
        {
            var kind = Refused.Value(refused, "challenge", "kind");
            var kinds = ChallengesPage.Kinds.Select(k => Html.Of($"<option value=\"{k.Value}\"{(k.Value == kind ? new Html(" selected") : Html.Empty)}>{k.Label}</option>"));
            var error = refused is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\"><strong>{refused.Error.Code}</strong>: {refused.Error.Message}</p>");
            form = Html.Of($"""
                <h3 id="challenge-this">Challenge this data</h3>
                <p class="hint">Think a name, an identifier or a relation is wrong, or that this is a duplicate? {managing}, which manages it, must answer within 10 Geneva business days.</p>
                {error}
                <form method="post" action="{PathOf(identity.Gid)}/challenges" class="add-name" aria-labelledby="challenge-this">
                  {ConsolePage.AntiforgeryField(http)}
                  <label for="challenge-kind">What is wrong</label>
                  <select id="challenge-kind" name="kind">{kinds}</select>
                  <label for="challenge-reason">Reason</label>
                  <input id="challenge-reason" name="reason" required maxlength="500" size="40" value="{Refused.Value(refused, "challenge", "reason")}">
                  <button type="submit">Raise challenge</button>
                </form>
                """);
        }

        return Html.Of($"""
            <section aria-labelledby="challenges">
              <h2 id="challenges">Challenges</h2>
              {done}
              {list}
              {form}
            </section>
            """);
    }

    /// <summary>The instant the registry stored an event, where it differs from when it happened (mock data).</summary>
    internal static Html Recorded(string? happened, string? recorded) =>
        recorded is not null && recorded != happened
            ? Html.Of($" <small>(recorded <time datetime=\"{recorded}\">{recorded}</time>)</small>")
            : Html.Empty;

    private static Html Timeline(string gid, List<HistoryEntry> history, int? v, string? at)
    {
        var picked = v ?? history.Count;
        var entries = history.Select(e =>
        {
            var current = at is not null && e.Version == picked ? Html.Of($" aria-current=\"step\"") : Html.Empty;
            var reason = e.Reason is { } r ? Html.Of($"<p class=\"reason\">Reason: {r}</p>") : Html.Empty;
            return Html.Of($"""
                <li{current}>
                  <p><strong>{e.Type}</strong> · version {e.Version}</p>
                  <p><time datetime="{Views.Shown(e.OccurredAt)}">{Views.Shown(e.OccurredAt)}</time>{Recorded(e.OccurredAt, e.RecordedAt)}
                     by {Who(e)} under Terms {Views.Shown(e.TermsVersion)}</p>
                  {Changed(e)}
                  {reason}
                  <p><a href="{PathOf(gid)}?v={e.Version}">As of this event</a></p>
                </li>
                """);
        });
        var instants = history.Select(e => Html.Of($"<option value=\"{e.Version}\" label=\"{Views.Shown(e.OccurredAt)}\"></option>"));
        var instantOfPicked = picked >= 1 && picked <= history.Count ? Views.Shown(history[picked - 1].OccurredAt) : "";
        return Html.Of($"""
            <section aria-labelledby="history">
              <h2 id="history">History</h2>
              <form method="get" action="{PathOf(gid)}" class="as-of" data-instants="{string.Join(' ', history.Select(e => Views.Shown(e.OccurredAt)))}">
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

    /// <summary>What the event changed, in a line, from the event as recorded.</summary>
    private static Html Changed(HistoryEntry entry)
    {
        var data = entry.Data;
        static string NameOf(NameView? name) => $"{name?.Text} ({name?.Script}, {name?.Type})";
        static string IdentifierOf(ExternalIdView? x) => $"{x?.Issuer} {x?.Scheme} {x?.Value}";
        var what = entry.Type switch
        {
            "LegalEntityRegistered" or "NaturalPersonRegistered" => $"Registered in {Views.Shown(data?.Country)} as {string.Join("; ", (data?.Names ?? []).Select(NameOf))}",
            "NameAdded" => $"Added the name {NameOf(data?.Name)}",
            "NameRemoved" => $"Removed name {Views.Shown(data?.NameId?.ToString(CultureInfo.InvariantCulture))}",
            "AddressChanged" => data?.Address is { } address ? $"Address now in {address.City} ({address.Country})" : "Address removed or withheld",
            "ExternalIdentifierLinked" => $"Linked {IdentifierOf(data?.Identifier)}",
            "ExternalIdentifierUnlinked" => $"Unlinked {IdentifierOf(data?.Identifier)}",
            "IdentityMerged" => $"Merged into {Views.Shown(data?.Survivor)}",
            "IdentityAbsorbed" => $"Took over {Views.Shown(data?.Merged)}: {data?.Names?.Count ?? 0} name(s), {data?.ExternalIdentifiers?.Count ?? 0} identifier(s)",
            "IdentityDeactivated" => $"Deactivated: {Views.Shown(data?.Reason)}",
            "IdentityReactivated" => "Reactivated",
            "ManagementTransferRequested" => $"{Views.Shown(data?.ToOffice)} asked to manage it",
            "ManagementTransferDeclined" => $"Transfer to {Views.Shown(data?.ToOffice)} declined",
            "ManagementTransferred" => $"Management moved from {Views.Shown(data?.FromOffice)} to {Views.Shown(data?.ToOffice)}",
            "MergeRequested" => $"{Views.Shown(data?.RequestedBy)} asked to merge {Views.Shown(data?.Merged)} into {Views.Shown(data?.Survivor)}",
            "MergeRequestDeclined" => $"Declined merging {Views.Shown(data?.Merged)} into {Views.Shown(data?.Survivor)}",
            "DuplicateDismissed" => $"Reviewed with {Views.Shown(data?.Other)}: not the same party",
            _ => null,
        };
        return what is null ? Html.Empty : Html.Of($"<p class=\"changed\" dir=\"auto\">{what}</p>");
    }

    /// <summary>The person who acted, where one signed in (e.g. here), with their office and client; else the office and its client.</summary>
    private static Html Who(HistoryEntry entry) => entry.Subject is { } person
        ? Html.Of($"<span class=\"person\">{person}</span> ({Views.Shown(entry.Office)}, {Views.Shown(entry.ClientId)})")
        : Html.Of($"{Views.Shown(entry.Office)} ({Views.Shown(entry.ClientId)})");

    /// <summary>
    /// Offered only where the user may add a name: an office's session (gid:write) on a live identity; otherwise one
    /// line says why. After a refusal (a CONFLICT among them) the identity is shown as it is now and the input as typed.
    /// </summary>
    private static Html AddNameForm(HttpContext http, IdentityRecord identity, Refused? refused)
    {
        var status = Views.Shown(identity.Status);
        if (status != "ACTIVE")
        {
            return Html.Of($"""<p class="notice">No name is added to a {status.ToLowerInvariant()} identity{(status == "MERGED" ? "; add it to the identity it was merged into" : "")}.</p>""");
        }

        if (!http.User.Holds(GidSandbox.Access.Scopes.Write))
        {
            var refusal = refused is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\"><strong>{refused.Error.Code}</strong>: {refused.Error.Message}</p>");
            return Html.Of($"""{refusal}<p class="notice">Names are added by offices (your session reads only); to dispute this identity's data, challenge it below. {Views.Shown(identity.ManagingOffice)} manages it.</p>""");
        }

        var error = refused is null
            ? Html.Empty
            : Html.Of($"""
                <p class="error" role="alert"><strong>{refused.Error.Code}</strong>: {refused.Error.Message}</p>
                {(refused.Error.Code == "CONFLICT" ? Html.Of($"<p class=\"notice\" role=\"status\">The identity is shown as it is now (version {identity.Version}); your input is kept: check it and add the name again.</p>") : Html.Empty)}
                """);
        var type = Refused.Value(refused, "name", "type");
        var types = NameTypes.Select(t => Html.Of($"<option{(t == type ? new Html(" selected") : Html.Empty)}>{t}</option>"));
        return Html.Of($"""
            <section aria-labelledby="add-name">
              <h2 id="add-name">Add a name</h2>
              {error}
              <form method="post" action="{PathOf(identity.Gid)}/names" class="add-name">
                {ConsolePage.AntiforgeryField(http)}
                <input type="hidden" name="expectedVersion" value="{identity.Version}">
                <label for="name-text">Name</label>
                <input id="name-text" name="text" required maxlength="500" dir="auto" value="{Refused.Value(refused, "name", "text")}">
                <label for="name-script">Script (ISO 15924)</label>
                <input id="name-script" name="script" required value="{Refused.Value(refused, "name", "script", "Latn")}" size="5">
                <label for="name-type">Type</label>
                <select id="name-type" name="type">{types}</select>
                <button type="submit">Add name</button>
              </form>
            </section>
            """);
    }
}
