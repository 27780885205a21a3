using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Npgsql;

namespace GidSandbox.Cluster;

/// <summary>
/// What makes a sandbox process one node of a cluster (<c>cluster up</c> sets it): its name, which its database
/// connections carry as their application name (so <c>pg_stat_activity</c> and <c>pg_locks</c> say which node holds
/// what, the async daemon's leadership included), and whether a reverse proxy on loopback stands in front of it.
/// </summary>
public sealed class ClusterNode
{
    public const string Section = "Cluster";

    public string? Name { get; set; }

    /// <summary>Read the client's address from <c>X-Forwarded-For</c>, trusted only from a loopback proxy (throttling per address sees the client).</summary>
    public bool BehindProxy { get; set; }

    public static ClusterNode From(IConfiguration configuration) => configuration.GetSection(Section).Get<ClusterNode>() ?? new ClusterNode();

    /// <summary>The connection string with this node's name as its application name; unchanged outside a cluster.</summary>
    public string Named(string connectionString) => Name is { Length: > 0 } name
        ? new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"gid-{name}" }.ConnectionString
        : connectionString;
}

public static class ProxyHeaders
{
    /// <summary>
    /// Behind the cluster's proxy, the client's address comes from the one <c>X-Forwarded-For</c> entry the proxy added,
    /// and only when the request came from loopback; a node serving clients directly ignores the header, since any
    /// client could write it.
    /// </summary>
    public static void UseGidProxyHeaders(this WebApplication app)
    {
        if (!ClusterNode.From(app.Configuration).BehindProxy)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
        options.KnownProxies.Add(IPAddress.IPv6Loopback);
        app.UseForwardedHeaders(options);
    }
}
