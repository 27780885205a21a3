using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using GidSandbox.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GidSandbox.Tests;

/// <summary>
/// One throwaway PostgreSQL cluster and one sandbox host for the whole test run, reached through
/// real HTTP. Tests keep out of each other's way by registering their own identities.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;
    private string? _dataDirectory;

    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString => _postgres!.ConnectionString;

    public async Task InitializeAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"gid-sandbox-tests-{Guid.NewGuid():N}");
        _postgres = await EmbeddedPostgres.StartAsync(_dataDirectory, "gid_tests", NullLogger.Instance);
        // Program reads the connection string before the host is built, so pass it the way an operator would.
        Environment.SetEnvironmentVariable($"ConnectionStrings__{Persistence.ConnectionStringName}", _postgres.ConnectionString);
        Host = await AlbaHost.For<Program>(web => web.UseSetting($"ConnectionStrings:{Persistence.ConnectionStringName}", _postgres.ConnectionString));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>POSTs a GraphQL operation and returns the whole JSON response.</summary>
    public async Task<JsonObject> GraphQL(string query, object? variables = null, int expectedStatus = 200)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { query, variables }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.StatusCodeShouldBe(expectedStatus);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    /// <summary>Runs an operation that must succeed and returns its data.</summary>
    public async Task<JsonObject> Data(string query, object? variables = null)
    {
        var response = await GraphQL(query, variables);
        Assert.True(response["errors"] is null, $"Unexpected errors: {response["errors"]?.ToJsonString()}");
        return response["data"]!.AsObject();
    }

    /// <summary>Runs an operation that must fail with one error and returns that error.</summary>
    public async Task<JsonObject> Error(string query, object? variables = null, int expectedStatus = 200)
    {
        var response = await GraphQL(query, variables, expectedStatus);
        var errors = response["errors"]?.AsArray();
        Assert.True(errors is { Count: 1 }, $"Expected one error, got: {response.ToJsonString()}");
        return errors[0]!.AsObject();
    }

    /// <summary>Sends a raw HTTP request through the real pipeline, for protocol tests.</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
