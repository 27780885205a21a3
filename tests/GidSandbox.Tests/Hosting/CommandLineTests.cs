using System.Diagnostics;
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
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var project = Path.Combine(Repository(), "src", "GidSandbox");
            File.Copy(Path.Combine(project, "appsettings.json"), Path.Combine(root, "appsettings.json"));
            var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", configuration, "net10.0", "GidSandbox.dll"), "help"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Remove("ConnectionStrings__Gid");
            start.Environment.Remove(SandboxFixture.EmbeddedDataDirectory);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

            Assert.True(process.ExitCode == 0, await output + await errors);
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

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GidSandbox.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
