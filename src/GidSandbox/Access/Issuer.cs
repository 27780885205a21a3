using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace GidSandbox.Access;

/// <summary>
/// The authorization server names itself from configuration (<c>Access:Issuer</c>), or else by the
/// first address it listens on, never by the request's Host header: a request sent with another
/// Host gets the same discovery document and the same <c>iss</c> in its tokens. Only loopback names
/// (appsettings' AllowedHosts) and the issuer's own host are served at all.
/// </summary>
public static class Issuer
{
    public static IServiceCollection AddOwnIssuer(this IServiceCollection services)
    {
        // Built at the first request, when the server knows the addresses it listens on.
        services.AddOptions<OpenIddictServerOptions>().Configure<IServer, IOptions<AccessOptions>>((server, listener, access) =>
            server.Issuer ??= new Uri(access.Value.Issuer is { Length: > 0 } configured ? configured : FirstAddress(listener)));
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<AccessOptions>>((hosts, access) =>
        {
            if (Uri.TryCreate(access.Value.Issuer, UriKind.Absolute, out var issuer) && !hosts.AllowedHosts.Contains("*"))
            {
                hosts.AllowedHosts = [.. hosts.AllowedHosts, issuer.Host];
            }
        });
        return services;
    }

    /// <summary>The first address the server listens on, with a wildcard host read as localhost.</summary>
    public static string FirstAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return "http://localhost/";
        }

        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        uri.Path = "/";
        return uri.Uri.ToString();
    }
}
