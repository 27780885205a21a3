using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GidSandbox.Terms;
using NodaTime.Text;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The dashboards chart the governance reports for reviewers and refuse everyone without audit:read.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class DashboardTests(SandboxFixture sandbox)
{
    private const string MergeQuery = "mutation ($s: Gid!, $m: Gid!) { mergeIdentities(input: { survivor: $s, merged: $m, reason: \"Same company\" }) { identity { gid } } }";

    public static TheoryData<string> Pages() =>
        ["/console/dashboards", "/console/dashboards/terms", "/console/dashboards/usage", "/console/dashboards/registrations", "/console/dashboards/duplicates"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task every_dashboard_sends_a_visitor_without_a_session_to_sign_in(string page)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var response = await visitor.Get(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connect/authorize", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task an_examiner_without_audit_read_is_refused_every_dashboard(string page)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var response = await visitor.SignInToConsole("examiner-de", page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Dashboards are for governance reviewers", html, StringComparison.Ordinal);
        Assert.Contains("You are signed in as OFFICE with gid:read gid:write offline_access openid, so the API refuses them to you.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<figure", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_association_analyst_is_refused_the_dashboards_too()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var response = await visitor.SignInToConsole("analyst-inta", "/console/dashboards/usage");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<code>audit:read</code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reviewer_finds_the_four_dashboards_from_the_navigation()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var home = await visitor.SignInToConsole("reviewer");
        var index = await visitor.Get("/console/dashboards");
        var html = await index.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"/console/dashboards\">Dashboards</a>", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(
            ["/console/dashboards/terms", "/console/dashboards/usage", "/console/dashboards/registrations", "/console/dashboards/duplicates"],
            LinkUnder().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task the_registrations_chart_shows_the_numbers_of_the_report_including_a_merge()
    {
        var word = Given.UniqueWord();
        var survivor = await sandbox.ALegalEntity($"{word} Dashboard Holdings Ltd", "NZ");
        var merged = await sandbox.ALegalEntityDespiteDuplicates($"{word} Dashboard Holdings Ltd", "NZ");
        await sandbox.Data(MergeQuery, new { s = survivor.Gid(), m = merged.Gid() });
        var today = Today();
        var report = (await sandbox.Data(
            "query ($d: LocalDate!) { registrationsReport(from: $d, to: $d) { office registrations merges } }", new { d = today }, Clients.Governance))["registrationsReport"]!.AsArray();
        var (registrations, merges) = (Sum(report, "registrations"), Sum(report, "merges"));
        var ep = report.Single(r => r!["office"]!.GetValue<string>() == "EP")!;
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", $"/console/dashboards/registrations?from={today}&to={today}");
        var html = Compact(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(merges >= 1);
        Assert.Contains($"<tr><th scope=\"row\">{today}</th><td>{N(registrations)}</td><td>{N(merges)}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th scope=\"row\">EP</th><td>{N(ep["registrations"]!.GetValue<long>())}</td><td>{N(ep["merges"]!.GetValue<long>())}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<svg viewBox=\"0 0 960 300\" role=\"img\" aria-labelledby=\"registrations-per-day-name\" aria-describedby=\"registrations-per-day-desc\"", html, StringComparison.Ordinal);
        Assert.Contains($"<rect", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_terms_dashboard_shows_each_office_and_the_version_it_accepted()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", "/console/dashboards/terms");
        var html = Compact(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("<tr><th scope=\"row\">EP</th><td>OFFICE</td><td><time datetime=\"[^\"]+\">[^<]+</time> by office-ep</td><td>yes</td><td>no</td></tr>", html);
        Assert.Contains("<th scope=\"col\">Version 1.0 (in force)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption id=\"terms-versions-title\">Participants per accepted Terms version</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_usage_dashboard_counts_an_offices_refusals_by_code()
    {
        Assert.Equal("FORBIDDEN", (await sandbox.Error("{ termsAcceptanceReport { office } }", client: Clients.OfficeWithoutMerge)).Code());

        var today = SandboxToday();
        var report = (await sandbox.Data(
            "query ($d: LocalDate!) { usageReport(from: $d, to: $d, office: \"DE\") { refusals { code count } } }", new { d = today }, Clients.Governance))["usageReport"]!.AsArray();
        var forbidden = report.SelectMany(r => r!["refusals"]!.AsArray()).Where(c => c!["code"]!.GetValue<string>() == "FORBIDDEN").Sum(c => c!["count"]!.GetValue<long>());
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", $"/console/dashboards/usage?from={today}&to={today}&office=de");
        var html = Compact(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(forbidden >= 1);
        Assert.Contains("<figcaption id=\"usage-refusals-title\">Refusals per day by code, DE</figcaption>", html, StringComparison.Ordinal);
        Assert.Matches($"<caption>Refusals per day by code, DE \\(refusals\\)</caption><thead><tr><th scope=\"col\">Day</th>(<th scope=\"col\">[A-Z_]+</th>)*<th scope=\"col\">FORBIDDEN</th>", html);
        Assert.Contains("value=\"DE\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_duplicates_dashboard_counts_a_new_look_alike_pair()
    {
        var word = Given.UniqueWord();
        await sandbox.ALegalEntity($"{word} Fiskvinnsla ehf", "IS");
        await sandbox.ALegalEntityDespiteDuplicates($"{word} Fiskvinnsla ehf", "IS");
        var report = (await sandbox.Data(
            "{ duplicateCandidatesReport(countries: [\"IS\"]) { kind outstanding } }", client: Clients.Governance))["duplicateCandidatesReport"]!.AsArray();
        long Outstanding(string kind) => report.Single(r => r!["kind"]!.GetValue<string>() == kind)!["outstanding"]!.GetValue<long>();
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", "/console/dashboards/duplicates?countries=is");
        var html = Compact(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(Outstanding("LEGAL_ENTITY") >= 1);
        Assert.Contains(
            $"<tr><th scope=\"row\">IS</th><td>{N(Outstanding("LEGAL_ENTITY"))}</td><td>{N(Outstanding("NATURAL_PERSON"))}</td><td>{N(Outstanding("LEGAL_ENTITY") + Outstanding("NATURAL_PERSON"))}</td></tr>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_duplicates_dashboard_asks_for_the_national_offices_countries_by_default()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", "/console/dashboards/duplicates");
        var html = Compact(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"countries\" value=\"BR CN DE GB JP KR SA US\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/dashboards/registrations?from=2026-13-01&to=2026-11-30", "VALIDATION_FAILED")]
    [InlineData("/console/dashboards/usage?from=2026-11-25&to=2026-11-01", "The range is inverted")]
    [InlineData("/console/dashboards/registrations?from=2020-01-01&to=2026-11-01", "at most 366 days")]
    [InlineData("/console/dashboards/duplicates?countries=AT+BE+CH+DE+DK+ES+FI+FR+GB+IT+NO", "Name 1 to 10 countries; got 11.")]
    [InlineData("/console/dashboards/duplicates?countries=XX", "VALIDATION_FAILED")]
    public async Task a_wrong_range_or_country_list_is_refused_with_the_apis_reason(string url, string reason)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", url);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Matches("<p class=\"error\" role=\"alert\"><strong>VALIDATION_FAILED</strong>: ", html);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("No data in this range", html, StringComparison.Ordinal);
    }

    /// <summary>Events are stamped by the database's clock; usage is counted by the sandbox's (a fake one in tests).</summary>
    private static string Today() => LocalDatePattern.Iso.Format(TermsOfUseBook.Today(NodaTime.SystemClock.Instance.GetCurrentInstant()));

    private string SandboxToday() => LocalDatePattern.Iso.Format(TermsOfUseBook.Today(sandbox.Clock.GetCurrentInstant()));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static long Sum(JsonArray rows, string field) => rows.Sum(r => r![field]!.GetValue<long>());

    private static string Compact(string html) => BetweenTags().Replace(html, "><");

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex("<li><a href=\"(/console/dashboards/[a-z]+)\">")]
    private static partial Regex LinkUnder();
}
