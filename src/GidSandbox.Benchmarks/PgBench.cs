using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GidSandbox.Benchmarks;

/// <summary>PostgreSQL's own select-only benchmark on the same cluster: the physical reference for lookups.</summary>
public static partial class PgBench
{
    public static async Task<double> SelectOnly(int port, string passwordFile, int clients, int seconds, int scale)
    {
        await Run(port, passwordFile, "-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture));
        var output = await Run(port, passwordFile, "-S", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(2, clients).ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture));
        var match = Tps().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No tps in pgbench output:\n{output}");
    }

    private static async Task<string> Run(int port, string passwordFile, params string[] arguments)
    {
        var start = new ProcessStartInfo(Binary()) { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["PGPASSFILE"] = passwordFile } };
        foreach (var argument in arguments.Concat(["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "gid_sandbox"]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout + await stderr
            : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed: {await stderr}");
    }

    private static string Binary() =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
            .Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists) ?? "pgbench";

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
