using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using GidSandbox.GraphQL;
using Microsoft.AspNetCore.Http.Timeouts;
using Npgsql;

namespace GidSandbox.Hosting;

/// <summary>How long the registry waits for its database before it tells the caller to come back (docs/limits.md).</summary>
public sealed class AvailabilityOptions
{
    public const string Section = "Availability";

    /// <summary>Longest a statement of a request may run (PostgreSQL <c>statement_timeout</c>).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a request's statement waits for a lock (PostgreSQL <c>lock_timeout</c>).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a request waits to open a connection, or for a free one in the pool (Npgsql <c>Timeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest a request may take in all (ASP.NET Core request timeouts); exports stream for as long as they need.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Database connections the resolvers of one GraphQL request may hold at once; 0 for no bound (A/B benchmarks).</summary>
    public int ConnectionsPerRequest { get; set; } = 4;

    /// <summary>What <c>Retry-After</c> says when the database is away.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}

public static class Availability
{
    public const string Message = "The registry's database is briefly unavailable (down, slow or busy); nothing was stored. Retry after the Retry-After delay.";

    public static AvailabilityOptions Options(IConfiguration configuration) =>
        configuration.GetSection(AvailabilityOptions.Section).Get<AvailabilityOptions>() ?? new AvailabilityOptions();

    /// <summary>
    /// The connection string a serving process uses: connects, waits for the pool, runs statements
    /// and waits for locks only so long. Commands (seed, rebuilds, exports) keep the string as
    /// configured: their statements may rightly run for minutes.
    /// </summary>
    public static string ForRequests(string connectionString, AvailabilityOptions options, bool statementTimeout = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = Math.Max(1, (int)options.ConnectTimeout.TotalSeconds) };
        var settings = $"-c lock_timeout={(int)options.LockTimeout.TotalMilliseconds}"
            + (statementTimeout ? $" -c statement_timeout={(int)options.StatementTimeout.TotalMilliseconds}" : "");
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? settings : $"{builder.Options} {settings}";
        return builder.ConnectionString;
    }

    /// <summary>True when <paramref name="exception"/> says the database is down, slow, locked or out of connections: worth retrying later.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseUnavailableException:
                    return true;
                case PostgresException pg:
                    return pg.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable
                        or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.DeadlockDetected
                        || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: TimeoutException or SocketException or IOException }:
                case TimeoutException:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;
            }
        }

        return false;
    }

    public static IServiceCollection AddGidAvailability(this IServiceCollection services, AvailabilityOptions options)
    {
        services.AddSingleton(options);
        return services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = http => WriteAsync(http, options.RetryAfterSeconds),
        });
    }

    /// <summary>A database outage anywhere in a request becomes HTTP 503 with Retry-After, in the shape the caller reads.</summary>
    public static void UseGidAvailability(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AvailabilityOptions>();
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception ex) when (IsOutage(ex) && !http.Response.HasStarted)
            {
                http.Response.Clear();
                await WriteAsync(http, options.RetryAfterSeconds);
            }
        });
        app.UseRequestTimeouts();
    }

    /// <summary>HTTP 503 with Retry-After: OAuth's JSON at the token endpoints, a page in the console, a GraphQL error elsewhere.</summary>
    public static async Task WriteAsync(HttpContext http, int retryAfterSeconds)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var path = http.Request.Path;
        if (path.StartsWithSegments("/connect"))
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, new Dictionary<string, string>
            {
                ["error"] = "temporarily_unavailable",
                ["error_description"] = Message,
            });
        }
        else if (path.StartsWithSegments("/console") || path.StartsWithSegments("/account"))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(UnavailablePage(retryAfterSeconds));
        }
        else
        {
            await GraphQLHttpEndpoint.WriteErrorAsync(http, ErrorCodes.Unavailable, Message);
        }
    }

    private static string UnavailablePage(int retryAfterSeconds) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Briefly unavailable – GID Sandbox</title>
        <link rel="stylesheet" href="/console/assets/console.css"></head>
        <body><main id="main">
        <h1>The registry is briefly unavailable</h1>
        <p role="alert">The GID Sandbox cannot reach its database just now. Nothing was changed.</p>
        <p>Try again in {retryAfterSeconds} seconds: reload this page.</p>
        </main></body>
        </html>
        """;
}

/// <summary>The registry answered that its database is away (e.g. the API behind the console answered 503).</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
