using System.Globalization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace GidSandbox.Cluster;

/// <summary>
/// The cluster's reverse proxy (YARP), run by the sandbox's own executable as <c>proxy --urls URL --node URL…</c>:
/// round robin over the API nodes, each probed on <c>/health/ready</c> (a node that fails twice in a row gets no more
/// requests until it answers again). A request that failed before any of the answer was sent is tried on another node
/// only when it is GET or HEAD: GraphQL queries over POST are not retried, since telling them from mutations would
/// mean parsing the document here; a client that wants the retry sends its query over GET. The proxy's own
/// <c>/health/ready</c> is ready only while every node is, and the replica (<c>--replica HOST:PORT</c>) accepts connections.
/// It also carries read-your-writes across nodes (<see cref="ReadYourWrites"/>): a caller whose write a node acknowledged
/// has its requests marked for the primary for a bound after it, whichever node they land on.
/// </summary>
public static class ClusterProxy
{
    public const string Role = "proxy";

    /// <summary>Said in the answer of a request the proxy sent to another node after the first failed, as often as it did.</summary>
    public const string RetriedHeader = "X-Gid-Proxy-Retried";

    public static async Task<int> RunAsync(string[] args)
    {
        var nodes = Values(args, "--node");
        if (nodes.Count == 0)
        {
            await Console.Error.WriteLineAsync("proxy: name the API nodes with --node URL (one --node for each).");
            return 2;
        }

        var probeSeconds = double.Parse(Values(args, "--probe-seconds").FirstOrDefault() ?? "2", CultureInfo.InvariantCulture);
        var replica = Values(args, "--replica").FirstOrDefault();
        var builder = WebApplication.CreateBuilder(Without(args, "--node", "--probe-seconds", "--replica"));
        var writers = new ReadYourWrites(ReadReplicaOptions.From(builder.Configuration).PrimaryAfterWrite);
        builder.Services.AddReverseProxy()
            .LoadFromMemory([Route()], [Nodes(nodes, TimeSpan.FromSeconds(probeSeconds))])
            // The node sees the Host the client named (the issuer's, the console's origin), and the client's address in X-Forwarded-For.
            .AddTransforms(transforms =>
            {
                transforms.AddOriginalHost(useOriginal: true);
                transforms.AddRequestTransform(writers.MarkRequestAsync);
                transforms.AddResponseTransform(writers.NoteWriteAsync);
            });
        builder.Services.AddHttpClient(Role, client => client.Timeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        app.MapGet("/health/live", () => Results.Text("Healthy"));
        app.MapGet("/health/ready", async (IHttpClientFactory clients) => await EveryNodeReadyAsync(clients.CreateClient(Role), nodes) && await AcceptsConnectionsAsync(replica)
            ? Results.Text("Healthy")
            : Results.Text("Unhealthy", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(RetryIdempotentAsync);
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>Tries a GET or HEAD that failed before its answer started on the nodes not tried yet.</summary>
    private static async Task RetryIdempotentAsync(HttpContext http, Func<Task> next)
    {
        await next();
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var proxy = http.GetReverseProxyFeature();
        var tried = new List<DestinationState>();
        while (http.GetForwarderErrorFeature() is not null && !http.Response.HasStarted && proxy.ProxiedDestination is { } failed)
        {
            tried.Add(failed);
            var untried = proxy.AllDestinations.Where(d => !tried.Contains(d)).ToList();
            if (untried.Count == 0)
            {
                return;
            }

            proxy.AvailableDestinations = untried;
            proxy.ProxiedDestination = null;
            http.Features.Set<IForwarderErrorFeature>(null);
            http.Response.Clear();
            http.Response.Headers[RetriedHeader] = tried.Count.ToString(CultureInfo.InvariantCulture);
            await next();
        }
    }

    private static RouteConfig Route() => new() { RouteId = "api", ClusterId = "nodes", Match = new RouteMatch { Path = "{**rest}" } };

    private static ClusterConfig Nodes(IReadOnlyList<string> nodes, TimeSpan probe) => new()
    {
        ClusterId = "nodes",
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        Destinations = nodes.Select((url, i) => (Name: $"node-{i + 1}", Url: url))
            .ToDictionary(n => n.Name, n => new DestinationConfig { Address = n.Url }, StringComparer.Ordinal),
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig { Enabled = true, Interval = probe, Timeout = TimeSpan.FromSeconds(2), Policy = "ConsecutiveFailures", Path = "/health/ready" },
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = probe * 2 },
        },
    };

    private static async Task<bool> EveryNodeReadyAsync(HttpClient client, IEnumerable<string> nodes)
    {
        var answers = await Task.WhenAll(nodes.Select(async node =>
        {
            try
            {
                using var answer = await client.GetAsync(new Uri(new Uri(node), "/health/ready"));
                return answer.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }));
        return answers.All(ready => ready);
    }

    /// <summary>Whether the replica (HOST:PORT) accepts a connection; true when there is none.</summary>
    private static async Task<bool> AcceptsConnectionsAsync(string? replica)
    {
        if (replica is null)
        {
            return true;
        }

        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var (host, port) = (replica[..replica.LastIndexOf(':')], int.Parse(replica[(replica.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static List<string> Values(string[] args, string option) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == option && p.i + 1 < args.Length).Select(p => args[p.i + 1])];

    private static string[] Without(string[] args, params string[] options)
    {
        var kept = new List<string>();
        for (var i = 1; i < args.Length; i++) // args[0] is the role
        {
            if (options.Contains(args[i]))
            {
                i++;
                continue;
            }

            kept.Add(args[i]);
        }

        return [.. kept];
    }
}
