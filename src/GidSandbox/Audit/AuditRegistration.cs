using GraphQL.Types;
using GidSandbox.Audit.Chain;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace GidSandbox.Audit;

public static class AuditRegistration
{
    public static IServiceCollection AddGidAudit(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<AuditEventTypes>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Cursors>();
        services.AddSingleton<ChainVerifier>();
        services.AddSingleton<Feed.ChangeFeed>();
        return services;
    }

    /// <summary>The hash chain's documents and the async projection that keeps it.</summary>
    public static void ConfigureAudit(this StoreOptions options, string connectionString)
    {
        options.Schema.For<AuditLink>().DocumentAlias("audit_link");
        options.Schema.For<AuditCheckpoint>().DocumentAlias("audit_checkpoint");
        options.Events.AddEventType<ErasureExecuted>();
        EventsTableGuard.IgnoreIndexes(options);
        options.Projections.Add(new AuditChainProjection(connectionString, options.DatabaseSchemaName), ProjectionLifecycle.Async, AuditChainProjection.Name);
    }

    /// <summary>The trail, its verification, and the change feed read from it.</summary>
    public static void MapQueries(ObjectGraphType query)
    {
        AuditTrail.Map(query);
        VerifyAuditTrail.Map(query);
        Feed.ChangeFeed.Map(query);
    }
}
