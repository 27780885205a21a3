namespace GidSandbox.ReviewConsole;

/// <summary>The console's home: who you are to the API, your office's Terms standing, and a lookup by GID.</summary>
public static class HomePage
{
    public const string MeQuery = "{ me { office clientId name role scopes termsStatus termsVersion standing { acceptedVersion } } }";

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/", async (HttpContext http) =>
        {
            if (MyRecordsPage.IsApplicant(http))
            {
                return Results.Redirect(MyRecordsPage.Path); // an applicant's console is their own records
            }

            var answer = await ConsoleApi.Send(http, MeQuery, termsExempt: true);
            var me = answer.Read<MeView>("me")!;
            // Governance is never held to the Terms; everyone else works only once their office has accepted them.
            if (me.TermsStatus == "NOT_ACCEPTED" && me.Role != "GOVERNANCE")
            {
                return Results.Redirect(TermsPage.Path);
            }

            var scopes = me.Scopes!.Select(s => Html.Of($"<li><code>{s}</code></li>"));
            var grace = me.TermsStatus == "GRACE_PERIOD"
                ? Html.Of($"""<p class="notice" role="status">A new version of the Terms of Use is in force; your office keeps access during its grace period. <a href="{TermsPage.Path}">Read and accept it</a>.</p>""")
                : Html.Empty;
            return ConsolePage.For("Home", Html.Of($"""
                <h1>GID Sandbox console</h1>
                {grace}
                <section aria-labelledby="you">
                  <h2 id="you">You</h2>
                  <dl class="facts">
                    <dt>User</dt><dd>{Views.Shown(me.Name)}</dd>
                    <dt>Office</dt><dd>{Views.Shown(me.Office)}</dd>
                    <dt>Role</dt><dd>{Views.Shown(me.Role)}</dd>
                    <dt>Terms of Use</dt><dd>{Views.Shown(me.TermsStatus)} (version {Views.Shown(me.TermsVersion)})</dd>
                    <dt>Scopes</dt><dd><ul class="inline">{scopes}</ul></dd>
                  </dl>
                </section>
                <section aria-labelledby="lookup">
                  <h2 id="lookup">Look up a GID</h2>
                  <form method="get" action="{IdentityPage.LookupPath}" class="lookup">
                    <label for="gid">GID</label>
                    <input id="gid" name="gid" required placeholder="GID-1234-5678-9012-3451" autocomplete="off" spellcheck="false">
                    <button type="submit">Open</button>
                  </form>
                </section>
                <section aria-labelledby="search">
                  <h2 id="search">Search by name or identifier</h2>
                  <form method="get" action="{SearchPage.Path}" class="lookup" role="search" aria-label="Identities">
                    <label for="q">Name, identifier or GID</label>
                    <input id="q" name="q" type="search" required autocomplete="off" spellcheck="false">
                    <button type="submit">Search</button>
                  </form>
                </section>
                """));
        });
    }
}
