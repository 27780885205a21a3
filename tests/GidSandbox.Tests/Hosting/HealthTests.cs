namespace GidSandbox.Tests.Hosting;

[Collection(SandboxCollection.Name)]
public sealed class HealthTests(SandboxFixture sandbox)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task the_sandbox_reports_itself_healthy(string url)
    {
        var result = await sandbox.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(200);
        });

        Assert.Equal("Healthy", await result.ReadAsTextAsync());
    }
}

public sealed class ParticipantsReadyTests
{
    [Fact]
    public async Task a_sandbox_without_participants_is_not_ready_and_says_why()
    {
        var empty = new GidSandbox.Access.ParticipantsReady(Microsoft.Extensions.Options.Options.Create(new GidSandbox.Access.AccessOptions()));

        var result = await empty.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.Contains("appsettings.json was not found", result.Description, StringComparison.Ordinal);
    }
}
