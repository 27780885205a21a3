using GidSandbox.Access;
using GraphQL.Types;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// The console's pages in its navigation, each offered only to a user who can use it: a page is built on a query of the
/// API, and the user's token must pass that query's own scope check (<see cref="ScopeRule.Admits"/>), which is what
/// refuses the page otherwise. The duplicate queue, which offers writes, has a rule of its own (<see cref="DuplicatesPage.MayUse"/>).
/// </summary>
public static class ConsoleNavigation
{
    public sealed record Page(string Label, string Path, Func<HttpContext, bool> MayUse);

    public static readonly IReadOnlyList<Page> Pages =
    [
        new("Home", ConsoleRegistration.PathBase + "/", BuiltOn("me")),
        new("My records", MyRecordsPage.Path, BuiltOn("myRecords")),
        new("Search", SearchPage.Path, BuiltOn("searchIdentities")),
        new("Duplicates", DuplicatesPage.Path, DuplicatesPage.MayUse),
        new("Challenges", ChallengesPage.Path, BuiltOn("challengeInbox")),
        new("Audit trail", AuditTrail.AuditTrailPage.Path, BuiltOn("auditTrail")),
        new("GraphiQL", GraphiQLPage.Path, BuiltOn("changes")),
        new("Dashboards", Dashboards.Dashboards.Path, BuiltOn("termsAcceptanceReport")),
        new("Terms of Use", TermsPage.Path, BuiltOn("termsOfUse")),
    ];

    /// <summary>The pages the signed-in user can use, in the navigation's order.</summary>
    public static IEnumerable<Page> For(HttpContext http) => Pages.Where(p => p.MayUse(http));

    private static Func<HttpContext, bool> BuiltOn(string query) => http =>
        http.RequestServices.GetRequiredService<ISchema>().Query.GetField(query) is { } field
            ? ScopeRule.Admits(field, http.User.Holds)
            : throw new InvalidOperationException($"The console's navigation names the query {query}, which the API does not have.");
}
