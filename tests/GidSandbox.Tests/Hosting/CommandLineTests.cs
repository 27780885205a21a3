using GidSandbox.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GidSandbox.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public async Task a_command_stops_the_embedded_database_it_started()
    {
        using var root = new SandboxProcess.TempFolder();
        var data = Path.Combine(root.Path, ".data", "postgres");
        await File.WriteAllTextAsync(root.File("applicants.csv"), "reference,names,kind,country\nA-1,Acme Holdings,legal_entity,US\n");
        try
        {
            // The sandbox as `dotnet run -- match-csv` runs it, in a folder of its own, so it starts its own cluster there.
            var (exitCode, output) = await SandboxProcess.RunAsync(root.Path, new Dictionary<string, string>(), "match-csv", "--in", root.File("applicants.csv"), "--out", root.File("matches.csv"));

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
        }
    }
}
