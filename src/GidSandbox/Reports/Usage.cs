using System.Collections.Concurrent;
using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Terms;
using GraphQL.Execution;
using Marten;
using NodaTime;
using Npgsql;
using OpenIddict.Abstractions;

namespace GidSandbox.Reports;

/// <summary>
/// Counts requests and refusals per office per day (Geneva) in memory, and adds them to the
/// usage table every few seconds in one statement: cheap on every request, additive across
/// API nodes, and at most a few seconds behind.
/// </summary>
public sealed partial class UsageCounter(NpgsqlDataSource database, IDocumentStore store, IClock clock, ILogger<UsageCounter> logger) : BackgroundService
{
    public const string Requests = "requests";
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<(string Office, LocalDate Day, string Metric), long> _counts = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Lock _stopGate = new();
    private Task? _stopping;

    public string Table { get; } = $"{store.Options.Events.DatabaseSchemaName}.gid_usage";

    /// <summary>Run by the owner role when the sandbox starts (the application role creates nothing).</summary>
    public static string CreateTableSql(string schema) => $"""
        create table if not exists {schema}.gid_usage (office text not null, day date not null, metric text not null, count bigint not null,
          primary key (office, day, metric))
        """;

    public void Count(string? office, string metric) =>
        _counts.AddOrUpdate((office ?? "(none)", TermsOfUseBook.Today(clock.GetCurrentInstant()), metric), 1, (_, n) => n + 1);

    public async Task FlushAsync(CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            var batch = new List<((string Office, LocalDate Day, string Metric) Key, long Count)>();
            foreach (var key in _counts.Keys)
            {
                if (_counts.TryRemove(key, out var count))
                {
                    batch.Add((key, count));
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            await using var upsert = new NpgsqlCommand($"""
                insert into {Table} (office, day, metric, count)
                select * from unnest($1::text[], $2::date[], $3::text[], $4::bigint[])
                on conflict (office, day, metric) do update set count = {Table}.count + excluded.count
                """, connection);
            upsert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(b => b.Key.Office).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(b => b.Key.Day.ToDateOnly()).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(b => b.Key.Metric).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(b => b.Count).ToArray() });
            await upsert.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>
    /// Stops counting and stores what is counted, once. A host may be stopped twice at once (the program that runs it stops
    /// it, and so does whoever disposes it, as a test host's factory does): the second stop waits for the first one's flush,
    /// so the host is disposed only once the counts are stored, and never flushes into a data source already disposed.
    /// </summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryFlushAsync(cancellationToken);
    }

    private async Task TryFlushAsync(CancellationToken ct)
    {
        try
        {
            await FlushAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogFlushFailed(logger, ex); // counts lost for this interval; the API keeps answering
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Usage counts could not be stored")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}

/// <summary>Counts every API request, and refusals made before GraphQL runs (authentication, quota).</summary>
public sealed class UsageMiddleware(RequestDelegate next, UsageCounter counter)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (!http.Request.Path.StartsWithSegments("/graphql") && !http.Request.Path.StartsWithSegments("/audit"))
        {
            return;
        }

        var office = http.User.GetClaim(GidClaims.Office);
        counter.Count(office, UsageCounter.Requests);
        if (http.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            counter.Count(office, ErrorCodes.RateLimited);
        }
        else if (http.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            counter.Count(office, ErrorCodes.Unauthenticated);
        }
    }
}

/// <summary>Counts GraphQL refusals by their extensions.code, using the same mapping the response uses.</summary>
public sealed class UsageListener(UsageCounter counter) : DocumentExecutionListenerBase
{
    private static readonly ErrorCodesProvider Codes = new();

    public override Task AfterValidationAsync(IExecutionContext context, global::GraphQL.Validation.IValidationResult validationResult)
    {
        if (!validationResult.IsValid)
        {
            Count(context, validationResult.Errors);
        }

        return Task.CompletedTask;
    }

    public override Task AfterExecutionAsync(IExecutionContext context)
    {
        Count(context, context.Errors);
        return Task.CompletedTask;
    }

    private void Count(IExecutionContext context, IEnumerable<global::GraphQL.ExecutionError> errors)
    {
        if (context.UserContext is GidUserContext user)
        {
            foreach (var error in errors)
            {
                counter.Count(user.Caller.Actor.Office, Codes.GetInfo(error).Extensions?["code"] as string ?? ErrorCodes.InternalError);
            }
        }
    }
}
