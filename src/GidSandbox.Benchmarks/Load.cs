using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace GidSandbox.Benchmarks;

public sealed record Throughput(double PerSecond, double P50, double P99, IReadOnlyList<string> Gids);

/// <summary>Closed-loop load: each client sends its next request as soon as the previous one is answered.</summary>
public static class Load
{
    private const string RegisterMutation = "mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid } } }";
    private static readonly string[] Countries = ["JP", "KR", "CN", "DE", "FR", "US", "GB", "CH", "BR", "SA"];

    public static object Input(int i) => new
    {
        names = new object[]
        {
            new { text = $"Benchmark Industries {i} Co., Ltd.", script = "Latn" },
            new { text = $"ベンチマーク工業{i}株式会社", script = "Jpan", language = "ja" },
        },
        country = Countries[i % Countries.Length],
        address = new { lines = new[] { $"{i} Example Street" }, city = "Example City", country = Countries[i % Countries.Length] },
        externalIdentifiers = new[] { new { scheme = "applicant-number", issuer = "EP", value = $"EP-BENCH-{i:D8}" } },
        // The names differ only by their number, which the duplicate check rightly takes for one party; it still runs.
        duplicateOverride = new { reason = "Benchmark parties differ only by their number" },
    };

    /// <summary>An access token from the sandbox's own token endpoint (client credentials).</summary>
    public static async Task<string> Token(HttpClient http, string clientId, string secret)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException($"No token: {body.ToJsonString()}");
    }

    /// <summary>Accepts the Terms of Use in force for the benchmark's office, as any office must first.</summary>
    public static async Task AcceptTerms(HttpClient http)
    {
        var terms = (await Post(http, "{ termsOfUse { version sha256 } }", new { }))["data"]!["termsOfUse"]!;
        await Post(http, "mutation ($v: String!, $h: String!) { acceptTermsOfUse(version: $v, sha256: $h) { office } }",
            new { v = terms["version"]!.GetValue<string>(), h = terms["sha256"]!.GetValue<string>() });
    }

    public static async Task<Throughput> Register(HttpClient http, int count, int concurrency)
    {
        var gids = new ConcurrentBag<string>();
        var next = -1;
        var result = await Run(concurrency, async latencies =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await Post(http, RegisterMutation, new { input = Input(i) });
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                gids.Add(response["data"]!["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>());
                if (i % 10_000 == 0)
                {
                    Console.WriteLine($"  registered {i:N0}");
                }
            }
        });
        return result with { Gids = [.. gids] };
    }

    public static async Task<double> PlainInsert(string connectionString, int count, int concurrency)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("create table plain_identities (id text primary key, data jsonb not null)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var next = -1;
        var result = await Run(concurrency, async latencies =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await using var insert = new NpgsqlCommand("insert into plain_identities (id, data) values ($1, $2::jsonb)", connection);
                insert.Parameters.AddWithValue($"plain-{i}");
                insert.Parameters.AddWithValue(JsonSerializer.Serialize(Input(i)));
                await insert.ExecuteNonQueryAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return result.PerSecond;
    }

    private static async Task<Throughput> Run(int concurrency, Func<List<double>, Task> client)
    {
        var perClient = Enumerable.Range(0, concurrency).Select(_ => new List<double>()).ToArray();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(perClient.Select(latencies => Task.Run(() => client(latencies))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = perClient.SelectMany(l => l).Order().ToArray();
        return all.Length == 0
            ? new Throughput(0, 0, 0, [])
            : new Throughput(all.Length / seconds, all[(int)(all.Length * 0.50)], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))], []);
    }

    /// <summary>
    /// One GraphQL request, sent again as the registry asks after a 503 (UNAVAILABLE: the database was too busy and nothing
    /// was stored), as an office's client would; the latency measured includes those waits.
    /// </summary>
    internal static async Task<JsonObject> Post(HttpClient http, string query, object variables)
    {
        var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        for (var attempt = 1; response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 10; attempt++)
        {
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
            response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        }

        using var answered = response;
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        if (body["errors"] is not null)
        {
            throw new InvalidOperationException(body.ToJsonString());
        }

        return body;
    }
}
