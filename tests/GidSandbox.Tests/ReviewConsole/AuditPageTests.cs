using Marten.Events;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The audit trail explorer: filters, pages, exports and verification for reviewers, and a refusal for everyone else.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class AuditPageTests(SandboxFixture sandbox)
{
    private const string AddName = "mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }";
    private const string Deactivate = "mutation ($input: DeactivateIdentityInput!) { deactivateIdentity(input: $input) { identity { version } } }";

    private async Task<(HttpStatusCode Status, string Html)> Visit(string username, string url)
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var page = await visitor.SignInToConsole(username, url);
        return (page.StatusCode, Whitespace().Replace(await page.Content.ReadAsStringAsync(), " "));
    }

    /// <summary>An identity with three events: registered, a name added, deactivated for <paramref name="reason"/>.</summary>
    private async Task<string> AnIdentityWithThreeEvents(string reason = "Registered twice")
    {
        var gid = (await sandbox.ALegalEntity($"Audit {Given.UniqueWord()} Widgets AG", "CH")).Gid();
        await sandbox.Data(AddName, new { input = new { gid, name = new { text = "Audit Widgets", script = "Latn" } } });
        await sandbox.Data(Deactivate, new { input = new { gid, reason } });
        return gid;
    }

    private static List<string> EventTypesShown(string html) => [.. EventCell().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task a_reviewer_filters_the_trail_by_identity_and_event_type()
    {
        var gid = await AnIdentityWithThreeEvents();

        var (status, all) = await Visit("reviewer", $"/console/audit?gid={gid}");
        var (_, named) = await Visit("reviewer", $"/console/audit?gid={gid}&eventType=NameAdded");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["LegalEntityRegistered", "NameAdded", "IdentityDeactivated"], EventTypesShown(all));
        Assert.Equal(["NameAdded"], EventTypesShown(named));
        Assert.Contains($"<td><a href=\"/console/identities/{gid}\"><code>{gid}</code></a> v2</td> <td>EP · office-ep</td> <td>1.0</td>", named, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"eventType\" value=\"NameAdded\" checked> NameAdded", named, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/console/audit/export?format=csv&amp;gid={gid}&amp;eventType=NameAdded\" download>CSV</a>", named, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reviewer_filters_by_office_and_time_range()
    {
        var before = DateTime.UtcNow.AddSeconds(-2);
        var company = await sandbox.ALegalEntityBy(Clients.OfficeWithoutMerge, $"Office {Given.UniqueWord()} Filter GmbH", "DE");
        var after = DateTime.UtcNow.AddMinutes(1);
        string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

        var (_, inside) = await Visit("reviewer", $"/console/audit?office=de&from={Local(before)}&to={Local(after)}&first=200");
        var (_, earlier) = await Visit("reviewer", $"/console/audit?office=DE&to={Local(before)}&gid={company.Gid()}");
        var (_, otherOffice) = await Visit("reviewer", $"/console/audit?office=JP&gid={company.Gid()}");

        Assert.Contains($"<code>{company.Gid()}</code></a> v1</td> <td>DE · office-de</td>", inside, StringComparison.Ordinal);
        Assert.All(OfficeCell().Matches(inside), m => Assert.Equal("DE", m.Groups[1].Value));
        Assert.Contains("<input id=\"office\" name=\"office\" value=\"DE\"", inside, StringComparison.Ordinal);
        Assert.Contains($"<input id=\"from\" name=\"from\" type=\"datetime-local\" step=\"1\" value=\"{Local(before)}\">", inside, StringComparison.Ordinal);
        Assert.Contains("No event matches this filter", earlier, StringComparison.Ordinal);
        Assert.Contains("No event matches this filter", otherOffice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reviewer_filters_by_client_and_the_export_keeps_that_filter()
    {
        var company = await sandbox.ALegalEntityBy(Clients.OfficeWithoutMerge, $"Client {Given.UniqueWord()} Filter GmbH", "DE");

        var (status, byClient) = await Visit("reviewer", $"/console/audit?clientId=office-de&gid={company.Gid()}");
        var (_, otherClient) = await Visit("reviewer", $"/console/audit?clientId=office-ep&gid={company.Gid()}");
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole("reviewer", "/console/audit");
        var export = await visitor.Get($"/console/audit/export?format=ndjson&clientId=office-ep&gid={company.Gid()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<code>{company.Gid()}</code></a> v1</td> <td>DE · office-de</td>", byClient, StringComparison.Ordinal);
        Assert.Contains("<input id=\"clientId\" name=\"clientId\" value=\"office-de\"", byClient, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/console/audit/export?format=csv&amp;gid={company.Gid()}&amp;clientId=office-de\" download>CSV</a>", byClient, StringComparison.Ordinal);
        Assert.Contains("No event matches this filter", otherClient, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("", (await export.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task the_next_page_follows_the_cursor_with_the_same_filter()
    {
        var gid = await AnIdentityWithThreeEvents();
        using var visitor = new ConsoleVisitor(sandbox);

        var first = Whitespace().Replace(await (await visitor.SignInToConsole("reviewer", $"/console/audit?gid={gid}&first=2")).Content.ReadAsStringAsync(), " ");
        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
        var second = Whitespace().Replace(await (await visitor.Get(next)).Content.ReadAsStringAsync(), " ");

        Assert.Equal(["LegalEntityRegistered", "NameAdded"], EventTypesShown(first));
        Assert.Contains($"gid={gid}", next, StringComparison.Ordinal);
        Assert.Equal(["IdentityDeactivated"], EventTypesShown(second));
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/console/audit?gid={gid}&amp;first=2\">First page</a>", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_export_streams_the_apis_csv_and_ndjson_of_the_filter_as_a_download()
    {
        var gid = await AnIdentityWithThreeEvents();
        using var visitor = new ConsoleVisitor(sandbox);
        await visitor.SignInToConsole("reviewer", "/console/audit");

        var csv = await visitor.Get($"/console/audit/export?format=csv&gid={gid}&eventType=NameAdded&eventType=IdentityDeactivated");
        var ndjson = await visitor.Get($"/console/audit/export?format=ndjson&gid={gid}");
        var rows = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        var lines = (await ndjson.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "audit-trail.csv"), (csv.Content.Headers.ContentDisposition!.DispositionType, csv.Content.Headers.ContentDisposition.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName));
        Assert.Equal("sequence,stream,version,type,timestamp,recordedAt,office,clientId,subject,termsVersion,correlationId,reason,data", rows[0]);
        Assert.Equal([$"{gid},2,NameAdded", $"{gid},3,IdentityDeactivated"], rows[1..].Select(r => string.Join(',', r.Split(',')[1..4])));
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["LegalEntityRegistered", "NameAdded", "IdentityDeactivated"], lines.Select(l => l["type"]!.GetValue<string>()));
        Assert.All(lines, l => Assert.Equal(gid, l["stream"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("format=xml", "format is csv or ndjson")]
    [InlineData("format=csv&from=2026-11-25T10:00:00&to=2026-11-25T09:00:00", "The time range is inverted or empty")]
    [InlineData("format=csv&eventType=NoSuchEvent", "&#x27;NoSuchEvent&#x27; is not an event type of the registry")]
    public async Task an_export_the_api_refuses_says_why(string query, string says)
    {
        var (status, html) = await Visit("reviewer", $"/console/audit/export?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<h1>Export refused</h1>", html, StringComparison.Ordinal);
        Assert.Contains(says, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gid=GID-1234", "GID-1234")]
    [InlineData("eventType=NoSuchEvent", "known types are")]
    [InlineData("from=2026-11-25T10:00&to=2026-11-25T09:00", "The time range is inverted or empty")]
    [InlineData("first=0", "first is 1 to 500")]
    [InlineData("clientId=%01", "Give 1 to 100 printable characters")]
    [InlineData("after=not-a-cursor", "VALIDATION_FAILED")]
    public async Task a_filter_the_api_refuses_is_shown_with_its_message(string query, string says)
    {
        var (status, html) = await Visit("reviewer", $"/console/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<div class=\"error\" role=\"alert\"><p>The API refused this filter:</p>", html, StringComparison.Ordinal);
        Assert.Contains(says, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("examiner-ep", "/console/audit")]
    [InlineData("examiner-ep", "/console/audit/export?format=csv")]
    [InlineData("examiner-ep", "/console/audit/verification")]
    [InlineData("analyst-inta", "/console/audit")]
    [InlineData("analyst-inta", "/console/audit/export?format=ndjson")]
    public async Task whoever_lacks_audit_read_gets_a_refused_page(string username, string url)
    {
        var (status, html) = await Visit(username, url);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("<h1>The audit trail is for governance reviewers</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" role=\"alert\"><strong>FORBIDDEN</strong>:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"audit\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task script_in_a_reason_or_a_name_is_shown_as_text()
    {
        var gid = await AnIdentityWithThreeEvents("<script>alert('reason')</script><img src=x onerror=alert(1)>");

        var (_, html) = await Visit("reviewer", $"/console/audit?gid={gid}");

        Assert.Contains("<td>&lt;script&gt;alert(&#x27;reason&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_write_by_a_signed_in_person_shows_who_they_are()
    {
        var gid = (await sandbox.ALegalEntity($"Person {Given.UniqueWord()} Widgets AG", "CH")).Gid();
        using (var examiner = new ConsoleVisitor(sandbox))
        {
            var page = await examiner.SignInToConsole("examiner-ep", $"/console/identities/{gid}");
            await examiner.Submit(page, $"/console/identities/{gid}/names", new Dictionary<string, string>
            {
                ["expectedVersion"] = "1",
                ["text"] = "Person Widgets",
                ["script"] = "Latn",
                ["type"] = "ALIAS",
            });
        }

        var (_, html) = await Visit("reviewer", $"/console/audit?gid={gid}");

        Assert.Contains("v1</td> <td>EP · office-ep</td>", html, StringComparison.Ordinal);
        Assert.Contains("v2</td> <td><strong>examiner-ep</strong><br>EP · gid-console</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_verification_page_shows_an_intact_chain_and_locates_an_anchor_that_no_longer_holds()
    {
        await sandbox.ALegalEntity($"Verified {Given.UniqueWord()} Ltd", "GB");
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var api = (await sandbox.Data("{ verifyAuditTrail { headSequence eventsErased tombstonesSkipped } }", client: Clients.Governance))["verifyAuditTrail"]!;
        var head = api["headSequence"]!.GetValue<long>();

        var (status, intact) = await Visit("reviewer", "/console/audit/verification");
        var (_, broken) = await Visit("reviewer", $"/console/audit/verification?anchorSequence={head}&anchorLink={new string('0', 64)}");
        var (malformedStatus, malformed) = await Visit("reviewer", "/console/audit/verification?anchorSequence=1&anchorLink=not-a-link");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"<p class=""ok"" role=""status""><strong>Intact</strong>: [1-9][0-9]* events and [0-9]+ checkpoints recompute\.</p>", intact);
        Assert.Contains($"<dt>Erased</dt><dd>{api["eventsErased"]} of the events verified", intact, StringComparison.Ordinal);
        Assert.Contains($"<dt>Tombstones passed over</dt><dd>{api["tombstonesSkipped"]} (", intact, StringComparison.Ordinal);
        Assert.Contains($"<p><strong>Broken</strong> at event {head}", broken, StringComparison.Ordinal);
        Assert.Contains("<code>CHECKPOINT_MISMATCH</code>", broken, StringComparison.Ordinal);
        Assert.Contains($"the recorded anchor says {new string('0', 64)}", broken, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformedStatus);
        Assert.Contains("An anchor is a positive event sequence number and the 64-hex-digit link", malformed, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex NextLink();

    [GeneratedRegex(@"</time></td> <td>([A-Za-z]+)</td>")]
    private static partial Regex EventCell();

    [GeneratedRegex(@"v[0-9]+</td> <td>(?:<strong>[^<]*</strong><br>)?([A-Z]+) · ")]
    private static partial Regex OfficeCell();
}
