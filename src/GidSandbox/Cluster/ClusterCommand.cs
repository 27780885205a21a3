using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GidSandbox.Hosting;

namespace GidSandbox.Cluster;

/// <summary>
/// <c>cluster up --nodes N</c> runs the sandbox as a cluster on this machine: one PostgreSQL primary (the embedded
/// cluster, under <c>.data/cluster/primary</c>), N API nodes (this executable, each on a loopback port of its own, all
/// on the primary) and the reverse proxy (<see cref="ClusterProxy"/>) in front of them. It prints one JSON line per
/// process, then the proxy's URL, and returns once the proxy is ready; with <c>--replica</c> also a streaming replica of
/// the primary (a hot standby under <c>.data/cluster/replica</c>), which the nodes read lookups and search from; the processes run on until <c>cluster down</c>
/// stops them (their ids are in <c>.data/cluster/state.json</c>). Logs go to <c>node.log</c> in each process's folder.
/// </summary>
public static partial class ClusterCommand
{
    public const string Name = "cluster";
    public const string Database = "gid_sandbox";
    public const string NodeRole = "node";
    public const string ReplicaRole = "replica";

    /// <summary>How long one process may take to become ready; the first node migrates the schema and loads the mock data.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static bool Asked(string[] args) => args is [Name, ..] or [ClusterProxy.Role, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = loggers.CreateLogger(typeof(ClusterCommand));
        var directory = Path.Combine(EmbeddedPostgres.DataRoot(Directory.GetCurrentDirectory()), "cluster");
        switch (args)
        {
            case [ClusterProxy.Role, ..]:
                return await ClusterProxy.RunAsync(args);
            case [Name, "up", ..] when Option(args, "--nodes") is not { } nodes || (int.TryParse(nodes, CultureInfo.InvariantCulture, out var n) && n >= 1):
                return await UpAsync(directory, Option(args, "--nodes") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 2, args.Contains("--replica"), logger);
            case [Name, "down"]:
                await DownAsync(directory, logger);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: cluster up [--nodes N (1 or more, default 2)] [--replica] | cluster down");
                return 2;
        }
    }

    private static async Task<int> UpAsync(string directory, int nodes, bool withReplica, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        if (ClusterState.Read(directory).Any(p => p.IsAlive))
        {
            await Console.Error.WriteLineAsync($"A cluster is up already ({ClusterState.FileIn(directory)}); stop it first with: cluster down");
            return 1;
        }

        var started = new List<ClusterProcess>();
        try
        {
            var primary = Path.Combine(directory, "primary");
            await using (var postgres = await EmbeddedPostgres.StartAsync(primary, Database, logger))
            {
                await postgres.DetachAsync();
                started.Add(new ClusterProcess(ClusterState.PrimaryRole, ClusterState.PrimaryRole, $"postgresql://127.0.0.1:{postgres.Port}/{Database}", EmbeddedPostgres.ServerPid(primary) ?? 0, primary));
                ClusterState.Write(directory, started);
            }

            int? replicaPort = null;
            if (withReplica)
            {
                var replica = Path.Combine(directory, ReplicaRole);
                replicaPort = FreePort();
                var pid = await EmbeddedPostgres.StartStandbyDetachedAsync(primary, replica, replicaPort.Value, logger);
                started.Add(new ClusterProcess(ReplicaRole, ReplicaRole, $"postgresql://127.0.0.1:{replicaPort}/{Database}", pid, replica));
                ClusterState.Write(directory, started);
            }

            var proxyUrl = $"http://127.0.0.1:{FreePort()}";
            var nodeUrls = Enumerable.Range(1, nodes).Select(_ => $"http://127.0.0.1:{FreePort()}").ToList();
            // The first node migrates the schema, enrolls the participants and loads the mock data; the others, started
            // after it is ready, find all that done rather than racing it.
            for (var i = 0; i < nodes; i++)
            {
                var node = StartNode(directory, i + 1, nodeUrls[i], primary, replicaPort, proxyUrl, nodes);
                started.Add(node);
                ClusterState.Write(directory, started);
                if (i == 0)
                {
                    await WaitUntilReadyAsync(node);
                }
            }

            await Task.WhenAll(started.Where(p => p.Role == NodeRole).Skip(1).Select(WaitUntilReadyAsync));
            string[] replicaArguments = replicaPort is { } port ? ["--replica", $"127.0.0.1:{port}"] : [];
            var proxy = Start(directory, ClusterProxy.Role, ClusterProxy.Role, proxyUrl,
                [ClusterProxy.Role, "--urls", proxyUrl, .. nodeUrls.SelectMany(u => new[] { "--node", u }), .. replicaArguments], new Dictionary<string, string?>());
            started.Add(proxy);
            ClusterState.Write(directory, started);
            await WaitUntilReadyAsync(proxy);
        }
        catch (ClusterStartFailed failed)
        {
            await Console.Error.WriteLineAsync(failed.Message);
            await StopAsync(directory, started, logger);
            return 1;
        }

        foreach (var process in started)
        {
            Console.WriteLine(process.ToJson());
        }

        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { proxy = started[^1].Url }, ClusterProcess.Json));
        return 0;
    }

    /// <summary>
    /// A node: the sandbox served on <paramref name="url"/>, on the cluster's primary (and reading lookups and search from
    /// the replica on <paramref name="replicaPort"/>, if there is one), naming the proxy as its issuer.
    /// </summary>
    private static ClusterProcess StartNode(string directory, int number, string url, string primary, int? replicaPort, string proxyUrl, int nodes) =>
        Start(directory, NodeRole, $"node-{number}", url, ["--urls", url], new Dictionary<string, string?>
        {
            [$"ConnectionStrings__{Persistence.ConnectionStringName}"] = null,
            [$"ConnectionStrings__{Persistence.OwnerConnectionStringName}"] = null,
            ["EmbeddedPostgres__DataDirectory"] = primary,
            // Tokens name one issuer whichever node issued them, so every node accepts them.
            ["Access__Issuer"] = proxyUrl + "/",
            ["Access__Quota__Nodes"] = nodes.ToString(CultureInfo.InvariantCulture),
            [$"{ClusterNode.Section}__{nameof(ClusterNode.Name)}"] = $"node-{number}",
            [$"{ClusterNode.Section}__{nameof(ClusterNode.BehindProxy)}"] = "true",
            [$"{ReadReplica.Section}__{nameof(ReadReplicaOptions.EmbeddedPort)}"] = replicaPort?.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Starts this executable in a session of its own, its output appended to <c>node.log</c> in its folder.</summary>
    private static ClusterProcess Start(string directory, string role, string name, string url, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var folder = Path.Combine(directory, name);
        Directory.CreateDirectory(folder);
        var self = Environment.ProcessPath!;
        // Run as `dotnet GidSandbox.dll` (the tests), the program is the host and the assembly its first argument.
        string[] program = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, typeof(ClusterCommand).Assembly.Location] : [self];
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = Directory.GetCurrentDirectory() };
        foreach (var argument in new[] { "sh", "-c", "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1", "sh", Path.Combine(folder, "node.log") }.Concat(program).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(variable);
            }
            else
            {
                start.Environment[variable] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new ClusterStartFailed($"Could not start the {name}.");
        return new ClusterProcess(role, name, url, process.Id, folder);
    }

    private static async Task WaitUntilReadyAsync(ClusterProcess process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (!process.IsAlive)
            {
                throw new ClusterStartFailed($"The {process.Name} stopped while starting; its log, {Path.Combine(process.DataDirectory, "node.log")}, says why:\n{Tail(process)}");
            }

            try
            {
                using var answer = await client.GetAsync(new Uri($"{process.Url}/health/ready"));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new ClusterStartFailed($"The {process.Name} was not ready within {StartTimeout.TotalMinutes} minutes; its log:\n{Tail(process)}");
    }

    private static string Tail(ClusterProcess process)
    {
        var log = Path.Combine(process.DataDirectory, "node.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
    }

    private static async Task DownAsync(string directory, ILogger logger)
    {
        var processes = ClusterState.Read(directory);
        if (processes.Count == 0)
        {
            Console.WriteLine("No cluster is up here.");
            return;
        }

        await StopAsync(directory, processes, logger);
    }

    /// <summary>Stops the proxy, then the nodes (SIGTERM, then SIGKILL after 15 s), then the primary: the reverse of their start.</summary>
    private static async Task StopAsync(string directory, List<ClusterProcess> processes, ILogger logger)
    {
        foreach (var process in Enumerable.Reverse(processes))
        {
            if (process.Role is ClusterState.PrimaryRole or ReplicaRole)
            {
                await EmbeddedPostgres.StopDetachedAsync(process.DataDirectory, logger);
            }
            else if (process.IsAlive)
            {
                ClusterState.Terminate(process.Pid);
                var waited = Stopwatch.StartNew();
                while (process.IsAlive && waited.Elapsed < TimeSpan.FromSeconds(15))
                {
                    await Task.Delay(100);
                }

                if (process.IsAlive)
                {
                    using var stuck = Process.GetProcessById(process.Pid);
                    stuck.Kill();
                }
            }

            LogStopped(logger, process.Name, process.Pid);
        }

        ClusterState.Delete(directory);
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ClusterStartFailed(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the {Name} (process {Pid})")]
    private static partial void LogStopped(ILogger logger, string name, int pid);
}
