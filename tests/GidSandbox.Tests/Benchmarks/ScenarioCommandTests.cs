using GidSandbox.Hosting;
using GidSandbox.Tests.Hosting;
using GidSandbox.Tests.ReviewConsole;

namespace GidSandbox.Tests.Benchmarks;

/// <summary>The tools' walk-through (<c>scenario</c>) finds the sandbox running on the embedded cluster by itself, or says how to start one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScenarioCommandTests(BrowserSandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
{
    [Fact]
    public async Task scenario_without_an_address_walks_through_on_the_sandbox_serving_on_the_cluster()
    {
        // The run's Kestrel hosts serve on the run's cluster: the first to listen wrote its address beside it.
        var running = RunningSandbox.Find(sandbox.Postgres.DataDirectory);
        Assert.NotNull(running);
        using var root = new SandboxProcess.TempFolder();

        var (exitCode, output) = await SandboxProcess.RunToolAsync(root.Path, new Dictionary<string, string>
        {
            ["EmbeddedPostgres__DataDirectory"] = sandbox.Postgres.DataDirectory,
        }, "scenario", "--seed", "31");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"The sandbox running at {running.ToString().TrimEnd('/')}", output, StringComparison.Ordinal);
        Assert.Matches(@"11 GID-[0-9X-]+ is MERGED into GID-", output); // the walk-through's last step
    }

    [Fact]
    public async Task scenario_with_no_sandbox_running_says_how_to_start_one_even_where_a_stopped_one_left_its_address()
    {
        using var root = new SandboxProcess.TempFolder();
        var cluster = root.File("postgres");
        // Written by a sandbox process that is gone (no process has an id this large).
        await File.WriteAllTextAsync(RunningSandbox.AddressFile(cluster), $"{int.MaxValue}\n{browser.Address.ToString().TrimEnd('/')}\n");

        var (exitCode, output) = await SandboxProcess.RunToolAsync(root.Path, new Dictionary<string, string>
        {
            ["EmbeddedPostgres__DataDirectory"] = cluster,
        }, "scenario");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No running sandbox found: none has written its address to", output, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/GidSandbox", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
