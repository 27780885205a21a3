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
