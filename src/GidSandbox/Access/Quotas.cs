using System.Globalization;
using System.Threading.RateLimiting;
using GidSandbox.GraphQL;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;

namespace GidSandbox.Access;

public sealed class QuotaOptions
{
    public const string Section = "Access:Quota";

    public int RequestsPerSecond { get; set; } = 50;

    public int Burst { get; set; } = 100;

    /// <summary>Per-office exceptions, by office code.</summary>
    public Dictionary<string, int> OfficeRequestsPerSecond { get; set; } = [];
}

/// <summary>Per-office request quotas with ASP.NET Core's rate limiter (a token bucket per office).</summary>
public static class Quotas
{
    public const string Policy = "per-office";

    public static IServiceCollection AddGidQuotas(this IServiceCollection services, IConfiguration configuration)
    {
        var quota = configuration.GetSection(QuotaOptions.Section).Get<QuotaOptions>() ?? new QuotaOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var office = http.User.GetClaim(GidClaims.Office);
                // An office with its own quota may burst one second's worth; the others share the default burst.
                var (perSecond, burst) = office is not null && quota.OfficeRequestsPerSecond.TryGetValue(office, out var own)
                    ? (own, own)
                    : (quota.RequestsPerSecond, Math.Max(quota.Burst, quota.RequestsPerSecond));
                return RateLimitPartition.GetTokenBucketLimiter(office ?? $"anonymous:{http.Connection.RemoteIpAddress}", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await GraphQLHttpEndpoint.WriteErrorAsync(http, ErrorCodes.RateLimited,
                    $"Your office is over its request quota ({quota.RequestsPerSecond} per second unless the Terms of Use set another); retry after {retryAfter} s.");
            };
        });
    }
}
