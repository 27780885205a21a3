using Marten;

namespace GidSandbox.MockData;

public static class MockDataRegistration
{
    public static IServiceCollection AddMockData(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue(LoadOnStart.Setting, defaultValue: true))
        {
            services.AddHostedService<LoadOnStart>();
        }

        return services;
    }

    public static void ConfigureMockData(this StoreOptions options)
    {
        options.Schema.For<MockDataCheckpoint>();
        options.Schema.For<MockDataBatch>();
    }
}
