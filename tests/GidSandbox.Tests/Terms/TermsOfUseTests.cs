using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;

namespace GidSandbox.Tests.Terms;

[Collection(SeparateSandboxCollection.Name)]
public sealed class TermsOfUseTests(SeparateSandboxFixture sandbox)
{
    private const string Lookup = "query ($gid: Gid!) { identity(gid: $gid) { gid } }";
    private const string Accept = "mutation ($v: String!, $h: String!) { acceptTermsOfUse(version: $v, sha256: $h) { office acceptedVersion } }";
    private const string Publish = """
        mutation ($v: String!, $t: String!, $d: LocalDate!, $g: Int!) {
          publishTermsOfUse(version: $v, text: $t, effectiveDate: $d, gracePeriodDays: $g) { version sha256 effectiveDate gracePeriodDays }
        }
        """;

    private static string ShippedText() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "governance", "terms-of-use", "v1.0.md"));

    [Fact]
    public async Task the_terms_in_force_are_the_shipped_text_with_its_sha256()
    {
        var terms = (await sandbox.Data("{ termsOfUse { version sha256 text effectiveDate gracePeriodDays } }", client: "office-br"))["termsOfUse"]!;
        var text = ShippedText();

        Assert.Equal("1.0", terms["version"]!.GetValue<string>());
        Assert.Equal(text, terms["text"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), terms["sha256"]!.GetValue<string>());
        Assert.Equal("2026-11-01", terms["effectiveDate"]!.GetValue<string>());
        Assert.Equal(30, terms["gracePeriodDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task an_office_that_has_not_accepted_can_only_read_the_terms_ask_who_it_is_and_accept()
    {
        const string client = "office-gb";
        var company = await sandbox.ALegalEntity();

        var refused = await sandbox.Error(Lookup, new { gid = company.Gid() }, client: client);
        var me = await sandbox.Data("{ me { office termsStatus termsVersion } }", client: client);

        Assert.Equal("TERMS_NOT_ACCEPTED", refused.Code());
        Assert.Contains("acceptTermsOfUse", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Given.AssertJson("""{ "me": { "office": "GB", "termsStatus": "NOT_ACCEPTED", "termsVersion": null } }""", me);

        await sandbox.AcceptCurrentTerms(client);

        Assert.Equal(company.Gid(), (await sandbox.Data(Lookup, new { gid = company.Gid() }, client))["identity"]!["gid"]!.GetValue<string>());
    }

    [Fact]
    public async Task acceptance_with_a_wrong_hash_or_an_unknown_version_is_refused_and_stores_nothing()
    {
        const string client = "office-br";
        var events = await sandbox.CountEvents();

        var wrongHash = await sandbox.Error(Accept, new { v = "1.0", h = new string('0', 64) }, client: client);
        var unknown = await sandbox.Error(Accept, new { v = "9.9", h = new string('0', 64) }, client: client);

        Assert.Equal(("VALIDATION_FAILED", "VALIDATION_FAILED"), (wrongHash.Code(), unknown.Code()));
        Assert.Equal(["sha256"], wrongHash.Fields());
        Assert.Equal(["version"], unknown.Fields());
        Assert.Equal(events, await sandbox.CountEvents());
    }

    [Fact]
    public async Task writes_record_the_terms_version_in_force()
    {
        var company = await sandbox.ALegalEntity();

        var history = (await sandbox.Data("query ($gid: Gid!) { identityHistory(gid: $gid) { termsVersion } }", new { gid = company.Gid() }))["identityHistory"]!;

        Assert.Equal("1.0", history[0]!["termsVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_new_version_gives_offices_a_grace_period_with_a_warning_then_blocks_them_until_they_accept()
    {
        var start = sandbox.Clock.GetCurrentInstant();
        try
        {
            var company = await sandbox.ALegalEntity();
            const string client = "office-kr";
            await sandbox.AcceptCurrentTerms(client);
            var today = start.InZone(DateTimeZoneProviders.Tzdb["Europe/Zurich"]).Date;
            var text = $"# GID Sandbox — Terms of Use, version {today:yyyyMMdd}\n\nStricter quotas.\n";
            var version = $"1.1-{Guid.NewGuid():N}"[..12];
            var published = (await sandbox.Data(Publish, new { v = version, t = text, d = today.PlusDays(10).ToString("uuuu-MM-dd", null), g = 5 }, Clients.Governance))["publishTermsOfUse"]!;

            var beforeEffective = await sandbox.GraphQL(Lookup, new { gid = company.Gid() }, client: client);
            sandbox.Clock.Advance(Duration.FromDays(12));
            var inGrace = await sandbox.GraphQL(Lookup, new { gid = company.Gid() }, client: client);
            sandbox.Clock.Advance(Duration.FromDays(5));
            var afterGrace = await sandbox.Error(Lookup, new { gid = company.Gid() }, client: client);
            await sandbox.Data(Accept, new { v = version, h = published["sha256"]!.GetValue<string>() }, client);
            var afterAccepting = await sandbox.GraphQL(Lookup, new { gid = company.Gid() }, client: client);

            Assert.Null(beforeEffective["extensions"]!["warnings"]);
            Assert.Equal(company.Gid(), inGrace["data"]!["identity"]!["gid"]!.GetValue<string>());
            Assert.Contains($"Version {version}", inGrace["extensions"]!["warnings"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("TERMS_NOT_ACCEPTED", afterGrace.Code());
            Assert.Null(afterAccepting["errors"]);
            Assert.Null(afterAccepting["extensions"]!["warnings"]);
        }
        finally
        {
            sandbox.Clock.Reset(start);
        }
    }

    [Fact]
    public async Task a_suspended_office_is_refused_everything_until_reinstated()
    {
        const string client = "office-cn";
        await sandbox.AcceptCurrentTerms(client);
        var company = await sandbox.ALegalEntity();
        const string suspend = "mutation ($o: String!, $r: String!) { suspendOffice(office: $o, reason: $r) { office suspended suspensionReason } }";
        const string reinstate = "mutation ($o: String!, $r: String!) { reinstateOffice(office: $o, reason: $r) { office suspended } }";

        var suspended = await sandbox.Data(suspend, new { o = "cn", r = "Loaded real applicant data" }, Clients.Governance);
        var refusedRead = await sandbox.Error(Lookup, new { gid = company.Gid() }, client: client);
        var refusedWrite = await sandbox.Error("mutation { registerLegalEntity(input: { names: [{ text: \"Blocked\", script: \"Latn\" }], country: \"CN\" }) { identity { gid } } }", client: client);
        var reinstated = await sandbox.Data(reinstate, new { o = "CN", r = "Data replaced with mock data" }, Clients.Governance);

        Given.AssertJson("""{ "suspendOffice": { "office": "CN", "suspended": true, "suspensionReason": "Loaded real applicant data" } }""", suspended);
        Assert.Equal(("OFFICE_SUSPENDED", "OFFICE_SUSPENDED"), (refusedRead.Code(), refusedWrite.Code()));
        Given.AssertJson("""{ "reinstateOffice": { "office": "CN", "suspended": false } }""", reinstated);
        Assert.Equal(company.Gid(), (await sandbox.Data(Lookup, new { gid = company.Gid() }, client))["identity"]!["gid"]!.GetValue<string>());
    }

    [Fact]
    public async Task only_governance_publishes_terms_or_suspends_offices()
    {
        var suspend = await sandbox.Error("mutation { suspendOffice(office: \"DE\", reason: \"x\") { office } }");
        var publish = await sandbox.Error(Publish, new { v = "2.0", t = "x", d = "2099-01-01", g = 1 });

        Assert.Equal(("FORBIDDEN", "FORBIDDEN"), (suspend.Code(), publish.Code()));
    }

    [Fact]
    public async Task a_publication_in_the_past_or_of_an_existing_version_is_refused()
    {
        var error = await sandbox.Error(Publish, new { v = "1.0", t = "again", d = "2020-01-01", g = 400 }, client: Clients.Governance);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["version", "effectiveDate", "gracePeriodDays"], error.Fields());
    }
}
