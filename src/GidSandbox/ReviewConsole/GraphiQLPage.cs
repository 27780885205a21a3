using System.Text.Json;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// GraphiQL, bundled from its npm package at build time and served by the sandbox (no CDN),
/// calling /graphql with the signed-in user's access token, opened on example operations.
/// </summary>
public static class GraphiQLPage
{
    public const string Path = ConsoleRegistration.PathBase + "/graphiql";

    public static readonly IReadOnlyList<(string Title, string Query)> Examples =
    [
        ("Who am I", "# Who the console's token speaks for, and your office's Terms standing.\nquery WhoAmI {\n  me { office clientId name role scopes termsStatus termsVersion }\n}\n"),
        ("Terms of Use", "# The Terms in force; accept them with acceptTermsOfUse(version, sha256).\nquery TermsOfUse {\n  termsOfUse { version sha256 effectiveDate gracePeriodDays }\n}\n"),
        ("Look up a GID", "# Any spelling of a GID works; a merged one answers with mergedInto.\nquery LookUpGid($gid: Gid!) {\n  identity(gid: $gid) {\n    gid kind status mergedInto\n    names { text script type primary }\n    externalIdentifiers { scheme issuer value }\n  }\n}\n"),
        ("Resolve an applicant number", "# The identity an office's local identifier is linked to.\nquery ResolveApplicantNumber {\n  resolveExternalId(scheme: \"applicant-number\", value: \"520000123\", issuer: \"JP\") { gid names { text } }\n}\n"),
        ("History and as-of", "# Every event with who, when and under which Terms; then the identity as it was.\nquery HistoryAndAsOf($gid: Gid!, $at: Instant!) {\n  identityHistory(gid: $gid) { version type recordedAt office clientId termsVersion reason }\n  identityAsOf(gid: $gid, at: $at) { version names { text } }\n}\n"),
        ("Register a legal entity", "# Needs gid:write; mock data only.\nmutation RegisterLegalEntity {\n  registerLegalEntity(input: {\n    names: [{ text: \"Example Widgets Ltd\", script: \"Latn\" }]\n    country: \"GB\"\n  }) { identity { gid version } }\n}\n"),
    ];

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/graphiql", (HttpContext http) =>
        {
            if (!File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, ConsoleRegistration.AssetsFolder, "graphiql", "graphiql.js")))
            {
                return ConsolePage.For("GraphiQL", Html.Of($"""
                    <h1>GraphiQL</h1>
                    <p role="alert">GraphiQL was not built with this copy of the sandbox: build it with <code>dotnet build</code> (needs Node.js and npm).</p>
                    """), StatusCodes.Status503ServiceUnavailable);
            }

            var examples = JsonSerializer.Serialize(Examples.Select(e => new { e.Title, query = e.Query }));
            return ConsolePage.For("GraphiQL", Html.Of($"""
                <h1 class="visually-hidden">GraphiQL</h1>
                <link rel="stylesheet" href="{ConsoleRegistration.PathBase}/assets/graphiql/graphiql.css">
                <div id="graphiql" class="graphiql" data-endpoint="/graphql" data-token="{ConsoleSession.Of(http).AccessToken}">Loading GraphiQL…</div>
                <script type="application/json" id="graphiql-examples">{new Html(examples)}</script>
                <script src="{ConsoleRegistration.PathBase}/assets/graphiql/graphiql.js" defer></script>
                """)).WithInlineStyles();
        });
}
