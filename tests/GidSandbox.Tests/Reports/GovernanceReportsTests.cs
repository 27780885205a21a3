using System.Text.Json.Nodes;
using GidSandbox.Terms;

namespace GidSandbox.Tests.Reports;

[Collection(SandboxCollection.Name)]
public sealed class GovernanceReportsTests(SandboxFixture sandbox)
{
    private const string Usage = """
        query ($from: LocalDate!, $to: LocalDate!, $office: String) { usageReport(from: $from, to: $to, office: $office) { office day requests writes refusals { code count } } }
        """;

    private const string Registrations = """
        query ($from: LocalDate!, $to: LocalDate!) { registrationsReport(from: $from, to: $to) { day office registrations merges } }
        """;

    private const string Duplicates = """
        query ($countries: [CountryCode!]!, $minScore: Float) { duplicateCandidatesReport(countries: $countries, minScore: $minScore) { country kind outstanding complete } }
        """;

    private string Today => TermsOfUseBook.Today(sandbox.Clock.GetCurrentInstant()).ToString("uuuu-MM-dd", null);

    [Fact]
    public async Task the_terms_acceptance_report_lists_every_participant_with_the_versions_it_accepted()
    {
        var rows = (await sandbox.Data("{ termsAcceptanceReport { office role version firstAcceptedAt acceptedBy inForce suspended } }", client: Clients.Governance))["termsAcceptanceReport"]!.AsArray();

        var ep = Assert.Single(rows, r => r!["office"]!.GetValue<string>() == "EP")!;
        Assert.Equal(("1.0", true, Clients.Default, "OFFICE"), (ep["version"]!.GetValue<string>(), ep["inForce"]!.GetValue<bool>(), ep["acceptedBy"]!.GetValue<string>(), ep["role"]!.GetValue<string>()));
        Assert.Contains(rows, r => r!["office"]!.GetValue<string>() == "INTA" && r["role"]!.GetValue<string>() == "ASSOCIATION");
        Assert.All(rows.Where(r => r!["version"] is null), r => Assert.Null(r!["firstAcceptedAt"]));
        Assert.Equal(["BR", "CEPIUG", "CN", "DE", "EP", "GB", "IB", "INTA", "JP", "KR", "PDG", "SA", "US"], rows.Select(r => r!["office"]!.GetValue<string>()).Distinct());
    }

    private async Task<JsonNode> UsageToday(string office)
    {
        var rows = (await sandbox.Data(Usage, new { from = Today, to = Today, office }, Clients.Governance))["usageReport"]!.AsArray();
        return rows.SingleOrDefault() ?? JsonNode.Parse("""{"requests":0,"writes":0,"refusals":[]}""")!;
    }

    private static long Refusals(JsonNode row, string code) =>
        row["refusals"]!.AsArray().Where(r => r!["code"]!.GetValue<string>() == code).Sum(r => r!["count"]!.GetValue<long>());

    [Fact]
    public async Task the_usage_report_counts_requests_writes_and_refusals_by_code_per_office_per_day()
    {
        var client = Clients.OfficeWithoutMerge;
        await sandbox.AcceptCurrentTerms(client);
        var before = await UsageToday("DE");

        await sandbox.Data("{ me { office } }", client: client);
        await sandbox.Data(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = "Usage KK", script = "Latn" } }, country = "JP" } }, client);
        await sandbox.Error("query { refusedWrites(office: \"DE\") { code } }", client: client);
        await sandbox.Error("query { changes(first: 0) { hasMore } }", client: client);
        await sandbox.Error("query { identity(gid: \"GID-1234\") { gid } }", expectedStatus: 400, client: client);
        var after = await UsageToday("DE");

        Assert.Equal(5, after["requests"]!.GetValue<long>() - before["requests"]!.GetValue<long>());
        Assert.Equal(1, after["writes"]!.GetValue<long>() - before["writes"]!.GetValue<long>());
        Assert.Equal(1, Refusals(after, "FORBIDDEN") - Refusals(before, "FORBIDDEN"));
        Assert.Equal(2, Refusals(after, "VALIDATION_FAILED") - Refusals(before, "VALIDATION_FAILED"));
        Assert.Equal(Today, after["day"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_registrations_report_counts_registrations_and_merges_per_day_and_office()
    {
        async Task<(long Registrations, long Merges)> Today_()
        {
            var rows = (await sandbox.Data(Registrations, new { from = Today, to = Today }, Clients.Governance))["registrationsReport"]!.AsArray();
            var ep = rows.Where(r => r!["office"]!.GetValue<string>() == "EP").ToList();
            return (ep.Sum(r => r!["registrations"]!.GetValue<long>()), ep.Sum(r => r!["merges"]!.GetValue<long>()));
        }

        var before = await Today_();
        var survivor = await sandbox.ALegalEntity("Report Survivor Ltd", "GB");
        var merged = await sandbox.ALegalEntity("Report Merged Ltd", "GB");
        await sandbox.Data("mutation ($s: Gid!, $m: Gid!) { mergeIdentities(input: { survivor: $s, merged: $m, reason: \"Same company\" }) { identity { gid } } }",
            new { s = survivor.Gid(), m = merged.Gid() });
        var after = await Today_();

        Assert.Equal((2L, 1L), (after.Registrations - before.Registrations, after.Merges - before.Merges));
    }

    [Fact]
    public async Task the_duplicate_candidates_report_counts_outstanding_pairs_per_country_and_kind_until_they_are_merged()
    {
        async Task<JsonArray> Norway() => (await sandbox.Data(Duplicates, new { countries = new[] { "NO" } }, Clients.Governance))["duplicateCandidatesReport"]!.AsArray();
        static int Outstanding(JsonArray rows, string kind) => rows.Single(r => r!["kind"]!.GetValue<string>() == kind)!["outstanding"]!.GetValue<int>();

        var before = await Norway();
        var word = Given.UniqueWord();
        var first = await sandbox.ALegalEntity($"{word} Skipsverft AS", "NO");
        var second = await sandbox.ALegalEntityDespiteDuplicates($"{word} Skipsverft AS", "NO");
        var withPair = await Norway();
        await sandbox.Data("mutation ($s: Gid!, $m: Gid!) { mergeIdentities(input: { survivor: $s, merged: $m, reason: \"Same company\" }) { identity { gid } } }",
            new { s = first.Gid(), m = second.Gid() });
        var merged = await Norway();

        Given.AssertJson($$"""
            [ { "country": "NO", "kind": "NATURAL_PERSON", "outstanding": {{Outstanding(before, "NATURAL_PERSON")}}, "complete": true },
              { "country": "NO", "kind": "LEGAL_ENTITY", "outstanding": {{Outstanding(before, "LEGAL_ENTITY") + 1}}, "complete": true } ]
            """, withPair);
        Given.AssertJson(before.ToJsonString(), merged);
    }

    [Theory]
    [InlineData(1.5, new[] { "NO" }, "minScore")]
    [InlineData(-0.1, new[] { "NO" }, "minScore")]
    [InlineData(0.9, new string[0], "countries")]
    [InlineData(0.9, new[] { "AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IT", "NO" }, "countries")]
    public async Task a_duplicate_candidates_report_with_a_score_out_of_range_or_too_many_countries_is_refused(double minScore, string[] countries, string field)
    {
        var error = await sandbox.Error(Duplicates, new { countries, minScore }, client: Clients.Governance);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal([field], error.Fields());
    }

    [Fact]
    public async Task an_inverted_or_too_long_range_is_refused()
    {
        var inverted = await sandbox.Error(Registrations, new { from = "2026-11-25", to = "2026-11-01" }, client: Clients.Governance);
        var tooLong = await sandbox.Error(Usage, new { from = "2020-01-01", to = "2026-11-01" }, client: Clients.Governance);

        Assert.Equal(("VALIDATION_FAILED", "VALIDATION_FAILED"), (inverted.Code(), tooLong.Code()));
        Assert.Contains("inverted", inverted["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 366 days", tooLong["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ termsAcceptanceReport { office } }")]
    [InlineData("{ duplicateCandidatesReport(countries: [\"NO\"]) { outstanding } }")]
    public async Task reports_need_audit_read(string query)
    {
        var error = await sandbox.Error(query);

        Assert.Equal("FORBIDDEN", error.Code());
    }
}
