using System.Collections.Concurrent;
using System.Diagnostics;
using GidSandbox.GraphQL;
using GidSandbox.Hosting;
using GraphQL;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.Cluster;

/// <summary>
/// The bounds of reading from a streaming replica (section <c>Replica</c>; docs/scale-out.md). The replica is
/// <c>ConnectionStrings:GidReplica</c>, or, in <c>cluster up --replica</c>, the embedded standby on
/// <see cref="EmbeddedPort"/> (same roles and passwords as the primary).
/// </summary>
public sealed class ReadReplicaOptions
{
    public int? EmbeddedPort { get; set; }

    /// <summary>Reads go to the primary while the replica's replay lags further behind the primary than this.</summary>
    public int MaxLagMilliseconds { get; set; } = 1000;

    /// <summary>How often each node measures the lag (never per request).</summary>
    public int CheckMilliseconds { get; set; } = 250;

    public TimeSpan MaxLag => TimeSpan.FromMilliseconds(MaxLagMilliseconds);

    public TimeSpan Check => TimeSpan.FromMilliseconds(CheckMilliseconds);

    /// <summary>
    /// How long a caller's reads go to the primary after its write. The replica is read only on a measurement at most
    /// two checks old that found it less than <see cref="MaxLag"/> behind, so it then holds every commit older than
    /// <c>MaxLag + 2 × Check</c>: a write acknowledged that long ago included.
    /// </summary>
    public TimeSpan PrimaryAfterWrite => MaxLag + (2 * Check);

    public static ReadReplicaOptions From(IConfiguration configuration) =>
        configuration.GetSection(ReadReplica.Section).Get<ReadReplicaOptions>() ?? new ReadReplicaOptions();
}

/// <summary>
/// Read-your-writes for one caller (its bearer token, or else a browser's cookies): after a write is acknowledged, that
/// caller's reads go to the primary for <c>bound</c>. A node keeps the writes it acknowledged; the cluster's proxy keeps
/// those of every node (a node marks the answer to a write with <see cref="WroteHeader"/>) and marks the caller's later
/// requests, on whichever node they land, with <see cref="PrimaryHeader"/>.
/// </summary>
public sealed class ReadYourWrites(TimeSpan bound)
{
    public const string WroteHeader = "X-Gid-Wrote";
    public const string PrimaryHeader = "X-Gid-Read-Primary";

    private readonly ConcurrentDictionary<string, long> _lastWrite = new(StringComparer.Ordinal);

    public static string? CallerOf(HttpRequest request) =>
        request.Headers.Authorization is { Count: > 0 } token ? token.ToString()
        : request.Headers.Cookie is { Count: > 0 } cookies ? cookies.ToString()
        : null;

    public void Wrote(string caller)
    {
        _lastWrite[caller] = Stopwatch.GetTimestamp();
        if (_lastWrite.Count > 10_000)
        {
            foreach (var (old, at) in _lastWrite.Where(w => Stopwatch.GetElapsedTime(w.Value) >= bound))
            {
                _lastWrite.TryRemove(new KeyValuePair<string, long>(old, at));
            }
        }
    }

    public bool RecentlyWrote(string? caller) =>
        caller is not null && _lastWrite.TryGetValue(caller, out var at) && Stopwatch.GetElapsedTime(at) < bound;

    /// <summary>At the proxy: only the proxy says which requests must read from the primary.</summary>
    public ValueTask MarkRequestAsync(Yarp.ReverseProxy.Transforms.RequestTransformContext context)
    {
        context.ProxyRequest.Headers.Remove(PrimaryHeader);
        if (RecentlyWrote(CallerOf(context.HttpContext.Request)))
        {
            context.ProxyRequest.Headers.Add(PrimaryHeader, "1");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>At the proxy: a node acknowledged a write of this caller.</summary>
    public ValueTask NoteWriteAsync(Yarp.ReverseProxy.Transforms.ResponseTransformContext context)
    {
        if (context.ProxyResponse?.Headers.Contains(WroteHeader) == true && CallerOf(context.HttpContext.Request) is { } caller)
        {
            Wrote(caller);
        }

        context.HttpContext.Response.Headers.Remove(WroteHeader);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A streaming replica the node reads lookups and search from (<see cref="ReadAsync{T}"/>), with a Marten store of its own
/// that nothing writes through and no daemon runs on. Every <see cref="ReadReplicaOptions.Check"/> it measures how far the
/// replica's replay is behind the primary's WAL; reads go to the primary when the replica is away, lags past
/// <see cref="ReadReplicaOptions.MaxLag"/>, has not been measured lately, fails a read, or the caller wrote within
/// <see cref="ReadReplicaOptions.PrimaryAfterWrite"/>.
/// </summary>
public sealed partial class ReadReplica(ReadReplicaOptions options, IDocumentStore primary, IDocumentStore replica, ClusterNode node, ILogger<ReadReplica> logger)
    : BackgroundService
{
    public const string Section = "Replica";
    public const string ConnectionStringName = "GidReplica";

    /// <summary>Says which server answered a request's lookups or search: <c>replica</c> or <c>primary</c>.</summary>
    public const string ReadFromHeader = "X-Gid-Read-From";

    private Measurement _last = new(false, 0, double.PositiveInfinity);

    /// <summary>When the last check that found the replica caught up started: it then held every commit made before.</summary>
    private long _caughtUpAt;

    public ReadYourWrites Writers { get; } = new(options.PrimaryAfterWrite);

    public IDocumentStore Store => replica;

    /// <summary>Measured less than the bound behind, at most two checks ago, and no read failed since.</summary>
    public bool Usable => _last is { Usable: true } last && Stopwatch.GetElapsedTime(last.At) < 2 * options.Check;

    /// <summary>Whether this request's reads must go to the primary: the caller wrote lately (here, or through any node, as the proxy says).</summary>
    public bool PrimaryFor(HttpContext http) =>
        Writers.RecentlyWrote(ReadYourWrites.CallerOf(http.Request))
        || (node.BehindProxy && http.Request.Headers.ContainsKey(ReadYourWrites.PrimaryHeader));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Check);
        do
        {
            await MeasureAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task MeasureAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Measurement measured;
        try
        {
            NpgsqlLogSequenceNumber written;
            await using (var connection = primary.Storage.Database.CreateConnection())
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select pg_current_wal_lsn()", connection);
                written = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!;
            }

            await using (var connection = replica.Storage.Database.CreateConnection())
            {
                await connection.OpenAsync(ct);
                // Behind the primary's WAL, the lag is the lesser of two ages, each never less than the true lag: of the last
                // commit replayed (which overstates it after a quiet spell or during one long transaction), and of the last
                // check that found the replica caught up.
                await using var command = new NpgsqlCommand(
                    "select pg_is_in_recovery(), pg_last_wal_replay_lsn(), extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000", connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var standby = reader.GetBoolean(0);
                var replayed = reader.IsDBNull(1) ? default : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
                var sinceCaughtUp = _caughtUpAt == 0 ? double.PositiveInfinity : Stopwatch.GetElapsedTime(_caughtUpAt).TotalMilliseconds;
                var lag = !standby ? double.PositiveInfinity
                    : replayed >= written ? 0
                    : Math.Min(sinceCaughtUp, reader.IsDBNull(2) ? double.PositiveInfinity : (double)reader.GetDecimal(2));
                if (standby && replayed >= written)
                {
                    _caughtUpAt = started;
                }

                measured = new Measurement(lag < options.MaxLagMilliseconds, started, lag);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || Availability.IsOutage(e))
        {
            measured = new Measurement(false, started, double.PositiveInfinity);
        }

        if (measured.Usable != _last.Usable)
        {
            LogChanged(logger, measured.Usable ? "reads lookups and search from the replica" : "reads everything from the primary", measured.LagMilliseconds);
        }

        _last = measured;
    }

    /// <summary>
    /// Runs a read on the replica when it may (else on the primary), and again on the primary when the replica fails it
    /// (a read is safe to repeat); the answer's <see cref="ReadFromHeader"/> says where it was read.
    /// </summary>
    public async Task<T> ReadAsync<T>(IResolveFieldContext context, Func<IDocumentStore, Task<T>> read)
    {
        var user = (GidUserContext)context.UserContext;
        if (!Usable || user.ReadsFromPrimary)
        {
            user.ReadFrom ??= "primary";
            return await read(primary);
        }

        try
        {
            var answer = await read(replica);
            user.ReadFrom ??= "replica";
            return answer;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || Availability.IsOutage(e))
        {
            _last = _last with { Usable = false };
            LogFailed(logger, e.Message);
            user.ReadFrom = "primary";
            return await read(primary);
        }
    }

    public override void Dispose()
    {
        replica.Dispose();
        base.Dispose();
    }

    private sealed record Measurement(bool Usable, long At, double LagMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica: the node now {What} (lag {LagMilliseconds} ms)")]
    private static partial void LogChanged(ILogger logger, string what, double lagMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica: a read failed there and was repeated on the primary: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

public static class ReadReplicaRegistration
{
    /// <summary>The replica's connection string, if one is configured or <c>cluster up --replica</c> runs one; null otherwise.</summary>
    public static string? ReplicaConnectionString(IConfiguration configuration, string primaryApplication) =>
        configuration.GetConnectionString(ReadReplica.ConnectionStringName) is { Length: > 0 } configured ? configured
        : ReadReplicaOptions.From(configuration).EmbeddedPort is { } port
            ? new NpgsqlConnectionStringBuilder(primaryApplication) { Host = "127.0.0.1", Port = port }.ConnectionString
            : null;

    /// <summary>
    /// Reads of lookups and search from the replica when there is one: a second Marten store on it, configured as the
    /// primary's (same documents and schema) but never migrated, never written, with no async daemon.
    /// </summary>
    public static IServiceCollection AddGidReadReplica(this IServiceCollection services, string? replicaConnectionString, IConfiguration configuration)
    {
        if (replicaConnectionString is null)
        {
            return services;
        }

        var options = ReadReplicaOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(provider => new ReadReplica(
            options,
            provider.GetRequiredService<IDocumentStore>(),
            DocumentStore.For(store =>
            {
                store.ConfigureGid(replicaConnectionString);
                store.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
            }),
            ClusterNode.From(configuration),
            provider.GetRequiredService<ILogger<ReadReplica>>()));
        services.AddHostedService(provider => provider.GetRequiredService<ReadReplica>());
        return services;
    }
}
