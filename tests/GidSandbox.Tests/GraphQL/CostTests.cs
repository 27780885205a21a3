using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GidSandbox.GraphQL;
using GidSandbox.Identities;

namespace GidSandbox.Tests.GraphQL;

[Collection(SandboxCollection.Name)]
public sealed class CostTests(SandboxFixture sandbox)
{
    private static string Aliased(int count, Func<int, string> field)
    {
        var query = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            query.Append(" a").Append(i).Append(": ").Append(field(i));
        }

        return query.Append(" }").ToString();
    }

    private static int Requested(JsonObject response) => response["extensions"]!["cost"]!["requested"]!.GetValue<int>();

    [Fact]
    public async Task nine_thousand_aliased_lookups_are_refused_as_too_complex_before_any_runs()
    {
        var company = await sandbox.ALegalEntity();

        var response = await sandbox.GraphQL(Aliased(9_000, _ => $"identity(gid: \"{company.Gid()}\") {{ gid }}"), expectedStatus: 400);

        Assert.Null(response["data"]);
        var error = Assert.Single(response["errors"]!.AsArray())!.AsObject();
        Assert.Equal("QUERY_TOO_COMPLEX", error.Code());
        Assert.Contains("Complexity is 9000", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task each_aliased_lookup_is_charged()
    {
        var company = await sandbox.ALegalEntity();

        var response = await sandbox.GraphQL(Aliased(40, _ => $"identity(gid: \"{company.Gid()}\") {{ gid names {{ text }} }}"));

        Assert.Null(response["errors"]);
        Assert.Equal(40, Requested(response));
    }

    [Fact]
    public async Task six_hundred_aliased_schema_introspections_are_refused_before_execution()
    {
        var response = await sandbox.GraphQL(Aliased(600, _ => "__schema { types { name fields { name } } }"), expectedStatus: 400);

        Assert.Null(response["data"]);
        var error = Assert.Single(response["errors"]!.AsArray())!.AsObject();
        Assert.Equal("QUERY_TOO_COMPLEX", error.Code());
    }

    [Fact]
    public async Task introspection_costs_a_point_for_every_ten_types_it_returns()
    {
        var response = await sandbox.GraphQL("{ __schema { types { name fields { name } } } }");

        var types = response["data"]!["__schema"]!["types"]!.AsArray().Count;
        Assert.Equal((types + Cost.SchemaElementsPerPoint - 1) / Cost.SchemaElementsPerPoint, Requested(response));
    }

    [Fact]
    public async Task a_batch_costs_by_its_size_even_when_the_document_was_answered_before_with_a_smaller_one()
    {
        // Each identity's subsidiaries is a query of its own: 1 point per identity, on top of the batch's 1 per 100.
        const string query = "query Batch($gids: [Gid!]!) { identities(gids: $gids) { gid subsidiaries } }";
        var company = await sandbox.ALegalEntity();
        var small = await sandbox.GraphQL(query, new { gids = new[] { company.Gid() } });
        var again = await sandbox.GraphQL(query, new { gids = new[] { company.Gid(), company.Gid() } });

        var large = await sandbox.GraphQL(query, new { gids = Enumerable.Range(0, 1_000).Select(_ => Gid.NewGid().Value).ToArray() }, expectedStatus: 400);

        Assert.Equal(2, Requested(small));
        Assert.Equal(3, Requested(again));
        var error = Assert.Single(large["errors"]!.AsArray())!.AsObject();
        Assert.Equal("QUERY_TOO_COMPLEX", error.Code());
        Assert.Contains("Complexity is 1010", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Nested(int depth)
    {
        // Depth counts the fields on the longest path: __schema, types, fields, type and name are 5, then one per ofType.
        var inner = "name";
        for (var i = 0; i < depth - 5; i++)
        {
            inner = $"ofType {{ {inner} }}";
        }

        return $"{{ __schema {{ types {{ fields {{ type {{ {inner} }} }} }} }} }}";
    }

    [Fact]
    public async Task a_query_nested_as_deep_as_the_limit_runs_and_one_level_more_is_refused()
    {
        var atLimit = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = Nested(Cost.MaxDepth) }));
        var over = await sandbox.Error(Nested(Cost.MaxDepth + 1), expectedStatus: 400);

        var body = await atLimit.Content.ReadAsStringAsync();
        Assert.True(atLimit.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body)!["errors"] is null, body);
        Assert.Equal("QUERY_TOO_COMPLEX", over.Code());
        Assert.Contains($"Maximum depth is {Cost.MaxDepth + 1} levels; maximum allowed on this endpoint is {Cost.MaxDepth}", over["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_spends_its_cost_from_the_office_quota_until_the_office_is_refused_with_retry_after()
    {
        // The office may spend 3 points a second, 3 at once; three aliased lookups cost 3.
        var token = await sandbox.TokenFor(Clients.CostQuotaTestClient);
        var threeLookups = SandboxFixture.Json(new { query = "{ a: me { office } b: me { office } c: me { office } }" });
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10 && answers.All(r => r.StatusCode != HttpStatusCode.TooManyRequests); i++)
        {
            answers.Add(await sandbox.Send(HttpMethod.Post, "/graphql", threeLookups, token: token));
        }

        foreach (var granted in answers.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var cost = JsonNode.Parse(await granted.Content.ReadAsStringAsync())!["extensions"]!["cost"]!;
            Assert.Equal(3, cost["requested"]!.GetValue<int>());
            Assert.Equal(0, cost["remaining"]!.GetValue<long>());
        }

        var limited = answers.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var error = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["errors"]![0]!.AsObject();
        Assert.Equal("RATE_LIMITED", error.Code());
        Assert.Contains("this request costs 3 points", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_costing_more_than_the_office_may_ever_spend_at_once_is_too_complex()
    {
        var response = await sandbox.GraphQL(Aliased(4, _ => "me { office }"), expectedStatus: 400, client: Clients.CostQuotaTestClient);

        var error = Assert.Single(response["errors"]!.AsArray())!.AsObject();
        Assert.Equal("QUERY_TOO_COMPLEX", error.Code());
        Assert.Contains("costs 4 points; your office's quota holds at most 3", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
