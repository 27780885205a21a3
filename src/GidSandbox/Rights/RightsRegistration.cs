using GraphQL.Types;

namespace GidSandbox.Rights;

public static class RightsRegistration
{
    public static IServiceCollection AddGidRights(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
        return services;
    }

    public static void MapQueries(ObjectGraphType query) => Applicants.MapQueries(query);

    public static void MapMutations(ObjectGraphType mutation)
    {
        ExportPersonalData.Map(mutation);
        Applicants.MapMutations(mutation);
    }
}
