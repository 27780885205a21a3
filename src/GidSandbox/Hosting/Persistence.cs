using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.Challenges;
using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.MockData;
using GidSandbox.Terms;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Weasel.Core;

namespace GidSandbox.Hosting;

/// <summary>
/// The database the sandbox runs on: <paramref name="Application"/> serves requests (a role that owns nothing),
/// <paramref name="Owner"/> migrates the schema at start, <paramref name="Streaming"/> (the application role without a
/// statement timeout) reads the whole trail for exports and verification; <paramref name="SigningKeys"/> are the token
/// keys stored in it.
/// </summary>
public sealed record GidDatabase(string Application, string Owner, string Streaming, SigningKeys SigningKeys)
{
    /// <summary>A streaming replica of the database for lookups and search (docs/scale-out.md), if there is one.</summary>
    public string? Replica { get; init; }
}

public static partial class Persistence
{
    public const string ConnectionStringName = "Gid";
    public const string OwnerConnectionStringName = "GidOwner";
    public const string Schema = "gid";

    /// <summary>
    /// Uses the configured connection strings, or else starts (or shares) the embedded PostgreSQL cluster, which then
    /// lives and stops with the host; then migrates the schema as the owner. Serving, requests get the timeouts of
    /// <see cref="AvailabilityOptions"/>; commands (<paramref name="args"/> naming one) none. Null when the database
    /// cannot be set up as it is: the reason is logged, for the operator to fix.
    /// </summary>
    /// <summary>Whether <paramref name="args"/> serve the sandbox (no command, <c>run</c>, or only options) rather than run a command.</summary>
    public static bool Serves(string[] args) => args is [] or ["run", ..] || args[0].StartsWith('-');

    public static async Task<GidDatabase?> AddGidDatabaseAsync(this WebApplicationBuilder builder, string[] args)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggers.CreateLogger(typeof(Persistence));
        var keyFile = builder.Configuration["Access:KeyFile"];
        EmbeddedPostgres? postgres = null;
        try
        {
            (string Application, string Owner, string KeyFile) database;
            if (builder.Configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured)
            {
                var owner = builder.Configuration.GetConnectionString(OwnerConnectionStringName) is { Length: > 0 } configuredOwner ? configuredOwner : configured;
                database = (configured, owner, keyFile ?? Path.Combine(EmbeddedPostgres.DataRoot(builder.Environment.ContentRootPath), "signing.keys"));
            }
            else
            {
                postgres = await EmbeddedPostgres.StartAsync(
                    builder.Configuration["EmbeddedPostgres:DataDirectory"] is { Length: > 0 } directory ? directory : EmbeddedPostgres.DefaultDataDirectory(builder.Environment.ContentRootPath),
                    "gid_sandbox",
                    loggers.CreateLogger<EmbeddedPostgres>());
                builder.Services.AddSingleton(postgres);
                builder.Services.AddHostedService(_ => postgres);
                // Decided here, never by configuration: a cluster this process (or a sandbox process beside it) started, private to
                // this account, holds nothing but sandbox data, so the shipped development secrets are safe with it and nowhere else.
                builder.Services.PostConfigure<AccessOptions>(access => access.UseDevelopmentSecrets = true);
                database = (postgres.ApplicationConnectionString, postgres.ConnectionString, keyFile ?? postgres.KeyFile);
            }

            database.Application = Cluster.ClusterNode.From(builder.Configuration).Named(database.Application);
            await DatabaseMigrations.MigrateAsync(database.Application, database.Owner, logger);
            var availability = Availability.Options(builder.Configuration);
            builder.Services.AddGidAvailability(availability);
            var serving = Serves(args);
            var migrated = new GidDatabase(
                serving ? Availability.ForRequests(database.Application, availability) : database.Application,
                database.Owner,
                serving ? Availability.ForRequests(database.Application, availability, statementTimeout: false) : database.Application,
                await SigningKeys.LoadOrCreateAsync(database.Owner, database.KeyFile))
            {
                Replica = Cluster.ReadReplicaRegistration.ReplicaConnectionString(builder.Configuration, database.Application) is { } replica && serving
                    ? Availability.ForRequests(replica, availability)
                    : null,
            };
            builder.Services.AddSingleton(migrated);
            return migrated;
        }
        catch (SetupRefusedException refused)
        {
            LogRefused(logger, refused.Message);
            if (postgres is not null)
            {
                await postgres.StopAsync();
            }

            return null;
        }
    }

    /// <summary>
    /// <paramref name="daemonMode"/> is the setting <c>Projections:DaemonMode</c>: <c>HotCold</c> (the default: one node
    /// at a time runs the async projections, the audit chain, and another takes over when it stops), <c>Solo</c> (this
    /// process alone, starting at once: the tests) or <c>Disabled</c>.
    /// </summary>
    public static IServiceCollection AddGidPersistence(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        var daemonMode = configuration.GetValue("Projections:DaemonMode", DaemonMode.HotCold);
        var leadershipPolling = configuration.GetValue<int?>("Projections:LeadershipPollingMilliseconds");
        // The schema is applied at start by the owner role (DatabaseMigrations): the application role never needs DDL.
        services.AddMarten(options =>
            {
                options.ConfigureGid(connectionString);
                options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
                if (leadershipPolling is { } milliseconds)
                {
                    // How often a node that is not the daemon's leader tries to become it: the bound on a takeover (docs/scale-out.md).
                    options.Projections.LeadershipPollingTime = milliseconds;
                }
            })
            .UseLightweightSessions()
            .AddAsyncDaemon(daemonMode);
        // Ready turns unhealthy within the connect timeout of a database that has gone away. Each probe opens a connection
        // of its own: a pooled one the server closed at a restart would report a database that is back as away.
        var probe = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        services.AddHealthChecks().AddNpgSql(probe, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(2));
        return services;
    }

    public static void ConfigureGid(this StoreOptions options, string connectionString)
    {
        options.Connection(WithoutJit(connectionString));
        options.DatabaseSchemaName = Schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));

        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Versions are numbered before the inline projections run, also for events appended without a version read
        // (the mock-data loader's batches): an identity's version is its stream's.
        options.Events.AppendMode = EventAppendMode.Rich;
        // Rich appends take their sequence numbers before their transaction begins and run the inline projections in
        // between, where the daemon sees no transaction that could fill the gap. Past this threshold it skips the gap, and
        // an append that commits later is never chained: a batch of registrations on a busy machine took over Marten's
        // 3 s. A gap that really stays (a process killed mid-append; a failed append is tombstoned) holds the async
        // projections this long.
        options.Projections.StaleSequenceThreshold = StaleSequenceThreshold;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        // Each feature adds its own event types, documents and projections.
        options.ConfigureIdentities();
        options.ConfigureTerms();
        options.ConfigureAccess();
        options.ConfigureMockData();
        options.ConfigureMatching();
        options.ConfigureAudit(connectionString);
        options.ConfigureChallenges();
        Rights.Applicants.ConfigureRights(options);
    }

    /// <summary>How long the async daemon waits for an append to fill a gap in the event sequence before passing it.</summary>
    private static readonly TimeSpan StaleSequenceThreshold = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The connection with PostgreSQL's JIT compilation off for its sessions: the registry's statements are short
    /// lookups, and a plan whose estimated cost crosses <c>jit_above_cost</c> (a candidate search over many names at
    /// a million identities) spent more time compiling than running (docs/performance.md).
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The sandbox cannot start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
