using GidSandbox.MockData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GidSandbox.Tests.MockData;

public sealed class LoadOnStartSettingTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void the_small_set_loads_at_start_unless_the_setting_turns_it_off(string? setting, bool loads)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : new Dictionary<string, string?> { [LoadOnStart.Setting] = setting })
            .Build();

        var services = new ServiceCollection().AddMockData(configuration);

        Assert.Equal(loads, services.Any(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(LoadOnStart)));
    }
}
