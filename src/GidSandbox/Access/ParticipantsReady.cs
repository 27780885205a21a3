using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GidSandbox.Access;

/// <summary>
/// Readiness needs participants: a sandbox started without its configuration (appsettings.json not found)
/// enrols no client and no person, so nobody could get a token, and it must not say it is ready.
/// </summary>
public sealed class ParticipantsReady(IOptions<AccessOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.Participants.Count == 0
            ? HealthCheckResult.Unhealthy("No participant is configured (Access:Participants is empty): appsettings.json was not found beside the program, or lists none.")
            : HealthCheckResult.Healthy($"{options.Value.Participants.Count} participants and {options.Value.People.Count} people configured."));
}
