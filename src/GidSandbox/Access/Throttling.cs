using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>
/// <see cref="Burst"/> attempts at once, refilled at <see cref="PerMinute"/>: a token bucket for
/// attempts, a fixed window of <see cref="Burst"/> for failures.
/// </summary>
public sealed class ThrottleLimit
{
    public int Burst { get; set; }

    public int PerMinute { get; set; }
}

public sealed class ThrottlingOptions
{
    public const string Section = "Access:Throttling";

    /// <summary>Token requests naming one client_id, from anywhere (a client asks once per token lifetime).</summary>
    public ThrottleLimit TokenPerClient { get; set; } = new() { Burst = 30, PerMinute = 30 };

    /// <summary>Token requests from one address, whatever client they name (a whole office behind one gateway).</summary>
    public ThrottleLimit TokenPerAddress { get; set; } = new() { Burst = 300, PerMinute = 300 };

    /// <summary>Refused token requests (wrong secret, unknown client, bad grant) naming one client_id.</summary>
    public ThrottleLimit TokenFailuresPerClient { get; set; } = new() { Burst = 5, PerMinute = 2 };

    /// <summary>Refused token requests from one address.</summary>
    public ThrottleLimit TokenFailuresPerAddress { get; set; } = new() { Burst = 20, PerMinute = 10 };

    /// <summary>Sign-in attempts for one user name, from anywhere.</summary>
    public ThrottleLimit SignInPerUser { get; set; } = new() { Burst = 10, PerMinute = 10 };

    /// <summary>Sign-in attempts from one address, whatever user name they give.</summary>
    public ThrottleLimit SignInPerAddress { get; set; } = new() { Burst = 60, PerMinute = 60 };

    /// <summary>Refused sign-ins (wrong password, unknown user, expired form) for one user name.</summary>
    public ThrottleLimit SignInFailuresPerUser { get; set; } = new() { Burst = 5, PerMinute = 2 };

    /// <summary>Refused sign-ins from one address.</summary>
    public ThrottleLimit SignInFailuresPerAddress { get; set; } = new() { Burst = 20, PerMinute = 10 };

    /// <summary>Own limits for one client_id or user name, replacing both its per-client (or per-user) attempt and failure limits.</summary>
    public Dictionary<string, ThrottleLimit> Exceptions { get; set; } = [];
}

/// <summary>
/// Throttles the token endpoint per client_id and per address, and the sign-in form per user name
/// and per address, with partitioned limiters: token buckets count every attempt (through ASP.NET
/// Core's rate limiter), much smaller fixed windows count only failed attempts and stop a client id,
/// user name or address whose failures have used theirs up. Guessing secrets or passwords stops after a
/// few tries while a working client never notices. Over a limit is HTTP 429 with Retry-After.
/// </summary>
public sealed class Throttle : IDisposable
{
    private readonly ThrottlingOptions _options;

    public Throttle(IOptions<ThrottlingOptions> options)
    {
        _options = options.Value;
        Attempts = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byAddress: true, failures: false)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byAddress: false, failures: false)));
        Failures = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byAddress: true, failures: true)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byAddress: false, failures: true)));
    }

    /// <summary>Every attempt takes one token from its address's bucket and its client's (or user's).</summary>
    public PartitionedRateLimiter<HttpContext> Attempts { get; }

    /// <summary>Every failed attempt takes one permit; an attempt is refused while either window is used up.</summary>
    public PartitionedRateLimiter<HttpContext> Failures { get; }

    /// <summary>The requests throttled here: attempts to authenticate, whose form <see cref="FormLimits"/> has read already.</summary>
    public static bool Applies(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path == TokenEndpoint.Path || request.Path == SignInPage.Path);

    /// <summary>Whether failures have used up a window of this attempt's (a lease of no permits only looks), and when to come back.</summary>
    public bool FailedTooOften(HttpContext http, out TimeSpan retryAfter)
    {
        using var lease = Failures.AttemptAcquire(http, 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void RecordFailure(HttpContext http) => Failures.AttemptAcquire(http).Dispose();

    /// <summary>Whether the answer to an attempt says it failed: wrong client credentials, a refused grant, a wrong password.</summary>
    public static bool Failed(HttpContext http) =>
        http.Response.StatusCode is >= 400 and < 500 and not StatusCodes.Status429TooManyRequests and not StatusCodes.Status413PayloadTooLarge;

    private RateLimitPartition<string> Partition(HttpContext http, bool byAddress, bool failures)
    {
        if (!Applies(http.Request))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var token = http.Request.Path == TokenEndpoint.Path;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var o = _options;
        var (key, limit) = (byAddress, token) switch
        {
            (true, true) => ($"address {address}", failures ? o.TokenFailuresPerAddress : o.TokenPerAddress),
            (true, false) => ($"address {address}", failures ? o.SignInFailuresPerAddress : o.SignInPerAddress),
            (false, true) => Named("client", ClientId(http.Request), failures ? o.TokenFailuresPerClient : o.TokenPerClient),
            (false, false) => Named("user", Form(http.Request, "username"), failures ? o.SignInFailuresPerUser : o.SignInPerUser),
        };

        var burst = Math.Max(1, limit.Burst);
        var perMinute = Math.Max(1, limit.PerMinute);
        if (failures)
        {
            // A window, not a bucket: a bucket refills by fractions, and "any left?" (a lease of no permits) would then
            // always be yes. Burst failures per window, as many windows as make PerMinute on average.
            return RateLimitPartition.GetFixedWindowLimiter($"{(token ? "token" : "sign-in")} failures {key}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = burst,
                Window = TimeSpan.FromSeconds(Math.Max(1, 60.0 * burst / perMinute)),
                QueueLimit = 0,
                AutoReplenishment = false,
            });
        }

        // The partitioned limiter refills all its buckets on one timer (every 100 ms), so a refill period is a second at least.
        return RateLimitPartition.GetTokenBucketLimiter($"{(token ? "token" : "sign-in")} {key}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perMinute <= 60 ? 1 : (perMinute + 59) / 60,
            ReplenishmentPeriod = perMinute <= 60 ? TimeSpan.FromMinutes(1) / perMinute : TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        });
    }

    private (string Key, ThrottleLimit Limit) Named(string kind, string name, ThrottleLimit fallback)
    {
        name = name.Length > 200 ? name[..200] : name; // one partition per name: keep keys small
        return ($"{kind} {name}", _options.Exceptions.TryGetValue(name, out var own) ? own : fallback);
    }

    /// <summary>The client_id of the form, or of HTTP Basic client authentication (RFC 6749, 2.3.1).</summary>
    private static string ClientId(HttpRequest request)
    {
        if (Form(request, Parameters.ClientId) is { Length: > 0 } id)
        {
            return id;
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                return Uri.UnescapeDataString(pair.Split(':')[0]);
            }
            catch (FormatException)
            {
                return "";
            }
        }

        return "";
    }

    private static string Form(HttpRequest request, string name) =>
        request.HasFormContentType && request.Form.TryGetValue(name, out var value) ? value.ToString() : "";

    /// <summary>The rate limiter's answer when attempts are over their limit.</summary>
    public static ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct) =>
        new(WriteTooManyAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)));

    /// <summary>HTTP 429 with Retry-After: an OAuth error for the token endpoint, a short text for the sign-in form.</summary>
    public static async Task WriteTooManyAsync(HttpContext http, TimeSpan wait)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.Path == TokenEndpoint.Path)
        {
            http.Response.ContentType = "application/json;charset=UTF-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, new Dictionary<string, string>
            {
                [Parameters.Error] = Errors.TemporarilyUnavailable,
                [Parameters.ErrorDescription] = $"Too many token requests for this client or from this address; retry after {retryAfter} s.",
            }, cancellationToken: http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Too many sign-in attempts for this user or from this address; wait {retryAfter} s and try again.", http.RequestAborted);
    }

    public void Dispose()
    {
        Attempts.Dispose();
        Failures.Dispose();
    }
}

public static class ThrottlingRegistration
{
    public static IServiceCollection AddGidThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ThrottlingOptions>(configuration.GetSection(ThrottlingOptions.Section));
        return services.AddSingleton<Throttle>();
    }

    /// <summary>
    /// A rate limiter of its own for attempts to authenticate, ahead of authentication: OpenIddict
    /// answers a refused token request there, before the per-office quota's limiter would see it.
    /// A failed attempt is counted once its answer is known.
    /// </summary>
    public static void UseGidThrottling(this WebApplication app)
    {
        var throttle = app.Services.GetRequiredService<Throttle>();
        app.UseWhen(http => Throttle.Applies(http.Request), attempts =>
        {
            attempts.Use(async (http, next) =>
            {
                if (throttle.FailedTooOften(http, out var retryAfter))
                {
                    await Throttle.WriteTooManyAsync(http, retryAfter);
                    return;
                }

                await next(http);
                if (Throttle.Failed(http))
                {
                    throttle.RecordFailure(http);
                }
            });
            attempts.UseRateLimiter(new RateLimiterOptions { GlobalLimiter = throttle.Attempts, OnRejected = Throttle.RejectAsync });
        });
    }
}
