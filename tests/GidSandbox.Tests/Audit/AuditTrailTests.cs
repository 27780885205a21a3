using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace GidSandbox.Tests.Audit;

[Collection(SandboxCollection.Name)]
public sealed class AuditTrailTests(SandboxFixture sandbox)
{
    private const string Trail = """
        query ($filter: AuditFilter, $first: Int! = 50, $after: String) {
          auditTrail(filter: $filter, first: $first, after: $after) {
            edges { cursor node { sequence streamId version type timestamp office clientId subject termsVersion correlationId reason data } }
            pageInfo { hasNextPage hasPreviousPage endCursor }
          }
        }
        """;

    private const string Deactivate = "mutation ($input: DeactivateIdentityInput!) { deactivateIdentity(input: $input) { identity { version } } }";

    private async Task<JsonObject> AuditTrail(object variables) =>
        (await sandbox.Data(Trail, variables, Clients.Governance))["auditTrail"]!.AsObject();

    private static IEnumerable<JsonNode> Nodes(JsonObject trail) => trail["edges"]!.AsArray().Select(e => e!["node"]!);

    [Fact]
    public async Task the_trail_of_an_identity_shows_each_event_with_who_when_why_and_under_which_terms()
    {
        var company = await sandbox.ALegalEntity("Audited Ltd", "GB");
        await sandbox.Data(Deactivate, new { input = new { gid = company.Gid(), reason = "Registered by mistake" } });

        var trail = await AuditTrail(new { filter = new { gid = company.Gid() } });
        var nodes = Nodes(trail).ToList();

        Assert.Equal(["LegalEntityRegistered", "IdentityDeactivated"], nodes.Select(n => n["type"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.Equal((company.Gid(), "EP", Clients.Default, "1.0"),
            (n["streamId"]!.GetValue<string>(), n["office"]!.GetValue<string>(), n["clientId"]!.GetValue<string>(), n["termsVersion"]!.GetValue<string>())));
        Assert.All(nodes, n => Assert.False(string.IsNullOrEmpty(n["correlationId"]!.GetValue<string>())));
        Assert.Equal("Registered by mistake", nodes[1]["reason"]!.GetValue<string>());
        Given.AssertJson("""{"reason":"Registered by mistake"}""", nodes[1]["data"]);
        Assert.Equal(company.Gid(), nodes[0]["data"]!["gid"]!.GetValue<string>());
        Assert.True(nodes[0]["sequence"]!.GetValue<long>() < nodes[1]["sequence"]!.GetValue<long>());
        Assert.False(trail["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task pages_follow_the_end_cursor_until_the_last_page()
    {
        var company = await sandbox.ALegalEntity("Paged Ltd", "GB", Given.ExternalId(Given.ApplicantNumber()));
        await sandbox.Data(Deactivate, new { input = new { gid = company.Gid(), reason = "Paging test" } });
        var filter = new { gid = company.Gid() };

        var page1 = await AuditTrail(new { filter, first = 2 });
        var page2 = await AuditTrail(new { filter, first = 2, after = page1["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.Equal(2, page1["edges"]!.AsArray().Count);
        Assert.True(page1["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["IdentityDeactivated"], Nodes(page2).Select(n => n["type"]!.GetValue<string>()));
        Assert.False(page2["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(page2["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task the_trail_filters_by_office_client_event_type_and_time_range()
    {
        var from = SystemClock.Instance.GetCurrentInstant() - Duration.FromSeconds(1);
        var company = await sandbox.ALegalEntityBy(Clients.OfficeWithoutMerge, "Filtered GmbH", "DE");
        var to = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(1);

        var trail = await AuditTrail(new
        {
            filter = new { office = "de", clientId = Clients.OfficeWithoutMerge, eventTypes = new[] { "LegalEntityRegistered" }, from = Format(from), to = Format(to) },
            first = 500,
        });
        var nodes = Nodes(trail).ToList();
        var outside = await AuditTrail(new { filter = new { gid = company.Gid(), to = Format(from) } });

        Assert.Contains(nodes, n => n["streamId"]!.GetValue<string>() == company.Gid());
        Assert.All(nodes, n => Assert.Equal(("DE", Clients.OfficeWithoutMerge, "LegalEntityRegistered"),
            (n["office"]!.GetValue<string>(), n["clientId"]!.GetValue<string>(), n["type"]!.GetValue<string>())));
        Assert.All(nodes, n => Assert.InRange(InstantPattern.ExtendedIso.Parse(n["timestamp"]!.GetValue<string>()).Value, from, to));
        Assert.Empty(outside["edges"]!.AsArray());
    }

    [Fact]
    public async Task an_inverted_time_range_is_refused()
    {
        var error = await sandbox.Error(Trail, new { filter = new { from = "2026-11-25T10:00:00Z", to = "2026-11-24T10:00:00Z" } }, client: Clients.Governance);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["filter.to"], error.Fields());
        Assert.Contains("inverted", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_event_type_is_refused_with_the_known_ones_named()
    {
        var error = await sandbox.Error(Trail, new { filter = new { eventTypes = new[] { "NameAdded", "IdentityStolen" } } }, client: Clients.Governance);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["filter.eventTypes"], error.Fields());
        Assert.Contains("'IdentityStolen'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("IdentityMerged", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_tampered_cursor_is_refused()
    {
        var company = await sandbox.ALegalEntity();
        var cursor = (await AuditTrail(new { filter = new { gid = company.Gid() }, first = 1 }))["pageInfo"]!["endCursor"]!.GetValue<string>();
        var tampered = (cursor[3] == 'A' ? "B" : "A") is var c ? cursor[..3] + c + cursor[4..] : cursor;

        var edited = await sandbox.Error(Trail, new { filter = new { gid = company.Gid() }, after = tampered }, client: Clients.Governance);
        var garbage = await sandbox.Error(Trail, new { after = "not-a-cursor" }, client: Clients.Governance);

        Assert.Equal(("VALIDATION_FAILED", "VALIDATION_FAILED"), (edited.Code(), garbage.Code()));
        Assert.Equal(["after"], edited.Fields());
        Assert.Contains("altered", edited["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_cursor_from_another_query_is_refused()
    {
        var company = await sandbox.ALegalEntity();
        var cursor = (await AuditTrail(new { filter = new { gid = company.Gid() }, first = 1 }))["pageInfo"]!["endCursor"]!.GetValue<string>();

        var error = await sandbox.Error(Trail, new { filter = new { office = "EP" }, after = cursor }, client: Clients.Governance);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Contains("another query", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_caller_without_audit_read_is_forbidden()
    {
        var error = await sandbox.Error(Trail, new { });

        Assert.Equal("FORBIDDEN", error.Code());
        Assert.Contains("audit:read", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_export_streams_the_filtered_trail_as_ndjson_and_csv()
    {
        var company = await sandbox.ALegalEntity("Exported, \"Quoted\" Ltd", "GB");
        await sandbox.Data(Deactivate, new { input = new { gid = company.Gid(), reason = "Export test" } });
        var token = await sandbox.TokenFor(Clients.Governance);

        var ndjson = await sandbox.Send(HttpMethod.Get, $"/audit/export?format=ndjson&gid={company.Gid()}", token: token);
        var csv = await sandbox.Send(HttpMethod.Get, $"/audit/export?format=csv&gid={company.Gid()}", token: token);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson; charset=utf-8", ndjson.Content.Headers.ContentType!.ToString());
        Assert.Equal(["LegalEntityRegistered", "IdentityDeactivated"], lines.Select(l => l["type"]!.GetValue<string>()));
        Assert.Equal("Export test", lines[1]["reason"]!.GetValue<string>());
        Assert.Equal("Exported, \"Quoted\" Ltd", lines[0]["data"]!["names"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.Equal("sequence,stream,version,type,timestamp,recordedAt,office,clientId,subject,termsVersion,correlationId,reason,data", rows[0]);
        // A live write happened when it was recorded.
        Assert.All(lines, l => Assert.Equal(l["timestamp"]!.GetValue<string>(), l["recordedAt"]!.GetValue<string>()));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith($"{lines[1]["sequence"]},{company.Gid()},2,IdentityDeactivated,", rows[2], StringComparison.Ordinal);
        Assert.Contains("\"\"Exported, \\\"\"Quoted\\\"\" Ltd\"\"", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_export_refuses_bad_input_and_callers_without_audit_read()
    {
        var governance = await sandbox.TokenFor(Clients.Governance);

        var noScope = await sandbox.Send(HttpMethod.Get, "/audit/export?format=csv");
        var noToken = await sandbox.Send(HttpMethod.Get, "/audit/export?format=csv", token: null);
        var badFormat = await sandbox.Send(HttpMethod.Get, "/audit/export?format=xml", token: governance);
        var inverted = await sandbox.Send(HttpMethod.Get, "/audit/export?format=csv&from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", token: governance);
        var unknownType = await sandbox.Send(HttpMethod.Get, "/audit/export?format=csv&eventType=Nonsense", token: governance);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (noScope.StatusCode, noToken.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badFormat.StatusCode, inverted.StatusCode, unknownType.StatusCode));
        var error = JsonNode.Parse(await inverted.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("VALIDATION_FAILED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("to (2026-11-24T00:00:00Z) must be after from", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
