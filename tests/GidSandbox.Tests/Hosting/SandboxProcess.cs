using System.Diagnostics;

namespace GidSandbox.Tests.Hosting;

/// <summary>The built sandbox run as its own process in a folder of its own, which holds no appsettings.json: it reads the one built beside it.</summary>
public static class SandboxProcess
{
    /// <summary>How the process ended: its exit code, all it printed, and what it printed on the error stream alone.</summary>
    public sealed record Finished(int ExitCode, string Output, string Errors)
    {
        public void Deconstruct(out int exitCode, out string output) => (exitCode, output) = (ExitCode, Output);
    }

    /// <summary>Where the build put the sandbox (the same configuration as the tests'), with its appsettings.json.</summary>
    public static string ProgramFolder { get; } = FolderOf("GidSandbox");

    /// <summary>Runs the sandbox with <paramref name="arguments"/> in <paramref name="root"/> and returns its exit code and all it printed.</summary>
    public static Task<Finished> RunAsync(string root, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(Path.Combine(ProgramFolder, "GidSandbox.dll"), root, environment, arguments);

    /// <summary>The same, for a command that may take up to <paramref name="timeout"/> (the default is 2 minutes).</summary>
    public static Task<Finished> RunAsync(string root, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments) =>
        RunAsync(Path.Combine(ProgramFolder, "GidSandbox.dll"), root, environment, arguments, timeout);

    /// <summary>Runs one of the tools beside the sandbox (src/GidSandbox.Benchmarks) the same way.</summary>
    public static Task<Finished> RunToolAsync(string root, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(Path.Combine(FolderOf("GidSandbox.Benchmarks"), "GidSandbox.Benchmarks.dll"), root, environment, arguments);

    private static string FolderOf(string project) => Path.Combine(
        Repository(), "src", project, "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0");

    private static async Task<Finished> RunAsync(string program, string root, IReadOnlyDictionary<string, string> environment, string[] arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", [program, .. arguments])
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
        await process.WaitForExitAsync(new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2)).Token);
        return new Finished(process.ExitCode, await output + await errors, await errors);
    }

    /// <summary>A folder of its own under the temporary folder, deleted with what the process left in it.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gid-command-{Guid.NewGuid():N}");

        public TempFolder() => Directory.CreateDirectory(Path);

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
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
