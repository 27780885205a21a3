using Microsoft.AspNetCore.Antiforgery;

namespace GidSandbox.ReviewConsole;

/// <summary>A console page in the shared layout, sent with headers that keep it private and script-free except for our own files.</summary>
public sealed class ConsolePage(string title, Html body, bool signedIn, int status = StatusCodes.Status200OK, string? styleSource = null) : IResult
{
    public static ConsolePage For(string title, Html body, int status = StatusCodes.Status200OK) => new(title, body, signedIn: true, status);

    /// <summary>A page for someone who is not (or no longer) signed in.</summary>
    public static ConsolePage Plain(string title, Html body, int status = StatusCodes.Status200OK) => new(title, body, signedIn: false, status);

    public static ConsolePage Refused(string message) =>
        Plain("Refused", Html.Of($"<h1>Refused</h1><p role=\"alert\">{message}</p>"), StatusCodes.Status400BadRequest);

    public ConsolePage WithInlineStyles() => new(title, body, signedIn, status, "'self' 'unsafe-inline'");

    public Task ExecuteAsync(HttpContext httpContext) => ExecuteAsync(httpContext, status);

    public async Task ExecuteAsync(HttpContext http, int statusCode)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src {styleSource ?? "'self'"}; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
            "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-cache, no-store"; // as antiforgery wants it, and never stored: pages show personal data and tokens
        headers.Pragma = "no-cache";
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Layout(http).Value, http.RequestAborted);
    }

    private Html Layout(HttpContext http)
    {
        var home = ConsoleRegistration.PathBase + "/";
        var user = signedIn ? http.User.FindFirst("name")?.Value ?? http.User.Identity?.Name : null;
        // Links to pages whose reads the person's token cannot make are left out; the pages still refuse them.
        var reviewer = http.User.Holds(GidSandbox.Access.Scopes.AuditRead);
        var nav = signedIn
            ? Html.Of($"""
                <nav aria-label="Console">
                  <ul>
                    <li><a href="{home}">Home</a></li>
                    {(MyRecordsPage.IsApplicant(http) ? Html.Of($"<li><a href=\"{MyRecordsPage.Path}\">My records</a></li>") : Html.Empty)}
                    <li><a href="{SearchPage.Path}">Search</a></li>
                    {(DuplicatesPage.MayUse(http) ? Html.Of($"<li><a href=\"{DuplicatesPage.Path}\">Duplicates</a></li>") : Html.Empty)}
                    <li><a href="{ChallengesPage.Path}">Challenges</a></li>
                    {(reviewer ? Html.Of($"<li><a href=\"{AuditTrail.AuditTrailPage.Path}\">Audit trail</a></li>") : Html.Empty)}
                    <li><a href="{ConsoleRegistration.PathBase}/graphiql">GraphiQL</a></li>
                    {(reviewer ? Html.Of($"<li><a href=\"{Dashboards.Dashboards.Path}\">Dashboards</a></li>") : Html.Empty)}
                    <li><a href="{ConsoleRegistration.PathBase}/terms">Terms of Use</a></li>
                  </ul>
                </nav>
                <form class="sign-out" method="post" action="{ConsoleSignIn.SignOutPath}">
                  <span>Signed in as <strong>{user}</strong></span>
                  {AntiforgeryField(http)}
                  <button type="submit">Sign out</button>
                </form>
                """)
            : Html.Empty;
        return Html.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · GID Sandbox console</title>
            <link rel="stylesheet" href="{ConsoleRegistration.PathBase}/assets/console.css">
            <script src="{ConsoleRegistration.PathBase}/assets/console.js" defer></script>
            </head>
            <body{SessionEnds(http)}>
            <a class="skip" href="#main">Skip to content</a>
            <header>
              <a class="brand" href="{home}">GID Sandbox console</a>
              {nav}
            </header>
            <main id="main" tabindex="-1">
            {body}
            </main>
            <footer><p>GID Sandbox · mock data only · everything here goes through the GraphQL API with your own access token.</p></footer>
            </body>
            </html>
            """);
    }

    /// <summary>When the signed-in session ends, for the warning console.js shows before it does.</summary>
    private Html SessionEnds(HttpContext http) =>
        signedIn && http.Items[typeof(ConsoleSession)] is ConsoleSession { ExpiresAt: { } ends }
            ? Html.Of($" data-session-ends=\"{ends.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}\"")
            : Html.Empty;

    /// <summary>The hidden antiforgery field every console form carries.</summary>
    public static Html AntiforgeryField(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }
}
