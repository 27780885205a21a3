using GidSandbox.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GidSandbox.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public async Task a_command_stops_the_embedded_database_it_started()
    {
        var root = Path.Combine(Path.GetTempPath(), $"gid-command-{Guid.NewGuid():N}");
        var data = Path.Combine(root, ".data", "postgres");
        Directory.CreateDirectory(root);
        try
        {
            // The sandbox as `dotnet run -- help` runs it, in a folder of its own, so it starts its own cluster there.
            var (exitCode, output) = await SandboxProcess.RunAsync(root, new Dictionary<string, string>(), "help");

            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(Path.Combine(data, "PG_VERSION")), "the command started no cluster of its own");
            Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")), "the cluster is still running");
            Assert.False(File.Exists(data + ".owner"));
        }
        finally
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                // Starting on a cluster whose owner is gone stops it first; then stop what was started.
                await (await EmbeddedPostgres.StartAsync(data, "gid_sandbox", NullLogger.Instance)).StopAsync();
            }

            Directory.Delete(root, recursive: true);
        }
    }
}
