using System.Globalization;
using GidSandbox.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// The duplicate review queue for those who may merge: duplicateCandidates of a country, best first, each
/// pair side by side with what differs marked, to merge (mergeIdentities, or requestMerge and acceptMerge
/// across two managing offices) or dismiss as two parties (dismissDuplicate) with a reason.
/// </summary>
public static class DuplicatesPage
{
    public const string Path = ConsoleRegistration.PathBase + "/duplicates";

    private const int PairsShown = 20;

    private const string Pairs = """
        query ($country: CountryCode!, $kind: IdentityKind, $minScore: Float, $first: Int) {
          me { office role }
          duplicateCandidates(country: $country, kind: $kind, minScore: $minScore, first: $first) { first second score }
        }
        """;

    private const string Identities = """
        query ($gids: [Gid!]!) {
          identities(gids: $gids) {
            gid kind status country managingOffice registeredAt version legalForm lei registrationNumber orcid isni
            names { text script type primary }
            address { city }
            externalIdentifiers { scheme issuer value }
            mergeRequests { survivor merged requestedBy }
          }
        }
        """;

    private static readonly Dictionary<string, string> Mutations = new(StringComparer.Ordinal)
    {
        ["merge"] = "mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { gid } } }",
        ["request"] = "mutation ($input: MergeIdentitiesInput!) { requestMerge(input: $input) { identity { gid } } }",
        ["accept"] = "mutation ($input: MergeIdentitiesInput!) { acceptMerge(input: $input) { identity { gid } } }",
        ["decline"] = "mutation ($input: MergeIdentitiesInput!) { declineMerge(input: $input) { identity { gid } } }",
    };

    private const string Dismiss = "mutation ($input: DismissDuplicateInput!) { dismissDuplicate(input: $input) { identity { gid } } }";

    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["merge"] = "Merged: the second GID now points to the one kept.",
        ["request"] = "Merge requested: it waits for the other managing office to accept it here.",
        ["accept"] = "Merge accepted: the second GID now points to the one kept.",
        ["decline"] = "Merge request declined.",
        ["dismiss"] = "Dismissed as two parties: the pair is no longer proposed.",
    };

    /// <summary>
    /// Who may use the queue: those whose token may merge (an office with gid:merge) or governance, and offices that
    /// answer the merges other offices ask of them (acceptMerge needs no more than an office's session).
    /// </summary>
    public static bool MayUse(HttpContext http) => MayMerge(http) || http.User.Holds(Scopes.Write);

    private static bool MayMerge(HttpContext http) => http.User.Holds(Scopes.Merge) || http.User.Holds(Scopes.GovernanceAdmin);

    /// <summary>What the reviewer asked for, as it travels in the URL and the forms.</summary>
    private sealed record Asked(string? Country, string? Kind, double? MinScore)
    {
        public string Query(string? done = null) => QueryString.Create(new Dictionary<string, string?>
        {
            ["country"] = Country,
            ["kind"] = Kind,
            ["minScore"] = MinScore?.ToString(CultureInfo.InvariantCulture),
            ["done"] = done,
        }.Where(p => p.Value is { Length: > 0 })).ToString();

        public Html Hidden() => Html.Of($"""
            <input type="hidden" name="country" value="{Country}">
            <input type="hidden" name="kind" value="{Kind}">
            <input type="hidden" name="minScore" value="{MinScore?.ToString(CultureInfo.InvariantCulture)}">
            """);

        public static Asked From(IQueryCollection q) => new(Blank(q["country"])?.ToUpperInvariant(), Blank(q["kind"]), Score(q["minScore"]));

        public static Asked From(IFormCollection f) => new(Blank(f["country"])?.ToUpperInvariant(), Blank(f["kind"]), Score(f["minScore"]));

        private static double? Score(string? text) => double.TryParse(text, CultureInfo.InvariantCulture, out var score) ? score : null;
    }

    /// <summary>A refused action, shown at its pair with what the reviewer typed.</summary>
    private sealed record Problem(string PairKey, ApiError Error, string Reason);

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/duplicates", (HttpContext http, string? done) => Show(http, Asked.From(http.Request.Query), done, null));

        console.MapPost("/duplicates/decide", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; reload the queue and try again.");
            }

            var form = await http.Request.ReadFormAsync();
            var asked = Asked.From(form);
            var action = form["action"].ToString();
            var (first, second) = (form["first"].ToString(), form["second"].ToString());
            var reason = form["reason"].ToString();
            ApiAnswer answer;
            if (action == "dismiss")
            {
                answer = await ConsoleApi.Send(http, Dismiss, new
                {
                    input = new { first, second, expectedFirstVersion = Version(form["firstVersion"]), expectedSecondVersion = Version(form["secondVersion"]), reason },
                });
            }
            else if (Mutations.TryGetValue(action, out var mutation))
            {
                // The survivor is the one the reviewer keeps; a request's answer names the pair as it was asked.
                var keepSecond = form["keep"] == second;
                var (survivor, merged) = keepSecond ? (second, first) : (first, second);
                var (survivorVersion, mergedVersion) = keepSecond ? (form["secondVersion"], form["firstVersion"]) : (form["firstVersion"], form["secondVersion"]);
                answer = await ConsoleApi.Send(http, mutation, new
                {
                    input = new { survivor, merged, expectedSurvivorVersion = Version(survivorVersion), expectedMergedVersion = Version(mergedVersion), reason },
                });
            }
            else
            {
                return ConsolePage.Refused("That is not an action of the duplicate queue; reload it and choose merge or dismiss.");
            }

            return answer.Failed
                ? await Show(http, asked, null, new Problem(Key(first, second), answer.Errors[0], reason))
                : Results.Redirect(Path + asked.Query(action));
        });
    }

    private static async Task<IResult> Show(HttpContext http, Asked asked, string? done, Problem? problem)
    {
        if (!MayUse(http))
        {
            return ConsolePage.For("Refused", Html.Of($"""
                <h1>The duplicate queue is for those who may merge</h1>
                <p class="error" role="alert">Reviewing duplicates ends in a merge or a dismissal, which offices and governance make; your session reads only. To report a duplicate, open the identity and raise a challenge.</p>
                """), StatusCodes.Status403Forbidden);
        }

        var doneNote = done is not null && Done.TryGetValue(done, out var said) ? Html.Of($"<p class=\"ok\" role=\"status\">{said}</p>") : Html.Empty;
        if (asked.Country is null)
        {
            return ConsolePage.For("Duplicate review", Html.Of($"""
                <h1>Duplicate review</h1>
                {doneNote}
                {Form(asked)}
                <p>Choose a country: the queue lists pairs of active identities of that country that look like one party, best first.</p>
                """));
        }

        var answer = await ConsoleApi.Send(http, Pairs, new { country = asked.Country, kind = asked.Kind, minScore = asked.MinScore, first = PairsShown });
        if (answer.Failed)
        {
            var errors = answer.Errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
            return ConsolePage.For("Duplicate review", Html.Of($"""
                <h1>Duplicate review</h1>
                {Form(asked)}
                <div class="error" role="alert"><p>The API refused this list:</p><ul>{errors}</ul></div>
                """), StatusCodes.Status400BadRequest);
        }

        var me = answer.Read<MeView>("me")!;
        var reviewer = new Reviewer(Views.Shown(me.Office), me.Role == "GOVERNANCE", MayMerge(http));
        var pairs = answer.Read<List<PairView>>("duplicateCandidates") ?? [];
        var gids = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var identities = gids.Count == 0
            ? []
            : ((await ConsoleApi.Send(http, Identities, new { gids })).Read<List<Candidate?>>("identities") ?? []).OfType<Candidate>().ToDictionary(i => i.Gid);
        var shown = pairs.Where(p => identities.ContainsKey(p.First) && identities.ContainsKey(p.Second)).ToList();
        var list = shown.Count == 0
            ? Html.Of($"<p role=\"status\">No pair of {asked.Country} is waiting for review at this score.</p>")
            : Html.Of($"""
                <p role="status">{shown.Count} pair{(shown.Count == 1 ? "" : "s")} of {asked.Country}, best first.</p>
                <ol class="pairs">{shown.Select((p, i) => Pair(http, asked, reviewer, p, identities[p.First], identities[p.Second], i + 1, problem))}</ol>
                """);
        return ConsolePage.For("Duplicate review", Html.Of($"""
            <h1>Duplicate review</h1>
            {doneNote}
            {Form(asked)}
            {list}
            """), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private sealed record Reviewer(string Office, bool Governance, bool MayMerge)
    {
        public bool Manages(Candidate identity) => Views.Shown(identity.ManagingOffice) == Office;
    }

    /// <summary>A pair the API proposes (<c>duplicateCandidates</c>).</summary>
    private sealed record PairView(string First, string Second, double Score);

    /// <summary>One identity of a pair, with what the comparison shows and what the actions need.</summary>
    private sealed record Candidate(
        string Gid, string? Kind, string? Country, string? ManagingOffice, string? RegisteredAt, long Version, string? LegalForm,
        string? Lei, string? RegistrationNumber, string? Orcid, string? Isni, IReadOnlyList<NameView> Names, CityView? Address,
        IReadOnlyList<ExternalIdView> ExternalIdentifiers, IReadOnlyList<MergeRequestView> MergeRequests);

    private sealed record CityView(string? City);

    /// <summary>A merge one office asked of another, waiting on the identity the other manages (<c>mergeRequests</c>).</summary>
    private sealed record MergeRequestView(string? Survivor, string? Merged, string? RequestedBy);

    private static Html Form(Asked asked)
    {
        var kinds = new[] { ("", "Both kinds"), ("LEGAL_ENTITY", "Legal entities"), ("NATURAL_PERSON", "Natural persons") }
            .Select(k => Html.Of($"<option value=\"{k.Item1}\"{(k.Item1 == (asked.Kind ?? "") ? new Html(" selected") : Html.Empty)}>{k.Item2}</option>"));
        return Html.Of($"""
            <form method="get" action="{Path}" class="search">
              <div class="field">
                <label for="country">Country (ISO 3166-1)</label>
                <input id="country" name="country" value="{asked.Country}" size="4" maxlength="2" required autocomplete="off" spellcheck="false">
              </div>
              <div class="field">
                <label for="kind">Kind</label>
                <select id="kind" name="kind">{kinds}</select>
              </div>
              <div class="field">
                <label for="minScore">Lowest score (0.5 to 1)</label>
                <input id="minScore" name="minScore" type="number" min="0.5" max="1" step="0.05" value="{asked.MinScore?.ToString(CultureInfo.InvariantCulture) ?? "0.9"}">
              </div>
              <button type="submit">Show pairs</button>
            </form>
            """);
    }

    private static Html Pair(HttpContext http, Asked asked, Reviewer reviewer, PairView pair, Candidate a, Candidate b, int rank, Problem? problem)
    {
        var (first, second) = (a.Gid, b.Gid);
        var key = Key(first, second);
        var mine = problem?.PairKey == key ? problem : null;
        var rows = Compared(a, b).Select(r =>
        {
            var differs = r.First != r.Second;
            return Html.Of($"""
                <tr{(differs ? new Html(" class=\"differs\"") : Html.Empty)}>
                  <th scope="row">{r.Label}{(differs ? new Html(" <span class=\"mark\">differs</span>") : Html.Empty)}</th>
                  <td dir="auto">{r.First}</td><td dir="auto">{r.Second}</td>
                </tr>
                """);
        });
        var error = mine is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\"><strong>{mine.Error.Code}</strong>: {mine.Error.Message}</p>");
        return Html.Of($"""
            <li>
              <article class="pair" aria-labelledby="pair-{rank}">
                <h2 id="pair-{rank}">Pair {rank} · score {pair.Score.ToString("0.000", CultureInfo.InvariantCulture)}</h2>
                <div class="scroll">
                <table class="compare">
                  <thead><tr><th scope="col"><span class="visually-hidden">Field</span></th>
                    <th scope="col"><a href="{IdentityPage.PathOf(first)}"><code>{first}</code></a></th>
                    <th scope="col"><a href="{IdentityPage.PathOf(second)}"><code>{second}</code></a></th></tr></thead>
                  <tbody>{rows}</tbody>
                </table>
                </div>
                {error}
                {Actions(http, asked, reviewer, a, b, mine?.Reason)}
              </article>
            </li>
            """);
    }

    /// <summary>What the reviewer may do with the pair, and only that; one line says why when it is nothing.</summary>
    private static Html Actions(HttpContext http, Asked asked, Reviewer reviewer, Candidate a, Candidate b, string? typed)
    {
        var (first, second) = (a.Gid, b.Gid);
        var (officeA, officeB) = (Views.Shown(a.ManagingOffice), Views.Shown(b.ManagingOffice));
        if (!reviewer.Governance && !reviewer.Manages(a) && !reviewer.Manages(b))
        {
            return Html.Of($"""<p class="notice">Only {officeA}{(officeA == officeB ? "" : $" and {officeB}")}, which manage{(officeA == officeB ? "s" : "")} these, or governance merge or dismiss this pair; open either identity to raise a challenge.</p>""");
        }

        var request = new[] { a, b }.SelectMany(i => i.MergeRequests.Select(r => (Waiting: i, Request: r)))
            .FirstOrDefault(x => new[] { first, second }.Contains(Views.Shown(x.Request.Survivor)) && new[] { first, second }.Contains(Views.Shown(x.Request.Merged)));
        var fields = Html.Of($"""
            {ConsolePage.AntiforgeryField(http)}
            {asked.Hidden()}
            <input type="hidden" name="first" value="{first}">
            <input type="hidden" name="second" value="{second}">
            <input type="hidden" name="firstVersion" value="{a.Version}">
            <input type="hidden" name="secondVersion" value="{b.Version}">
            """);
        var id = first[^4..] + second[^4..];
        var reason = Html.Of($"""
            <label for="reason-{id}">Reason</label>
            <input id="reason-{id}" name="reason" required maxlength="500" value="{typed}" size="40">
            """);
        Html merge;
        if (request.Request is { } asked2)
        {
            var survivor = Views.Shown(asked2.Survivor);
            merge = reviewer.Manages(request.Waiting)
                ? Html.Of($"""
                    <p>{Views.Shown(asked2.RequestedBy)} asks to merge <code>{Views.Shown(asked2.Merged)}</code> into <code>{survivor}</code>; it waits for you.</p>
                    <form method="post" action="{Path}/decide" class="decide">
                      {fields}
                      <input type="hidden" name="keep" value="{survivor}">
                      {reason}
                      <button type="submit" name="action" value="accept">Accept the merge</button>
                      <button type="submit" name="action" value="decline" class="secondary">Decline</button>
                    </form>
                    """)
                : Html.Of($"""<p class="notice">Merge of <code>{Views.Shown(asked2.Merged)}</code> into <code>{survivor}</code> asked by {Views.Shown(asked2.RequestedBy)}: it waits for {Views.Shown(request.Waiting.ManagingOffice)} to accept it.</p>""");
        }
        else if (!reviewer.MayMerge)
        {
            merge = Html.Of($"""<p class="notice">Merging and dismissing need <code>gid:merge</code>, which your session lacks; merges other offices ask of you wait here for your answer.</p>""");
        }
        else
        {
            var both = reviewer.Governance || (reviewer.Manages(a) && reviewer.Manages(b));
            var other = reviewer.Manages(a) ? officeB : officeA;
            var keep = new[] { first, second }.Select((g, i) => Html.Of($"""
                <label><input type="radio" name="keep" value="{g}"{(i == 0 ? new Html(" checked") : Html.Empty)}> keep <code>{g}</code></label>
                """));
            merge = Html.Of($"""
                <form method="post" action="{Path}/decide" class="decide">
                  {fields}
                  <fieldset class="keep"><legend>Merge into</legend>{keep}</fieldset>
                  {reason}
                  {(both
                      ? Html.Of($"<button type=\"submit\" name=\"action\" value=\"merge\">Merge</button>")
                      : Html.Of($"<button type=\"submit\" name=\"action\" value=\"request\">Ask {other} to merge</button>"))}
                  <button type="submit" name="action" value="dismiss" class="secondary">Not the same party</button>
                </form>
                {(both ? Html.Empty : Html.Of($"<p class=\"hint\">{other} manages the other identity: the merge happens when it accepts.</p>"))}
                """);
        }

        return merge;
    }

    private sealed record Row(string Label, string First, string Second);

    private static IEnumerable<Row> Compared(Candidate a, Candidate b)
    {
        Row Of(string label, Func<Candidate, string?> value) => new(label, Views.Shown(value(a)), Views.Shown(value(b)));
        yield return Of("Names", i => string.Join(" · ", i.Names.OrderByDescending(n => n.Primary).Select(n => n.Text)));
        yield return Of("Kind", i => i.Kind);
        yield return Of("Country", i => i.Country);
        yield return Of("City", i => i.Address?.City);
        yield return Of("Managed by", i => i.ManagingOffice);
        yield return Of("Registered", i => i.RegisteredAt is { Length: >= 10 } at ? at[..10] : null);
        yield return Of("Legal form", i => i.LegalForm);
        yield return Of("Registration number", i => i.RegistrationNumber);
        yield return Of("Identifiers", i => Views.Identifiers(i.Lei, i.Orcid, i.Isni, i.ExternalIdentifiers));
    }

    private static string Key(string first, string second) => $"{first}|{second}";

    private static long? Version(string? text) => long.TryParse(text, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
