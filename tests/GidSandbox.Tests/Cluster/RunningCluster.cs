using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GidSandbox.Cluster;
using GidSandbox.Hosting;
using GidSandbox.Tests.Hosting;
using Npgsql;

namespace GidSandbox.Tests.Cluster;

/// <summary>
/// One cluster for the class, started as an operator would (<c>cluster up --nodes 3 --replica</c>, the built executable, in
/// a folder of its own) and stopped with <c>cluster down</c>. Three nodes, so that two remain when a test kills one.
/// </summary>
public sealed class RunningCluster : IAsyncLifetime
{
    public const int Nodes = 3;

    /// <summary>What the nodes are given beside what <c>cluster up</c> sets: short bounds, so the tests wait little.</summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["MockData__LoadOnStart"] = "false",
        ["Access__ValidatedTokenReuse"] = "00:00:01",
        ["Projections__LeadershipPollingMilliseconds"] = "500",
        // Quotas and throttles are not under test here; the load test must not meet them.
        ["Access__Quota__PointsPerSecond"] = "100000",
        ["Access__Quota__Burst"] = "100000",
    };

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"gid-cluster-{Guid.NewGuid():N}");

    public string UpOutput { get; private set; } = "";

    public List<ClusterProcess> Processes { get; private set; } = [];

    public string ProxyUrl { get; private set; } = "";

    public IEnumerable<ClusterProcess> NodeProcesses => Processes.Where(p => p.Role == ClusterCommand.NodeRole);

    public IEnumerable<ClusterProcess> LiveNodes => NodeProcesses.Where(p => p.IsAlive);

    public ClusterProcess Primary => Processes.Single(p => p.Role == ClusterState.PrimaryRole);

    public ClusterProcess Replica => Processes.Single(p => p.Role == ClusterCommand.ReplicaRole);

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var (exitCode, output) = await SandboxProcess.RunAsync(Root, Settings, TimeSpan.FromMinutes(5), ClusterCommand.Name, "up", "--nodes", $"{Nodes}", "--replica");
        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n').Where(l => l.StartsWith('{')).ToList();
        Processes = [.. lines.Where(l => l.Contains("\"role\"", StringComparison.Ordinal)).Select(l => JsonSerializer.Deserialize<ClusterProcess>(l, ClusterProcess.Json)!)];
        ProxyUrl = JsonNode.Parse(lines[^1])!["proxy"]!.GetValue<string>();
        UpOutput = output;
    }

    public async Task DisposeAsync()
    {
        var (exitCode, output) = await SandboxProcess.RunAsync(Root, new Dictionary<string, string>(), ClusterCommand.Name, "down");
        Http.Dispose();
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(Processes, p => p.IsAlive);
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>The primary as its superuser, over loopback with the password <c>cluster up</c> made.</summary>
    public string SuperuserConnectionString => SuperuserOf(Primary);

    /// <summary>A database server of the cluster (the primary or the replica, which has the primary's roles) as its superuser.</summary>
    public string SuperuserOf(ClusterProcess server) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = new Uri(server.Url).Port,
        Database = ClusterCommand.Database,
        Username = EmbeddedPostgres.Superuser,
        Password = Passwords.ReadOrCreate(Primary.DataDirectory + ".password").Superuser,
        Pooling = false,
    }.ConnectionString;

    public Task<T> QueryAsync<T>(string sql, params object[] parameters) => QueryAsync<T>(Primary, sql, parameters);

    public async Task<T> QueryAsync<T>(ClusterProcess server, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(SuperuserOf(server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The node whose database connection holds the async daemon's leadership (Marten's advisory lock), if one does.</summary>
    public async Task<ClusterProcess?> DaemonLeaderAsync()
    {
        var name = await QueryAsync<object>("""
            select coalesce(min(a.application_name), '') from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted
            """) as string;
        return NodeProcesses.SingleOrDefault(n => $"gid-{n.Name}" == name);
    }

    public async Task<string> TokenAsync(string baseUrl, string client, string scope)
    {
        using var answer = await Http.PostAsync(new Uri($"{baseUrl}/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client,
            ["client_secret"] = Clients.SecretOf(client),
            ["scope"] = scope,
        }));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>POSTs a GraphQL document; the status, the answer, and whether the proxy retried it.</summary>
    public async Task<(int Status, JsonObject Body, bool Retried)> PostAsync(string baseUrl, string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{baseUrl}/graphql")) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    /// <summary>GETs a GraphQL query, as a client that wants the proxy's retry does.</summary>
    public async Task<(int Status, JsonObject Body, bool Retried)> GetAsync(string baseUrl, string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{baseUrl}/graphql?query={Uri.EscapeDataString(query)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    /// <summary>GETs a lookup or search; the status, the answer, and which server it was read from (<c>replica</c> or <c>primary</c>).</summary>
    public async Task<(int Status, JsonObject Body, string? ReadFrom)> ReadAsync(string baseUrl, string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{baseUrl}/graphql?query={Uri.EscapeDataString(query)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, body, headers) = await SendWithHeadersAsync(request);
        return (status, body, headers.TryGetValues(ReadReplica.ReadFromHeader, out var values) ? values.Single() : null);
    }

    private async Task<(int Status, JsonObject Body, bool Retried)> SendAsync(HttpRequestMessage request)
    {
        var (status, body, headers) = await SendWithHeadersAsync(request);
        return (status, body, headers.Contains(ClusterProxy.RetriedHeader));
    }

    private async Task<(int Status, JsonObject Body, HttpResponseHeaders Headers)> SendWithHeadersAsync(HttpRequestMessage request)
    {
        using var answer = await Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        var body = text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : new JsonObject { ["text"] = text };
        return ((int)answer.StatusCode, body, answer.Headers);
    }

    public async Task<bool> ReadyAsync(string baseUrl)
    {
        using var answer = await Http.GetAsync(new Uri($"{baseUrl}/health/ready"));
        return answer.IsSuccessStatusCode;
    }

    /// <summary>Waits for <paramref name="condition"/>, at most <paramref name="seconds"/>; false if it never held.</summary>
    public static async Task<bool> WaitForAsync(Func<Task<bool>> condition, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
