using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GidSandbox.Hosting;

/// <summary>
/// How the tools beside a running sandbox find it, as its commands find its database: the sandbox that serves on the
/// embedded cluster writes the address it listens on beside the cluster's data directory (<c>.data/postgres.url</c>,
/// with its process id, as the cluster's owner is written beside it), once listening, and removes it when it stops.
/// </summary>
public static class RunningSandbox
{
    public static string AddressFile(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".url";

    /// <summary>The address of the sandbox serving on the cluster in <paramref name="dataDirectory"/>, when its process still runs.</summary>
    public static Uri? Find(string dataDirectory)
    {
        var (process, address) = Read(AddressFile(dataDirectory));
        return process is { } pid && EmbeddedPostgres.IsAlive(pid) && Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Writes the address once listening, unless another sandbox that still runs wrote its own; removes it at stop.</summary>
    public static void WriteAddressWhenStarted(this WebApplication app)
    {
        if (app.Services.GetService<EmbeddedPostgres>() is not { } cluster)
        {
            return; // a configured database: nothing the tools would find it by
        }

        var file = AddressFile(cluster.DataDirectory);
        var written = false;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null || Find(cluster.DataDirectory) is not null)
            {
                return;
            }

            File.WriteAllText(file, $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\n{Reachable(address)}\n");
            written = true;
        });
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            if (written && Read(file).Process == Environment.ProcessId)
            {
                File.Delete(file);
            }
        });
    }

    /// <summary>An address bound to every interface (Kestrel's <c>[::]</c>, <c>0.0.0.0</c>, <c>+</c>, <c>*</c>) is reached on loopback.</summary>
    private static string Reachable(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var port = address.LastIndexOf(':');
        var host = address[scheme..port];
        return host is "[::]" or "0.0.0.0" or "+" or "*" ? $"{address[..scheme]}localhost{address[port..].TrimEnd('/')}" : address.TrimEnd('/');
    }

    private static (int? Process, string? Address) Read(string file)
    {
        try
        {
            var lines = File.ReadAllLines(file);
            return (int.Parse(lines[0], CultureInfo.InvariantCulture), lines[1]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (null, null);
        }
    }
}
