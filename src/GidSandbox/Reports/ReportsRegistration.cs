using GraphQL.Types;
namespace GidSandbox.Reports;

public static class ReportsRegistration
{
    public static IServiceCollection AddGidReports(this IServiceCollection services)
    {
        services.AddSingleton<UsageCounter>();
        services.AddHostedService(provider => provider.GetRequiredService<UsageCounter>());
        return services;
    }

    /// <summary>Counts requests for the usage report; goes before authentication and quotas so refused requests count too.</summary>
    public static void UseGidUsage(this WebApplication app) => app.UseMiddleware<UsageMiddleware>();

    public static void MapQueries(ObjectGraphType query) => GovernanceReports.Map(query);
}
