using System.Globalization;
using System.Threading.RateLimiting;
using GidSandbox.GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;

namespace GidSandbox.Access;

public sealed class QuotaOptions
{
    public const string Section = "Access:Quota";

    /// <summary>Points an office earns back each second; a plain request (one lookup) costs one point.</summary>
    public int PointsPerSecond { get; set; } = 50;

    /// <summary>Points an office may spend at once, so also the most one request of an office with the default quota may cost.</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Per-office exceptions, by office code: points per second, and as many at once.</summary>
    public Dictionary<string, int> OfficePointsPerSecond { get; set; } = [];

    /// <summary>
    /// The API nodes behind the cluster's proxy (<c>cluster up</c> sets it): each node holds its own buckets, with this
    /// share of every rate and burst. The proxy spreads an office's requests evenly over the nodes, so together they
    /// grant about the configured quota (docs/scale-out.md).
    /// </summary>
    public int Nodes { get; set; } = 1;

    /// <summary>This node's share of <paramref name="points"/>, rounded up.</summary>
    public int Share(int points) => Math.Max(1, (int)Math.Ceiling(points / (double)Math.Max(1, Nodes)));

    /// <summary>Charge requests by their cost (docs/limits.md); false charges one point a request, as before cost accounting (for A/B benchmarks).</summary>
    public bool ChargeCost { get; set; } = true;
}

/// <summary>What charging a request's cost left the office with; shown in <c>extensions.cost</c>.</summary>
public sealed record QuotaCharge(int Requested, long Remaining, TimeSpan? RetryAfter)
{
    public bool Granted => RetryAfter is null;

    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter?.TotalSeconds ?? 1));
}

/// <summary>
/// Per-office quotas in points (a token bucket per office, ASP.NET Core's rate limiting): each
/// request spends its computed cost, like GitHub's GraphQL rate limit. Callers without an office
/// (no or a bad token) are limited per address by the rate-limiting middleware instead.
/// </summary>
public sealed class OfficeQuotas(QuotaOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets = PartitionedRateLimiter.Create<string, string>(office =>
        RateLimitPartition.GetTokenBucketLimiter(office, _ => Bucket(options, office)));

    public QuotaOptions Options => options;

    /// <summary>The most points <paramref name="office"/> may spend at once: no single request may cost more.</summary>
    public int Capacity(string office) => options.Share(options.OfficePointsPerSecond.TryGetValue(office, out var own) ? own : Math.Max(options.Burst, options.PointsPerSecond));

    public long Remaining(string office) => _buckets.GetStatistics(office)?.CurrentAvailablePermits ?? Capacity(office);

    /// <summary>Spends <paramref name="points"/> of the office's bucket, or nothing and says when to retry.</summary>
    public QuotaCharge Charge(string office, int points)
    {
        points = Math.Clamp(points, 0, Capacity(office));
        using var lease = _buckets.AttemptAcquire(office, points);
        if (lease.IsAcquired)
        {
            return new QuotaCharge(points, Remaining(office), null);
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        return new QuotaCharge(points, Remaining(office), wait);
    }

    private static TokenBucketRateLimiterOptions Bucket(QuotaOptions options, string office)
    {
        // An office with its own quota may spend one second's worth at once; the others share the default burst.
        var (rate, size) = options.OfficePointsPerSecond.TryGetValue(office, out var own) ? (own, own) : (options.PointsPerSecond, Math.Max(options.Burst, options.PointsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Share(size),
            TokensPerPeriod = options.Share(rate),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public void Dispose() => _buckets.Dispose();
}

public static class Quotas
{
    /// <summary>The rate-limiting middleware's policy: per address for callers without an office; offices are charged by cost.</summary>
    public const string Policy = "per-office";

    public static IServiceCollection AddGidQuotas(this IServiceCollection services, IConfiguration configuration)
    {
        var quota = configuration.GetSection(QuotaOptions.Section).Get<QuotaOptions>() ?? new QuotaOptions();
        services.AddSingleton(new OfficeQuotas(quota));
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => http.User.GetClaim(GidClaims.Office) is not null
                ? RateLimitPartition.GetNoLimiter("office")
                : RateLimitPartition.GetTokenBucketLimiter($"anonymous:{http.Connection.RemoteIpAddress}", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(quota.Burst, quota.PointsPerSecond),
                    TokensPerPeriod = quota.PointsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                await RefuseAsync(context.HttpContext, retryAfter, $"Too many requests from this address without a valid token; retry after {retryAfter} s.");
            };
        });
    }

    /// <summary>Answers an office over its quota: HTTP 429, Retry-After and RATE_LIMITED.</summary>
    public static Task RefuseAsync(HttpContext http, QuotaCharge charge) =>
        RefuseAsync(http, charge.RetryAfterSeconds,
            $"Your office is over its quota: this request costs {charge.Requested} points and {charge.Remaining} remain; retry after {charge.RetryAfterSeconds} s, or ask for less at once (docs/limits.md).");

    private static async Task RefuseAsync(HttpContext http, int retryAfter, string message)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await GraphQLHttpEndpoint.WriteErrorAsync(http, ErrorCodes.RateLimited, message);
    }
}
