using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>A token bucket: <see cref="Burst"/> attempts at once, refilled at <see cref="PerMinute"/>.</summary>
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

    /// <summary>Sign-in attempts for one user name, from anywhere.</summary>
    public ThrottleLimit SignInPerUser { get; set; } = new() { Burst = 10, PerMinute = 10 };

    /// <summary>Sign-in attempts from one address, whatever user name they give.</summary>
    public ThrottleLimit SignInPerAddress { get; set; } = new() { Burst = 60, PerMinute = 60 };

    /// <summary>What a failed attempt (wrong secret or password, refused grant) costs, in attempts; a success costs one.</summary>
    public int FailureCost { get; set; } = 5;

    /// <summary>Own limits for one client_id or user name, replacing the per-client or per-user default.</summary>
    public Dictionary<string, ThrottleLimit> Exceptions { get; set; } = [];
}

/// <summary>
/// Throttles the token endpoint per client_id and per address, and the sign-in form per user name
/// and per address, with ASP.NET Core's rate limiter (token buckets, partitioned). Every attempt
/// takes one token from both buckets; a failed one takes <see cref="ThrottlingOptions.FailureCost"/>,
/// so guessing secrets or passwords slows down long before a working client notices anything.
/// Over the limit is HTTP 429 with Retry-After.
/// </summary>
public sealed class Throttle : IDisposable
{
    private readonly ThrottlingOptions _options;

    public Throttle(IOptions<ThrottlingOptions> options)
    {
        _options = options.Value;
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byAddress: true)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byAddress: false)));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>The requests throttled here: attempts to authenticate, whose form <see cref="FormLimits"/> has read already.</summary>
    public static bool Applies(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path == TokenEndpoint.Path || request.Path == SignInPage.Path);

    /// <summary>Charges a failed attempt its extra cost, as far as the buckets hold (the next attempt then waits).</summary>
    public void RecordFailure(HttpContext http)
    {
        for (var i = 1; i < _options.FailureCost; i++)
        {
            using var lease = Limiter.AttemptAcquire(http);
            if (!lease.IsAcquired)
            {
                return;
            }
        }
    }

    /// <summary>Whether the answer to an attempt says it failed: wrong client credentials, a refused grant, a wrong password.</summary>
    public static bool Failed(HttpContext http) =>
        http.Response.StatusCode is >= 400 and < 500 and not StatusCodes.Status429TooManyRequests and not StatusCodes.Status413PayloadTooLarge;

    private RateLimitPartition<string> Partition(HttpContext http, bool byAddress)
    {
        if (!Applies(http.Request))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var token = http.Request.Path == TokenEndpoint.Path;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (key, limit) = byAddress
            ? ($"address {address}", token ? _options.TokenPerAddress : _options.SignInPerAddress)
            : token
                ? Named("client", ClientId(http.Request), _options.TokenPerClient)
                : Named("user", Form(http.Request, "username"), _options.SignInPerUser);
        // The partitioned limiter refills all its buckets on one timer (every 100 ms), so a refill period is a second at least.
        var perMinute = Math.Max(1, limit.PerMinute);
        return RateLimitPartition.GetTokenBucketLimiter($"{(token ? "token" : "sign-in")} {key}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limit.Burst),
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

    /// <summary>HTTP 429 with Retry-After: an OAuth error for the token endpoint, a short text for the sign-in form.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
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
            }, cancellationToken: ct);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Too many sign-in attempts for this user or from this address; wait {retryAfter} s and try again.", ct);
    }

    public void Dispose() => Limiter.Dispose();
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
    /// A failed attempt is charged its extra cost once the answer is known.
    /// </summary>
    public static void UseGidThrottling(this WebApplication app)
    {
        var throttle = app.Services.GetRequiredService<Throttle>();
        app.UseWhen(http => Throttle.Applies(http.Request), attempts =>
        {
            attempts.Use(async (http, next) =>
            {
                await next(http);
                if (Throttle.Failed(http))
                {
                    throttle.RecordFailure(http);
                }
            });
            attempts.UseRateLimiter(new RateLimiterOptions { GlobalLimiter = throttle.Limiter, OnRejected = Throttle.RejectAsync });
        });
    }
}
