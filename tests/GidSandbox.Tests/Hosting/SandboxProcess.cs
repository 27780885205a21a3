using System.Diagnostics;

namespace GidSandbox.Tests.Hosting;

/// <summary>The built sandbox run as its own process, as `dotnet run` runs it, in a folder of its own.</summary>
public static class SandboxProcess
{
    /// <summary>Runs the sandbox with <paramref name="arguments"/> in <paramref name="root"/> and returns its exit code and all it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string root, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync("GidSandbox", root, environment, arguments);

    /// <summary>Runs one of the tools beside the sandbox (src/GidSandbox.Benchmarks) the same way.</summary>
    public static Task<(int ExitCode, string Output)> RunToolAsync(string root, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync("GidSandbox.Benchmarks", root, environment, arguments);

    private static async Task<(int ExitCode, string Output)> RunAsync(string assembly, string root, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(Repository(), "src", assembly);
        File.Copy(Path.Combine(Repository(), "src", "GidSandbox", "appsettings.json"), Path.Combine(root, "appsettings.json"), overwrite: true);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", configuration, "net10.0", assembly + ".dll"), .. arguments])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test run's own settings stay out: the process gets only what the test gives it.
        start.Environment.Remove($"ConnectionStrings__{GidSandbox.Hosting.Persistence.ConnectionStringName}");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await output + await errors);
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
