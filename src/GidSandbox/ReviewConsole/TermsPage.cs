using Microsoft.AspNetCore.Antiforgery;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// The Terms of Use in force, and the way to accept them for your office. Reached by itself, or
/// whenever the API answers TERMS_NOT_ACCEPTED: until the office accepts, nothing else works.
/// </summary>
public static class TermsPage
{
    /// <summary>The Terms of Use in force (<c>termsOfUse</c>).</summary>
    private sealed record TermsView(string Version, string Sha256, string Text, string EffectiveDate);

    public const string Path = ConsoleRegistration.PathBase + "/terms";

    private const string TermsQuery = "{ me { office role termsStatus standing { acceptedVersion } } termsOfUse { version sha256 text effectiveDate } }";

    private const string Accept = "mutation ($version: String!, $sha256: String!) { acceptTermsOfUse(version: $version, sha256: $sha256) { office acceptedVersion } }";

    public static void Map(RouteGroupBuilder console)
    {
        // The explicit return type keeps this from binding as a RequestDelegate, which would drop the page.
        console.MapGet("/terms", Task<IResult> (HttpContext http) => Show(http, problem: null));

        console.MapPost("/terms", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; reload the Terms page and try again.");
            }

            var form = await http.Request.ReadFormAsync();
            var answer = await ConsoleApi.Send(http, Accept, new { version = form["version"].ToString(), sha256 = form["sha256"].ToString() }, termsExempt: true);
            return answer.Failed ? await Show(http, answer.Errors[0]) : Results.Redirect(ConsoleRegistration.PathBase + "/");
        });
    }

    private static async Task<IResult> Show(HttpContext http, ApiError? problem)
    {
        var answer = await ConsoleApi.Send(http, TermsQuery, termsExempt: true);
        var me = answer.Read<MeView>("me");
        var terms = answer.Read<TermsView>("termsOfUse");
        var status = me?.TermsStatus;
        var office = Views.Shown(me?.Office);
        var standing = status switch
        {
            "ACCEPTED" => Html.Of($"<p role=\"status\">Your office ({office}) has accepted version {Views.Shown(terms?.Version)}.</p>"),
            "GRACE_PERIOD" => Html.Of($"<p class=\"notice\" role=\"status\">Your office ({office}) accepted an earlier version and keeps access during the grace period. Accept this version to keep working after it.</p>"),
            _ => Html.Of($"<p class=\"notice\" role=\"alert\">Your office ({office}) has not accepted the Terms of Use in force. The API refuses every other request until it does.</p>"),
        };
        var acceptForm = terms is not null && status != "ACCEPTED"
            ? Html.Of($"""
                <form method="post" action="{Path}">
                  {ConsolePage.AntiforgeryField(http)}
                  <input type="hidden" name="version" value="{terms.Version}">
                  <input type="hidden" name="sha256" value="{terms.Sha256}">
                  <p>Accepting binds your office, {office}, to version {terms.Version} (SHA-256 <code>{terms.Sha256}</code>).</p>
                  <button type="submit">Accept the Terms of Use for {office}</button>
                </form>
                """)
            : Html.Empty;
        var error = problem is null ? Html.Empty : Html.Of($"<p class=\"error\" role=\"alert\"><strong>{problem.Code}</strong>: {problem.Message}</p>");
        var text = terms is null
            ? Html.Of($"<p>No Terms of Use are in force.</p>")
            : Html.Of($"""
                <p>Version {terms.Version}, in force from {terms.EffectiveDate}.</p>
                <pre class="terms" tabindex="0" aria-label="Text of the Terms of Use">{terms.Text}</pre>
                """);
        return ConsolePage.For("Terms of Use", Html.Of($"""
            <h1>Terms of Use</h1>
            {standing}
            {error}
            {text}
            {acceptForm}
            """), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
