using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GidSandbox.Benchmarks;
using GidSandbox.Benchmarks.Audit;
using GidSandbox.Benchmarks.Matching;
using GidSandbox.Benchmarks.Scenarios;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// The tools beside the benchmarks, each on a cluster of its own (the walk-through on a running sandbox).
switch (args)
{
    case ["matching-performance", .. var rest]:
        return await CommandExecutor.ExecuteCommandAsync<MatchingPerformanceCommand>(rest);
    case ["matching-model", .. var rest]:
        return await CommandExecutor.ExecuteCommandAsync<MatchModelCommand>(rest);
    case ["matching-evaluation", .. var rest]:
        return await CommandExecutor.ExecuteCommandAsync<EvaluateMatchingCommand>(rest);
    case ["audit-benchmark", .. var rest]:
        return await CommandExecutor.ExecuteCommandAsync<AuditBenchmarkCommand>(rest);
    case ["scenario", .. var rest]:
        return await CommandExecutor.ExecuteCommandAsync<ScenarioCommand>(rest);
    case [LookupHost.Command, .. var rest]:
        return await LookupHost.RunAsync(rest);
}

// Registry core benchmark: registration and lookup over real HTTP against the sandbox process,
// next to PostgreSQL's own figures (pgbench -S, plain INSERT) on the same cluster in the same run.
if (args.Contains("--mock-data"))
{
    // Mock data: the load of N identities, normal path and --bulk, next to COPY of the rows they wrote (docs/performance.md).
    return await MockDataBenchmark.RunAsync(
        int.Parse(args.SkipWhile(a => a != "--mock-data").Skip(1).FirstOrDefault() ?? "1000000", CultureInfo.InvariantCulture),
        int.Parse(args.SkipWhile(a => a != "--batch").Skip(1).FirstOrDefault() ?? "500", CultureInfo.InvariantCulture), // seed's default
        args.SkipWhile(a => a != "--parallel").Skip(1).FirstOrDefault() is { } parallel ? int.Parse(parallel, CultureInfo.InvariantCulture) : null,
        quickAb: args.Contains("--quick-ab"));
}

var options = BenchmarkOptions.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"gid-bench-{Guid.NewGuid():N}");
await using var postgres = await EmbeddedPostgres.StartAsync(dataDirectory, "gid_sandbox", NullLogger.Instance);
var port = FreePort();
using var sandbox = StartSandbox(options.SandboxDll, ["--urls", $"http://127.0.0.1:{port}"], dataDirectory);
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    await WaitUntilReady(http);
    var token = await Load.Token(http, "office-ep", "office-ep-sandbox-secret");
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    await Load.AcceptTerms(http);
    Console.WriteLine($"Sandbox on port {port}, PostgreSQL on {postgres.Port}; {options.Identities:N0} identities, {options.Concurrency} clients, {options.Seconds} s per lookup run.");

    var registration = await Load.Register(http, options.Identities, options.Concurrency);
    var plainInsert = await Load.PlainInsert(postgres.ConnectionString, options.Identities, options.Concurrency);
    var lookups = await Wrk.LookUp(port, token, registration.Gids, options.Concurrency, options.Seconds, options.WarmUpSeconds);
    (Throughput On, Throughput Off)? costAb = options.CostAb ? await CostAccountingAb(options, dataDirectory, port, token, registration.Gids) : null;
    (Throughput With, Throughput Without)? accessAb = options.AccessAb ? await AccessChecksAb(options, dataDirectory, registration.Gids) : null;
    var pgbench = await PgBench.SelectOnly(postgres.Port, postgres.PasswordFile, options.Concurrency, options.Seconds, options.PgBenchScale);
    var tokens = await Wrk.IssueTokens(port, options.Concurrency, Math.Min(options.Seconds, 10));

    var report = new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"| measure | GID Sandbox | PostgreSQL reference | ratio |")
        .AppendLine("| --- | ---: | ---: | ---: |")
        .AppendLine(CultureInfo.InvariantCulture, $"| registration (identities/s, GraphQL over HTTP) vs plain INSERT (rows/s) | {registration.PerSecond:N0} | {plainInsert:N0} | {registration.PerSecond / plainInsert:P0} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| `identity(gid)` lookups (requests/s) vs `pgbench -S` (tps) | {lookups.PerSecond:N0} | {pgbench:N0} | {lookups.PerSecond / pgbench:P0} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| lookup latency p50 / p99 (ms) | {lookups.P50:F2} / {lookups.P99:F2} | | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| registration latency p50 / p99 (ms) | {registration.P50:F2} / {registration.P99:F2} | | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| access tokens issued (tokens/s, p50 / p99 ms) | {tokens.PerSecond:N0} ({tokens.P50:F1} / {tokens.P99:F1}) | | |");
    if (costAb is { } ab)
    {
        report.AppendLine()
            .AppendLine("| `identity(gid)` lookups, same run | cost accounting and connection bound on | off | on ÷ off |")
            .AppendLine("| --- | ---: | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| requests/s | {ab.On.PerSecond:N0} | {ab.Off.PerSecond:N0} | {ab.On.PerSecond / ab.Off.PerSecond:P0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| latency p50 / p99 (ms) | {ab.On.P50:F2} / {ab.On.P99:F2} | {ab.Off.P50:F2} / {ab.Off.P99:F2} | |");
    }

    if (accessAb is { } access)
    {
        report.AppendLine()
            .AppendLine("| `identity(gid)` lookups, same run, both hosted by the benchmark | with the access checks | without | with ÷ without |")
            .AppendLine("| --- | ---: | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| requests/s | {access.With.PerSecond:N0} | {access.Without.PerSecond:N0} | {access.With.PerSecond / access.Without.PerSecond:P0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| latency p50 / p99 (ms) | {access.With.P50:F2} / {access.With.P99:F2} | {access.Without.P50:F2} / {access.Without.P99:F2} | |");
    }

    Console.WriteLine();
    Console.WriteLine(report);
    return 0;
}
finally
{
    sandbox.Kill(entireProcessTree: true);
    await postgres.StopAsync();
    EmbeddedPostgres.DeleteFiles(dataDirectory);
}

// A second sandbox on the same database with cost accounting and the connection bound off; runs
// alternate on, off, on, off so drift on a shared machine falls on both sides alike.
static async Task<(Throughput On, Throughput Off)> CostAccountingAb(BenchmarkOptions options, string dataDirectory, int port, string token, IReadOnlyList<string> gids)
{
    var offPort = FreePort();
    using var off = StartSandbox(options.SandboxDll, ["--urls", $"http://127.0.0.1:{offPort}"], dataDirectory, new() { ["Access__Quota__ChargeCost"] = "false", ["Availability__ConnectionsPerRequest"] = "0" });
    try
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{offPort}") };
        await WaitUntilReady(http);
        var offToken = await Load.Token(http, "office-ep", "office-ep-sandbox-secret"); // tokens name their issuer: this sandbox's address
        var on = new List<Throughput>();
        var offRuns = new List<Throughput>();
        for (var round = 0; round < options.Rounds; round++)
        {
            on.Add(await Wrk.LookUp(port, token, gids, options.Concurrency, options.Seconds, options.WarmUpSeconds));
            offRuns.Add(await Wrk.LookUp(offPort, offToken, gids, options.Concurrency, options.Seconds, options.WarmUpSeconds));
        }

        return (Mean(on), Mean(offRuns));
    }
    finally
    {
        off.Kill(entireProcessTree: true);
    }
}

// The sandbox twice in one process of this benchmark (LookupHost), one answering lookups without the access checks;
// runs alternate with, without, with, without (--rounds) so drift on a shared machine falls on both sides alike.
static async Task<(Throughput With, Throughput Without)> AccessChecksAb(BenchmarkOptions options, string dataDirectory, IReadOnlyList<string> gids)
{
    var host = Path.Combine(AppContext.BaseDirectory, "GidSandbox.Benchmarks.dll");
    var withPort = FreePort();
    var withoutPort = FreePort();
    using var both = StartSandbox(host,
        [LookupHost.Command, "--port", withPort.ToString(CultureInfo.InvariantCulture), "--without-access-port", withoutPort.ToString(CultureInfo.InvariantCulture)],
        dataDirectory);
    try
    {
        using var withHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{withPort}") };
        using var withoutHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{withoutPort}") };
        await WaitUntilReady(withHttp);
        await WaitUntilReady(withoutHttp);
        var token = await Load.Token(withHttp, "office-ep", "office-ep-sandbox-secret");
        var withRuns = new List<Throughput>();
        var withoutRuns = new List<Throughput>();
        for (var round = 0; round < options.Rounds; round++)
        {
            withRuns.Add(await Wrk.LookUp(withPort, token, gids, options.Concurrency, options.Seconds, options.WarmUpSeconds));
            withoutRuns.Add(await Wrk.LookUp(withoutPort, "", gids, options.Concurrency, options.Seconds, options.WarmUpSeconds));
        }

        return (Mean(withRuns), Mean(withoutRuns));
    }
    finally
    {
        both.Kill(entireProcessTree: true);
    }
}

static Throughput Mean(List<Throughput> runs) =>
    new(runs.Average(r => r.PerSecond), runs.Average(r => r.P50), runs.Average(r => r.P99), []);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartSandbox(string dll, string[] arguments, string dataDirectory, Dictionary<string, string>? settings = null)
{
    // The content root (and so appsettings.json with the participants) is the working directory.
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll)) };
    start.ArgumentList.Add(dll);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["DOTNET_gcServer"] = "1"; // as the sandbox's own runtime configuration has it, also for LookupHost
    // The cluster this process started: the sandbox shares it as it would a sibling sandbox process's, development secrets included.
    start.Environment["EmbeddedPostgres__DataDirectory"] = dataDirectory;
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["MockData__LoadOnStart"] = "false"; // measure the registry as it was measured before mock data
    start.Environment["Access__Quota__PointsPerSecond"] = "1000000"; // measure the server, not the quota
    start.Environment["Access__Quota__Burst"] = "1000000";
    // The token benchmark measures how fast tokens are issued, not the throttle that stops guessing.
    foreach (var limit in new[] { "TokenPerClient", "TokenPerAddress", "TokenFailuresPerClient", "TokenFailuresPerAddress" })
    {
        start.Environment[$"Access__Throttling__{limit}__Burst"] = "1000000";
        start.Environment[$"Access__Throttling__{limit}__PerMinute"] = "1000000";
    }
    foreach (var (key, value) in settings ?? [])
    {
        start.Environment[key] = value;
    }

    var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox.");
    process.OutputDataReceived += (_, e) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilReady(HttpClient http)
{
    // A start on two cores shared with other builds can take minutes: wait up to 3.
    for (var attempt = 0; attempt < 360; attempt++)
    {
        try
        {
            if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(500);
    }

    throw new TimeoutException("The sandbox did not become ready within 180 s.");
}
