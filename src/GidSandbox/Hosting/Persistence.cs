using GidSandbox.Audit;
using GidSandbox.Challenges;
using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using GidSandbox.Matching;
using GidSandbox.MockData;
using GidSandbox.Terms;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Weasel.Core;

namespace GidSandbox.Hosting;

/// <summary>
/// The connection strings of a process: <see cref="ConnectionString"/> for the event store and
/// requests, <see cref="Streaming"/> for exports and verification that read the whole trail
/// (no statement timeout, the same connect and lock timeouts).
/// </summary>
public sealed record GidDatabase(string ConnectionString, string Streaming);

public static class Persistence
{
    public const string ConnectionStringName = "Gid";

    /// <summary>
    /// Uses the configured connection string, or else starts the embedded PostgreSQL cluster,
    /// which then lives and stops with the host. Serving, requests get the timeouts of
    /// <see cref="AvailabilityOptions"/>; commands (<paramref name="args"/> naming one) none.
    /// </summary>
    public static async Task<GidDatabase> AddGidDatabaseAsync(this WebApplicationBuilder builder, string[] args)
    {
        var connectionString = await builder.StartOrConfiguredDatabaseAsync();
        var availability = Availability.Options(builder.Configuration);
        builder.Services.AddGidAvailability(availability);
        var serving = args is [] or ["run", ..] || args[0].StartsWith('-');
        return serving
            ? new GidDatabase(Availability.ForRequests(connectionString, availability), Availability.ForRequests(connectionString, availability, statementTimeout: false))
            : new GidDatabase(connectionString, connectionString);
    }

    private static async Task<string> StartOrConfiguredDatabaseAsync(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured)
        {
            return configured;
        }

        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var postgres = await EmbeddedPostgres.StartAsync(
            EmbeddedPostgres.DefaultDataDirectory(builder.Environment.ContentRootPath),
            "gid_sandbox",
            loggers.CreateLogger<EmbeddedPostgres>());
        // A private, throwaway database: the shipped development client secrets are safe to use.
        builder.Configuration["Access:UseDevelopmentSecrets"] = "true";
        builder.Services.AddSingleton(postgres);
        builder.Services.AddHostedService(_ => postgres);
        return postgres.ConnectionString;
    }

    public static IServiceCollection AddGidPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(options => options.ConfigureGid(connectionString))
            .UseLightweightSessions()
            .AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.HotCold) // one node at a time runs the async projections (the audit chain)
            .ApplyAllDatabaseChangesOnStartup();
        // Ready turns unhealthy within the connect timeout of a database that has gone away.
        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(2));
        return services;
    }

    public static void ConfigureGid(this StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = "gid";
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));

        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.AddEventTypes(IdentityEventTypes.All);
        options.Events.AddEventTypes([typeof(TermsOfUsePublished), typeof(TermsOfUseAccepted), typeof(OfficeSuspended), typeof(OfficeReinstated), typeof(GidSandbox.Access.WriteRefused)]);
        options.Projections.Add<IdentityProjection>(ProjectionLifecycle.Inline);
        // A parent's subsidiaries are found by the parent named on each legal entity.
        options.Schema.For<Identity>().Index(x => x.Parent);

        options.Schema.For<ExternalIdentifierClaim>().Index(x => x.Gid);
        options.Schema.For<IdempotencyRecord>();
        options.ConfigureMockData();
        options.ConfigureMatching();
        options.ConfigureAudit(connectionString);
        options.ConfigureChallenges();
    }
}
