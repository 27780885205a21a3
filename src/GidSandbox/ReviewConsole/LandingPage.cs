namespace GidSandbox.ReviewConsole;

/// <summary>
/// The sandbox's front door at <c>/</c>: what it is and where to go (the console, GraphiQL, the API's schema,
/// the governance documents, served as written), and styled pages for addresses that lead nowhere.
/// </summary>
public static class LandingPage
{
    public const string DocumentsPath = "/documents";

    /// <summary>The documents served beside the sandbox, from its output folder, by file name.</summary>
    public static readonly IReadOnlyList<(string File, string Title)> Documents =
    [
        ("governance-framework.md", "Governance framework: roles, decisions, change control"),
        ("data-protection.md", "Data protection statement"),
        ("audit-verification.md", "Verifying the audit trail"),
        ("incident-procedure.md", "Incident procedure"),
        ("terms-of-use/v1.0.md", "Terms of Use, version 1.0"),
        ("schema.graphql", "The GraphQL API's schema (SDL): every query, mutation and field, described"),
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => ConsolePage.Plain("GID Sandbox", Html.Of($"""
            <h1>GID Sandbox</h1>
            <p class="lead">The sandbox of the Global Identifier (GID) project of the WIPO Committee on WIPO Standards: one persistent identifier
            for every person and legal entity in IP records, so that one applicant spelt many ways at many offices resolves to one party.
            Participating IP offices and industry associations try it here with <strong>mock data only</strong>, under the Terms of Use.</p>
            <ul class="doors">
              <li><a href="{ConsoleRegistration.PathBase}/"><strong>Review console</strong></a> — sign in as an examiner or a governance reviewer: search, tell namesakes apart, review duplicates, challenge data, read the audit trail.</li>
              <li><a href="{GraphiQLPage.Path}"><strong>GraphiQL</strong></a> — try the API in the browser with your console session's token, from ready-made examples.</li>
              <li><a href="{DocumentsPath}/schema.graphql"><strong>API reference</strong></a> — the GraphQL schema; programs call <code>POST /graphql</code> with a client-credentials token from <code>/connect/token</code> (discovery at <a href="/.well-known/openid-configuration"><code>/.well-known/openid-configuration</code></a>).</li>
            </ul>
            <h2>Governance documents</h2>
            <ul>{Documents.Where(d => d.File.EndsWith(".md", StringComparison.Ordinal)).Select(d => Html.Of($"<li><a href=\"{DocumentsPath}/{d.File}\">{d.Title}</a></li>"))}</ul>
            """)));

        app.MapGet(DocumentsPath + "/{**file}", (string file) =>
        {
            var known = Documents.FirstOrDefault(d => d.File == file);
            var path = Path.Combine(AppContext.BaseDirectory, "governance", file);
            if (known.File is null || !File.Exists(path))
            {
                return NotFound();
            }

            return file.EndsWith(".graphql", StringComparison.Ordinal)
                ? Results.Text(File.ReadAllText(path), "text/plain; charset=utf-8")
                : ConsolePage.Plain(known.Title, Html.Of($"""
                    <p><a href="/">GID Sandbox</a> › governance documents</p>
                    <h1>{known.Title}</h1>
                    <pre class="document">{File.ReadAllText(path)}</pre>
                    """));
        });

        // A browser that asks for a page that is not there gets a page that says so; programs keep their bare status.
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed
                && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                await NotFound(http.Response.StatusCode).ExecuteAsync(http);
            }
        });
    }

    /// <summary>
    /// An unexpected failure (logged by the middleware): a browser gets a page that says so, with a reference to quote;
    /// programs get a bare 500. Database outages never come here: Availability answers them with 503 first.
    /// </summary>
    public static void UseErrorPage(WebApplication app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandler = async http =>
        {
            if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                await ConsolePage.Plain("Something went wrong", Html.Of($"""
                    <h1>Something went wrong</h1>
                    <p role="alert">The sandbox failed while answering this page. The failure was logged.</p>
                    <p>Go back and try again. If it happens again, report it with this reference: <code>{http.TraceIdentifier}</code></p>
                    <p>Go to <a href="/">the GID Sandbox's front page</a> or straight to <a href="{ConsoleRegistration.PathBase}/">the review console</a>.</p>
                    """), StatusCodes.Status500InternalServerError).ExecuteAsync(http);
            }
        },
    });

    private static ConsolePage NotFound(int status = StatusCodes.Status404NotFound) => ConsolePage.Plain("Not found", Html.Of($"""
        <h1>{(status == StatusCodes.Status404NotFound ? "There is no page here" : "This address does not take that request")}</h1>
        <p role="alert">The address may be mistyped, or the page has moved.</p>
        <p>Go to <a href="/">the GID Sandbox's front page</a> or straight to <a href="{ConsoleRegistration.PathBase}/">the review console</a>.</p>
        """), status);
}
