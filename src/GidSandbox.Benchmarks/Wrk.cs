using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GidSandbox.Benchmarks;

/// <summary>
/// Lookups driven by wrk (Debian package), a C load generator like pgbench, so the client's own
/// cost takes as little as possible of the two cores it shares with the server.
/// </summary>
public static partial class Wrk
{
    private const string Script = """
        local gids = {}
        for line in io.lines(os.getenv("GID_LIST")) do gids[#gids + 1] = line end
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Authorization"] = "Bearer " .. os.getenv("GID_TOKEN")
        request = function()
          local gid = gids[math.random(#gids)]
          return wrk.format(nil, "/graphql", nil,
            '{"query":"query ($gid: Gid!) { identity(gid: $gid) { gid status country names { text script type } externalIdentifiers { issuer value } } }","variables":{"gid":"' .. gid .. '"}}')
        end
        """;

    private const string TokenScript = """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
        wrk.body = "grant_type=client_credentials&client_id=office-ep&client_secret=office-ep-sandbox-secret"
        """;

    /// <summary>Access tokens issued per second by the token endpoint (client credentials, each stored and signed).</summary>
    public static async Task<Throughput> IssueTokens(int port, int connections, int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("gid-wrk-");
        var script = Path.Combine(directory.FullName, "token.lua");
        await File.WriteAllTextAsync(script, TokenScript);
        try
        {
            var output = await Run("", script, "", port, connections, seconds, "/connect/token");
            Console.WriteLine(output);
            return new Throughput(Number(RequestsPerSecond(), output), Milliseconds(Percentile(), output, "50"), Milliseconds(Percentile(), output, "99"), []);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One lookup, answered, before any run: a host that has answered no lookup yet builds its GraphQL schema and compiles
    /// the path first, which on a busy machine took longer than a short run (it answered nothing within one second, after
    /// two of warm-up). Up to three minutes, as for a start (<c>WaitUntilReady</c>).
    /// </summary>
    private static async Task FirstAnswer(int port, string token, string gid)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Load.Post(http, "query ($gid: Gid!) { identity(gid: $gid) { gid } }", new { gid });
    }

    public static async Task<Throughput> LookUp(int port, string token, IReadOnlyList<string> gids, int connections, int seconds, int warmUpSeconds = 10)
    {
        var directory = Directory.CreateTempSubdirectory("gid-wrk-");
        var list = Path.Combine(directory.FullName, "gids.txt");
        var script = Path.Combine(directory.FullName, "lookup.lua");
        await File.WriteAllLinesAsync(list, gids);
        await File.WriteAllTextAsync(script, Script);
        try
        {
            await FirstAnswer(port, token, gids[0]);
            if (warmUpSeconds > 0)
            {
                await Run(list, script, token, port, connections, warmUpSeconds); // warm-up: tiered JIT, pools, caches
            }

            var output = await Run(list, script, token, port, connections, seconds);
            Console.WriteLine(output);
            return new Throughput(
                Number(RequestsPerSecond(), output),
                Milliseconds(Percentile(), output, "50"),
                Milliseconds(Percentile(), output, "99"),
                []);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> Run(string list, string script, string token, int port, int connections, int seconds, string path = "")
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "-s", script, $"http://127.0.0.1:{port}{path}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GID_LIST"] = list;
        start.Environment["GID_TOKEN"] = token;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (Debian: apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && !output.Contains("Non-2xx", StringComparison.Ordinal)
            ? output
            : throw new InvalidOperationException($"wrk failed or saw errors:\n{output}{await process.StandardError.ReadToEndAsync()}");
    }

    private static double Number(Regex pattern, string output) =>
        double.Parse(pattern.Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

    private static double Milliseconds(Regex pattern, string output, string percentile)
    {
        var match = pattern.Matches(output).First(m => m.Groups[1].Value == percentile);
        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return match.Groups[3].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(\d+)%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();
}
