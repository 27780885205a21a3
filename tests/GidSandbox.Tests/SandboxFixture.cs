using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using GidSandbox.Hosting;
using GidSandbox.ReviewConsole;
using GidSandbox.Tests.ReviewConsole;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

// xunit starts no more tests at once than this. At its default (the cores, 2) the collections below waited for each
// other's slots: one started after five minutes and ran alone at the end. They spend much of their time waiting on
// PostgreSQL, Chromium and the processes they start, so all of them run from the start and share the cores.
[assembly: CollectionBehavior(MaxParallelThreads = 8)]

namespace GidSandbox.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster and a sandbox host on it, reached through real HTTP, shared by a collection. Tests keep
/// out of each other's way by registering their own identities; tests that change what every office sees (the Terms in
/// force, the clock, suspensions) run on a <see cref="SeparateSandboxFixture"/>, and the browser tests on a
/// <see cref="BrowserSandboxFixture"/>: each collection runs beside the others on a cluster of its own.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private readonly bool _sharedWithBrowser;
    private readonly bool _productionTimeouts;

    public SandboxFixture()
        : this(sharedWithBrowser: false, productionTimeouts: false)
    {
    }

    /// <param name="sharedWithBrowser">Whether the browser tests' host runs on this fixture's cluster, with its settings.</param>
    /// <param name="productionTimeouts">Whether the host waits for its database as long as in production (the outage tests' host), or longer.</param>
    protected SandboxFixture(bool sharedWithBrowser, bool productionTimeouts)
    {
        _sharedWithBrowser = sharedWithBrowser;
        _productionTimeouts = productionTimeouts;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();
    private EmbeddedPostgres? _postgres;
    private string? _dataDirectory;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The sandbox's NodaTime clock; tests that move it put it back.</summary>
    public FakeClock Clock { get; } = new(SystemClock.Instance.GetCurrentInstant());

    /// <summary>
    /// For the tests' own reads and writes, as the superuser that owns the schema (tampering tests play someone with
    /// that access): unpooled, so they never share (or inherit broken) connections with the sandbox.
    /// </summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString) { Pooling = false }.ConnectionString;

    /// <summary>The role the sandbox serves requests as, unpooled.</summary>
    public string ApplicationConnectionString => new NpgsqlConnectionStringBuilder(_postgres!.ApplicationConnectionString) { Pooling = false }.ConnectionString;

    public EmbeddedPostgres Postgres => _postgres!;

    public async Task InitializeAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"gid-sandbox-tests-{Guid.NewGuid():N}");
        _postgres = await EmbeddedPostgres.StartAsync(_dataDirectory, "gid_sandbox", NullLogger.Instance);
        var settings = TestSettings(_dataDirectory, _productionTimeouts);
        if (_sharedWithBrowser)
        {
            _browserSettings = settings;
        }

        Host = await AlbaHost.For<Program>(web =>
        {
            foreach (var (name, value) in settings)
            {
                web.UseSetting(name, value);
            }

            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IClock>(Clock);
                // The console reaches the token endpoint and the API in memory, through the same pipeline.
                services.AddOptions<OpenIdConnectOptions>(ConsoleRegistration.SignInScheme)
                    .Configure<IServer>((oidc, server) => oidc.BackchannelHttpHandler = ((TestServer)server).CreateHandler());
            });
        });
        foreach (var client in new[] { Clients.Default, Clients.OfficeWithoutMerge, Clients.Association, Clients.QuotaTestClient, Clients.CostQuotaTestClient })
        {
            await this.AcceptCurrentTerms(client);
        }
    }

    public async Task DisposeAsync()
    {
        if (_sharedWithBrowser)
        {
            await BrowserSandbox.StopAsync();
        }

        await Host.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_dataDirectory is not null)
        {
            EmbeddedPostgres.DeleteFiles(_dataDirectory);
        }
    }

    /// <summary>
    /// The settings the browser collection's host is given, for the other hosts of that collection on its cluster (the
    /// browser tests' Kestrel host, <c>ErrorPageTests</c>'); passed to a host, never through the process environment, so the
    /// processes tests start get only what they give them. Known once that collection has started, and only there.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings =>
        _browserSettings ?? throw new InvalidOperationException("SandboxFixture.Settings are the browser collection's: use them in a class of that collection.");

    private static IReadOnlyDictionary<string, string>? _browserSettings;

    private static Dictionary<string, string> TestSettings(string dataDirectory, bool productionTimeouts)
    {
        var settings = new Dictionary<string, string>
        {
            // The sandbox shares the cluster this process started, as it shares one started by a sandbox process beside it
            // (and so accepts the development secrets).
            ["EmbeddedPostgres:DataDirectory"] = dataDirectory,
            // Tests arrange their own identities; the mock-data load has tests of its own.
            ["MockData:LoadOnStart"] = "false",
            // The daemon is under test here (the audit chain, the feed); one host runs it, so no leader election to wait for.
            ["Projections:DaemonMode"] = "Solo",
            // Tests send bursts; one office (SA) keeps a small quota so the limit itself can be tested.
            ["Access:Quota:PointsPerSecond"] = "100000",
            ["Access:Quota:Burst"] = "100000",
            [$"Access:Quota:OfficePointsPerSecond:{Clients.QuotaTestOffice}"] = "3",
            [$"Access:Quota:OfficePointsPerSecond:{Clients.CostQuotaTestOffice}"] = "3",
            // One client id and user name keep a low limit to test it.
            [$"Access:Throttling:Exceptions:{Clients.ThrottledProbe}:Burst"] = "2",
            [$"Access:Throttling:Exceptions:{Clients.ThrottledProbe}:PerMinute"] = "1",
        };
        // Tests sign in and ask for tokens far faster than any office.
        foreach (var limit in new[] { "TokenPerClient", "TokenPerAddress", "TokenFailuresPerClient", "TokenFailuresPerAddress", "SignInPerUser", "SignInPerAddress", "SignInFailuresPerUser", "SignInFailuresPerAddress" })
        {
            settings[$"Access:Throttling:{limit}:Burst"] = "100000";
            settings[$"Access:Throttling:{limit}:PerMinute"] = "100000";
        }

        // The suite runs its collections side by side on two cores, each test as fast as it can: a statement, a request or a
        // wait for a pooled connection can take many times what it takes alone. Production's bounds (5 s, 30 s, 3 s) answer
        // 503 then, and a test would measure the machine; the outage tests' host keeps them and tests them.
        if (!productionTimeouts)
        {
            settings["Availability:StatementTimeout"] = "00:01:00";
            settings["Availability:RequestTimeout"] = "00:02:00";
            settings["Availability:ConnectTimeout"] = "00:00:30";
        }

        return settings;
    }

    /// <summary>
    /// Creates an empty database on the run's cluster, for a test that needs exact counts or a world of its own, and
    /// returns its connection string (as the superuser). Pooled: the pool is that database's alone, shared with nothing,
    /// and lets its idle connections go within seconds; unpooled, every statement would pay for a new backend.
    /// </summary>
    public async Task<string> NewDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString) { Database = name, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;
    }

    /// <summary>Restarts the collection's PostgreSQL under the running sandbox, whose recovery is under test.</summary>
    public Task RestartDatabase() => _postgres!.RestartAsync();

    /// <summary>
    /// Stops the run's PostgreSQL under the running sandbox until the returned handle is disposed,
    /// which starts it again: tests run one at a time in this collection, so no other test sees the outage.
    /// </summary>
    public async Task<IAsyncDisposable> StopDatabase()
    {
        await _postgres!.StopForOutageAsync();
        return new Outage(this);
    }

    /// <summary>Ends with PostgreSQL up again and the run's pools rid of the connections the outage killed.</summary>
    private sealed class Outage(SandboxFixture sandbox) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await sandbox._postgres!.StartAgainAsync();
            NpgsqlConnection.ClearAllPools(); // the process's pools by connection string, which hosts started later draw from
        }
    }

    /// <summary>A real access token from the real token endpoint, cached per client and scope.</summary>
    public async Task<string> TokenFor(string clientId, string? scope = null)
    {
        var key = $"{clientId} {scope}";
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var response = await RequestToken(clientId, Clients.SecretOf(clientId), scope);
        Assert.True(response.StatusCode == 200, $"Token request for {clientId} failed: {response.Body.ToJsonString()}");
        return _tokens[key] = response.Body["access_token"]!.GetValue<string>();
    }

    /// <summary>POSTs a client-credentials token request and returns the status and JSON body.</summary>
    public async Task<(int StatusCode, JsonObject Body)> RequestToken(string clientId, string secret, string? scope = null, string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var result = await Host.Scenario(s =>
        {
            s.Post.FormData(form).ToUrl("/connect/token");
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject());
    }

    /// <summary>POSTs a GraphQL operation as <paramref name="client"/> and returns the whole JSON response.</summary>
    public async Task<JsonObject> GraphQL(string query, object? variables = null, int expectedStatus = 200, string client = Clients.Default)
    {
        var token = await TokenFor(client);
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { query, variables }).ToUrl("/graphql");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.StatusCodeShouldBe(expectedStatus);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    /// <summary>Runs an operation that must succeed and returns its data.</summary>
    public async Task<JsonObject> Data(string query, object? variables = null, string client = Clients.Default)
    {
        var response = await GraphQL(query, variables, client: client);
        Assert.True(response["errors"] is null, $"Unexpected errors: {response["errors"]?.ToJsonString()}");
        return response["data"]!.AsObject();
    }

    /// <summary>Runs an operation that must fail with one error and returns that error.</summary>
    public async Task<JsonObject> Error(string query, object? variables = null, int expectedStatus = 200, string client = Clients.Default)
    {
        var response = await GraphQL(query, variables, expectedStatus, client);
        var errors = response["errors"]?.AsArray();
        Assert.True(errors is { Count: 1 }, $"Expected one error, got: {response.ToJsonString()}");
        return errors[0]!.AsObject();
    }

    /// <summary>Sends a raw HTTP request through the real pipeline, for protocol tests.</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? body = null, string? contentType = "application/json", string? accept = null, string? token = "")
    {
        var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length == 0 ? await TokenFor(Clients.Default) : token);
        }

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

/// <summary>The participants shipped in appsettings.json, by the role tests give them.</summary>
public static class Clients
{
    public const string Default = "office-ep";      // an office with gid:read, gid:write and gid:merge
    public const string OfficeWithoutMerge = "office-de";
    public const string Association = "association-inta";
    public const string Governance = "governance";
    public const string QuotaTestOffice = "SA";
    public const string QuotaTestClient = "office-sa";
    public const string CostQuotaTestOffice = "PDG";
    public const string CostQuotaTestClient = "association-pdg";

    /// <summary>A client id and user name (neither exists) whose throttle allows 2 attempts and 2 failures, refilled once a minute.</summary>
    public const string ThrottledProbe = "throttled-probe";

    public static string SecretOf(string clientId) => $"{clientId}-sandbox-secret";
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}

/// <summary>
/// A cluster and a host of their own, for tests that change what every office sees: the Terms of Use in force, the
/// sandbox's clock, an office's suspension, the cluster itself (stopped, restarted, reached by commands beside the host);
/// and for tests that work in databases of their own on its cluster, which need no host and so need not wait their turn
/// in the sandbox collection. Runs beside the sandbox collection.
/// </summary>
public sealed class SeparateSandboxFixture() : SandboxFixture(sharedWithBrowser: false, productionTimeouts: true);

/// <summary>The cluster and settings of the browser tests' hosts (<see cref="BrowserSandbox"/>): no test stops this cluster.</summary>
public sealed class BrowserSandboxFixture() : SandboxFixture(sharedWithBrowser: true, productionTimeouts: false);

[CollectionDefinition(Name)]
public sealed class SeparateSandboxCollection : ICollectionFixture<SeparateSandboxFixture>
{
    public const string Name = "sandbox of their own";
}

/// <summary>The console in a real browser; runs beside the sandbox collection, whose outage tests stop its cluster.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSandboxFixture>
{
    public const string Name = "browser";
}
