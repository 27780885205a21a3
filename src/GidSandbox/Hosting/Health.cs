using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GidSandbox.Hosting;

public static class Health
{
    /// <summary>Live: the process answers. Ready: it can reach its database too.</summary>
    public static void MapGidHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }
}
