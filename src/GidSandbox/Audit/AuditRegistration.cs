using GidSandbox.Audit.Chain;
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
}
