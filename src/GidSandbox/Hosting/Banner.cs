using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GidSandbox.Hosting;

public static partial class Banner
{
    /// <summary>Once listening, says where the API and health checks are.</summary>
    public static void AnnounceWhenStarted(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                LogReady(app.Logger, address);
            }
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "GID Sandbox ready. GraphQL: {Address}/graphql  Health: {Address}/health/ready")]
    private static partial void LogReady(ILogger logger, string address);
}
