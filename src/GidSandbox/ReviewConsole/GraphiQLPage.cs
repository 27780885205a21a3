using System.Text.Json;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// GraphiQL, bundled from its npm package at build time and served by the sandbox (no CDN),
/// calling /graphql with the signed-in user's access token, opened on example operations.
/// </summary>
public static class GraphiQLPage
{
    public const string Path = ConsoleRegistration.PathBase + "/graphiql";

    /// <summary>The starter tabs, each runnable as shipped: variables filled from the registry as it is when the page opens.</summary>
    public static IReadOnlyList<(string Title, string Query, object? Variables)> Examples(Sample sample, string uniqueWord) =>
    [
        ("Who am I", "# Who the console's token speaks for, and your office's Terms standing.\nquery WhoAmI {\n  me { office clientId name role scopes termsStatus termsVersion }\n}\n", null),
        ("Terms of Use", "# The Terms in force; accept them with acceptTermsOfUse(version, sha256).\nquery TermsOfUse {\n  termsOfUse { version sha256 effectiveDate gracePeriodDays }\n}\n", null),
        ("Look up a GID", "# Any spelling of a GID works; a merged one answers with mergedInto.\nquery LookUpGid($gid: Gid!) {\n  identity(gid: $gid) {\n    gid kind status mergedInto\n    names { text script type primary }\n    externalIdentifiers { scheme issuer value }\n  }\n}\n", new { gid = sample.Gid }),
        ("Resolve an applicant number", "# The identity an office's local identifier is linked to (null when none is).\nquery ResolveApplicantNumber($scheme: String!, $value: String!, $issuer: String!) {\n  resolveExternalId(scheme: $scheme, value: $value, issuer: $issuer) { gid names { text } }\n}\n", new { scheme = sample.Scheme, value = sample.Value, issuer = sample.Issuer }),
        ("History and as-of", "# Every event with who, when and under which Terms; then the identity as it was.\nquery HistoryAndAsOf($gid: Gid!, $at: Instant!) {\n  identityHistory(gid: $gid) { version type recordedAt office clientId termsVersion reason }\n  identityAsOf(gid: $gid, at: $at) { version names { text } }\n}\n", new { gid = sample.Gid, at = sample.At }),
        ("Register a legal entity", "# Needs gid:write; mock data only. Run it again and the idempotency key answers with the same GID (replayed: true)\n# instead of registering twice; for another party, change the name and the key.\nmutation RegisterLegalEntity($name: String!, $key: String!) {\n  registerLegalEntity(input: {\n    names: [{ text: $name, script: \"Latn\" }]\n    country: \"GB\"\n    idempotencyKey: $key\n  }) { identity { gid version } replayed }\n}\n", new { name = $"Example {uniqueWord} Widgets Ltd", key = $"graphiql-example-{uniqueWord}" }),
    ];

    /// <summary>A live identity for the examples, and one office's identifier linked to it (or made-up values that resolve to null).</summary>
    public sealed record Sample(string Gid, string At, string Scheme, string Value, string Issuer);

    private const string SampleQuery = """
        { changes(first: 100) { changes { gid } } }
        """;

    private const string IdentitiesQuery = """
        query ($gids: [Gid!]!) { identities(gids: $gids) { gid status externalIdentifiers { scheme issuer value } } }
        """;

    /// <summary>The latest changes (<c>changes</c>): where a live identity is likely found.</summary>
    private sealed record ChangePage(IReadOnlyList<Change> Changes);

    private sealed record Change(string Gid);

    /// <summary>A changed identity, as the examples need it (<c>identities</c>).</summary>
    private sealed record SampleIdentity(string Gid, string? Status, IReadOnlyList<ExternalIdView> ExternalIdentifiers);

    private static async Task<Sample> SampleAsync(HttpContext http)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var changes = (await ConsoleApi.Send(http, SampleQuery)).Read<ChangePage>("changes")?.Changes ?? [];
        var gids = changes.Select(c => c.Gid).Distinct().Take(50).ToList();
        var identities = gids.Count == 0
            ? []
            : (await ConsoleApi.Send(http, IdentitiesQuery, new { gids })).Read<List<SampleIdentity?>>("identities") ?? [];
        var live = identities.OfType<SampleIdentity>().Where(i => i.Status == "ACTIVE").ToList();
        var gid = live.FirstOrDefault()?.Gid ?? "GID-0000-0000-0000-0000";
        return live.SelectMany(i => i.ExternalIdentifiers).FirstOrDefault() is { Scheme: { } scheme, Value: { } value, Issuer: { } issuer }
            ? new Sample(gid, now, scheme, value, issuer)
            : new Sample(gid, now, "applicant-number", "520000123", "JP");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/graphiql", async (HttpContext http) =>
        {
            if (!File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, ConsoleRegistration.AssetsFolder, "graphiql", "graphiql.js")))
            {
                return ConsolePage.For("GraphiQL", Html.Of($"""
                    <h1>GraphiQL</h1>
                    <p role="alert">GraphiQL was not built with this copy of the sandbox: build it with <code>dotnet build</code> (needs Node.js and npm).</p>
                    """), StatusCodes.Status503ServiceUnavailable);
            }

            var examples = JsonSerializer.Serialize(
                Examples(await SampleAsync(http), Guid.NewGuid().ToString("N")[..8]).Select(e => new { e.Title, query = e.Query, variables = e.Variables is null ? null : JsonSerializer.Serialize(e.Variables, Indented) }));
            return ConsolePage.For("GraphiQL", Html.Of($"""
                <h1 class="visually-hidden">GraphiQL</h1>
                <link rel="stylesheet" href="{ConsoleRegistration.PathBase}/assets/graphiql/graphiql.css">
                <div id="graphiql" class="graphiql" data-endpoint="/graphql" data-token="{ConsoleSession.Of(http).AccessToken}">Loading GraphiQL…</div>
                <script type="application/json" id="graphiql-examples">{new Html(examples)}</script>
                <script src="{ConsoleRegistration.PathBase}/assets/graphiql/graphiql.js" defer></script>
                """)).WithInlineStyles();
        });
}
