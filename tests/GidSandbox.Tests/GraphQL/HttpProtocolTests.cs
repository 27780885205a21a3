using System.Net;
using System.Text.Json.Nodes;

namespace GidSandbox.Tests.GraphQL;

/// <summary>GraphQL over HTTP as the spec describes it: media types, methods and status codes.</summary>
[Collection(SandboxCollection.Name)]
public sealed class HttpProtocolTests(SandboxFixture sandbox)
{
    private static async Task<JsonObject> Body(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task a_query_over_post_answers_with_the_graphql_response_media_type()
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ __typename }" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        var body = await Body(response);
        Assert.Equal("""{"__typename":"Query"}""", body["data"]!.ToJsonString());
        Assert.Equal(1, body["extensions"]!["cost"]!["requested"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_client_that_accepts_only_json_gets_json()
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ __typename }" }), accept: "application/json");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task a_client_that_accepts_neither_json_type_is_refused()
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ __typename }" }), accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", (await Body(response))["errors"]![0]!.AsObject().Code());
    }

    [Fact]
    public async Task a_query_over_get_with_variables_and_operation_name_works()
    {
        var company = await sandbox.ALegalEntity();
        var query = Uri.EscapeDataString("query Other { __typename } query Find($gid: Gid!) { identity(gid: $gid) { gid } }");
        var variables = Uri.EscapeDataString(SandboxFixture.Json(new { gid = company.Gid() }));

        var response = await sandbox.Send(HttpMethod.Get, $"/graphql?query={query}&variables={variables}&operationName=Find");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{{\"identity\":{{\"gid\":\"{company.Gid()}\"}}}}", (await Body(response))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task a_mutation_over_get_is_refused_with_405_and_stores_nothing()
    {
        var streams = await sandbox.CountStreams();
        var query = Uri.EscapeDataString("""mutation { registerLegalEntity(input: { names: [{ text: "Via GET", script: "Latn" }], country: "CH" }) { identity { gid } } }""");

        var response = await sandbox.Send(HttpMethod.Get, $"/graphql?query={query}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", (await Body(response))["errors"]![0]!.AsObject().Code());
        Assert.Equal(streams, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_mutation_document_answered_before_over_post_is_still_refused_over_get()
    {
        var company = await sandbox.ALegalEntity();
        var document = $$"""mutation ($reason: String) { deactivateIdentity(input: { gid: "{{company.Gid()}}", expectedVersion: 99, reason: $reason }) { identity { gid } } }""";
        var overPost = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = document, variables = new { reason = "A stale version" } }));
        Assert.Equal(HttpStatusCode.OK, overPost.StatusCode); // it ran (CONFLICT), so the document is cached
        var streams = await sandbox.CountStreams();

        var overGet = await sandbox.Send(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(document)}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, overGet.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", (await Body(overGet))["errors"]![0]!.AsObject().Code());
        Assert.Equal(streams, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_get_that_selects_the_query_of_a_document_with_a_mutation_reads()
    {
        var query = Uri.EscapeDataString("""mutation Write { acceptTermsOfUse(version: "x", sha256: "y") { office } } query Read { __typename }""");

        var response = await sandbox.Send(HttpMethod.Get, $"/graphql?query={query}&operationName=Read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"__typename":"Query"}""", (await Body(response))["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task a_body_that_is_not_json_is_refused(string contentType, HttpStatusCode expected)
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", "{ __typename }", contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (await Body(response))["errors"]![0]!.AsObject().Code());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("""{"query": 42}""")]
    [InlineData("""{"query": "{ __typename }", "variables": "x"}""")]
    [InlineData("""{"variables": {}}""")]
    public async Task a_malformed_request_body_is_a_400_that_says_why(string body)
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Body(response))["errors"]![0]!.AsObject();
        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_body_over_one_mebibyte_is_refused()
    {
        var body = SandboxFixture.Json(new { query = "{ __typename }", variables = new { padding = new string('x', 1024 * 1024) } });

        var response = await sandbox.Send(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", (await Body(response))["errors"]![0]!.AsObject().Code());
    }

    [Fact]
    public async Task an_unknown_field_is_a_validation_error_naming_it()
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ identity(gid: \"GID-0000-0000-0000-0001\") { gid shoeSize } }" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Body(response))["errors"]![0]!.AsObject();
        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Contains("shoeSize", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_same_validation_error_is_a_200_for_a_plain_json_client()
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ shoeSize }" }), accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("VALIDATION_FAILED", (await Body(response))["errors"]![0]!.AsObject().Code());
    }

    [Fact]
    public async Task a_variable_of_the_wrong_type_is_refused()
    {
        var error = await sandbox.Error("query ($gids: [Gid!]!) { identities(gids: $gids) { gid } }", new { gids = 42 }, expectedStatus: 400);

        Assert.Equal("VALIDATION_FAILED", error.Code());
    }

    [Fact]
    public async Task a_document_answered_before_still_refuses_bad_variables()
    {
        const string query = "query CachedLookup($gid: Gid!) { identity(gid: $gid) { gid } }";
        var company = await sandbox.ALegalEntity();
        await sandbox.Data(query, new { gid = company.Gid() });
        await sandbox.Data(query, new { gid = company.Gid() });

        var error = await sandbox.Error(query, new { gid = "GID-1" }, expectedStatus: 400);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["gid"], error.Fields());
    }

    [Fact]
    public async Task a_syntax_error_is_a_400()
    {
        var error = await sandbox.Error("{ identity(gid: ", expectedStatus: 400);

        Assert.Equal("VALIDATION_FAILED", error.Code());
    }

    [Fact]
    public async Task a_query_nested_too_deep_is_refused_as_too_complex()
    {
        var nested = "name";
        for (var i = 0; i < 20; i++)
        {
            nested = $"ofType {{ {nested} }}";
        }

        var error = await sandbox.Error($"{{ __schema {{ types {{ fields {{ type {{ {nested} }} }} }} }} }}", expectedStatus: 400);

        Assert.Equal("QUERY_TOO_COMPLEX", error.Code());
    }

    [Fact]
    public async Task other_http_methods_are_not_allowed()
    {
        var response = await sandbox.Send(HttpMethod.Put, "/graphql", "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
