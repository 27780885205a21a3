using System.Text.Json;
using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Terms;
using NodaTime;
using NodaTime.Text;

namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>An office or association as <c>termsAcceptanceReport</c> lists it, for the dashboards' filters.</summary>
public sealed record Participant(string Office, string Role);

/// <summary>
/// Charts over the governance reports of the API. Every report needs <see cref="RequiredScope"/>
/// (audit:read, which governance reviewers hold): a user without it gets a refused page that says so.
/// </summary>
public static class Dashboards
{
    public const string Path = ConsoleRegistration.PathBase + "/dashboards";
    public const string RequiredScope = Scopes.AuditRead;

    /// <summary>
    /// Report rows are summed into charts, so they are read strictly: a field the query does not ask for, or a null
    /// where the record has none, fails with the field's name instead of counting as zero.
    /// </summary>
    private static readonly JsonSerializerOptions Strict = new(Views.Json) { RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true };

    public static readonly IReadOnlyList<(string Path, string Title, string About)> Pages =
    [
        (TermsDashboard.Path, "Terms of Use acceptance", "Which version of the Terms each office and association accepted, and when."),
        (UsageDashboard.Path, "Usage per office per day", "Requests, writes and refusals by error code, per office and Geneva day."),
        (RegistrationsDashboard.Path, "Registrations and merges", "Identities registered and merged per day and office."),
        (DuplicatesDashboard.Path, "Duplicate candidates outstanding", "Pairs of active identities that look alike, per country and kind."),
    ];

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/dashboards", async (HttpContext http) =>
        {
            if (await Refused(http) is { } refused)
            {
                return refused;
            }

            var links = Pages.Select(p => Html.Of($"""<li><a href="{p.Path}">{p.Title}</a> — {p.About}</li>"""));
            return ConsolePage.For("Dashboards", Html.Of($"""
                <h1>Dashboards</h1>
                <p>Charts of the governance reports, read through the API with your token. Each chart has its numbers as a table under it.</p>
                <ul class="dashboards">{links}</ul>
                """));
        });
        TermsDashboard.Map(console);
        UsageDashboard.Map(console);
        RegistrationsDashboard.Map(console);
        DuplicatesDashboard.Map(console);
    }

    /// <summary>
    /// The access rule of every dashboard: the signed-in user's token must carry the scope the
    /// reports need, or the page is refused before any report is asked for.
    /// </summary>
    public static async Task<ConsolePage?> Refused(HttpContext http)
    {
        var me = (await ConsoleApi.Send(http, "{ me { role scopes } }", termsExempt: true)).Read<MeView>("me");
        var scopes = me?.Scopes ?? [];
        return scopes.Contains(RequiredScope) ? null : ConsolePage.For("Refused", Html.Of($"""
            <h1>Dashboards are for governance reviewers</h1>
            <p class="error" role="alert"><strong>FORBIDDEN</strong>: the dashboards chart governance reports, which need the <code>{RequiredScope}</code> scope.
            You are signed in as {Views.Shown(me?.Role)} with {(scopes.Count == 0 ? "no scope" : string.Join(" ", scopes))}, so the API refuses them to you.</p>
            <p>Governance reviewers hold <code>{RequiredScope}</code>. <a href="{ConsoleRegistration.PathBase}/">Back to the console's home</a>.</p>
            """), StatusCodes.Status403Forbidden);
    }

    /// <summary>403 if the API refused a report after all, 400 for anything else it refused (e.g. a wrong date).</summary>
    public static int Status(ApiAnswer answer) =>
        answer.Errors.Any(e => e.Code == ErrorCodes.Forbidden) ? StatusCodes.Status403Forbidden
        : answer.Failed ? StatusCodes.Status400BadRequest
        : StatusCodes.Status200OK;

    /// <summary>What the API refused (e.g. a wrong date), shown under the page's form.</summary>
    public static Html Problems(ApiAnswer answer) =>
        Html.Join(answer.Errors.Select(e => Html.Of($"<p class=\"error\" role=\"alert\"><strong>{e.Code}</strong>: {e.Message}</p>")));

    /// <summary>The days asked for, as given (the API validates them), or the last 30 Geneva days.</summary>
    public static (string From, string To) Range(HttpContext http, string? from, string? to)
    {
        var today = TermsOfUseBook.Today(http.RequestServices.GetRequiredService<IClock>().GetCurrentInstant());
        return (string.IsNullOrWhiteSpace(from) ? Day(today.PlusDays(-29)) : from.Trim(), string.IsNullOrWhiteSpace(to) ? Day(today) : to.Trim());
    }

    /// <summary>Every day from..to, so days without activity show as zero; none if the API refused the range.</summary>
    public static List<string> Days(string from, string to)
    {
        if (!LocalDatePattern.Iso.Parse(from).TryGetValue(default, out var first) || !LocalDatePattern.Iso.Parse(to).TryGetValue(default, out var last))
        {
            return [];
        }

        var days = new List<string>();
        for (var day = first; day <= last && days.Count <= 366; day = day.PlusDays(1))
        {
            days.Add(Day(day));
        }

        return days;
    }

    public static string Day(LocalDate day) => LocalDatePattern.Iso.Format(day);

    /// <summary>"2026-11-24" under a bar reads as "24 Nov".</summary>
    public static string ShortDay(string day) =>
        LocalDatePattern.Iso.Parse(day).TryGetValue(default, out var date) ? LocalDatePattern.CreateWithInvariantCulture("d MMM").Format(date) : day;

    public static Html RangeForm(string action, string from, string to, Html more) => Html.Of($"""
        <form method="get" action="{action}" class="range">
          <label for="from">From</label>
          <input id="from" name="from" type="date" value="{from}">
          <label for="to">To</label>
          <input id="to" name="to" type="date" value="{to}">
          {more}
          <button type="submit">Show</button>
        </form>
        """);

    /// <summary>A report's rows, read once and strictly (<see cref="Strict"/>); none where the API refused the report.</summary>
    public static List<T> Rows<T>(ApiAnswer answer, string field) => answer.Data[field]?.Deserialize<List<T>>(Strict) ?? [];

    public static Html BackLink() => Html.Of($"""<p><a href="{Path}">All dashboards</a></p>""");
}
