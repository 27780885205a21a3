using System.Diagnostics;

namespace GidSandbox.Tests.Benchmarks;

/// <summary>
/// The lookup benchmark documented in docs/performance.md, run tiny: it must still start its
/// cluster and sandboxes, register, look up (also with cost accounting off, and through its own hosts with and without
/// the access checks) and print its tables, each lookup run having answered: a host's first lookup builds its GraphQL schema,
/// which on a busy machine took longer than the tiny run's one second, so the benchmark waits for each host's first answer.
/// It starts processes of its own and shares nothing with the sandbox collection, so it runs beside it.
/// </summary>
[Collection(BenchmarkSmokeRuns.Name)]
public sealed class LookupBenchmarkSmokeTests
{
    [Fact]
    public async Task a_tiny_run_with_both_ab_comparisons_prints_every_table()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<configuration>/net10.0/
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var benchmark = Path.Combine(root, "src", "GidSandbox.Benchmarks", "bin", configuration, "net10.0", "GidSandbox.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { benchmark, "--identities", "20", "--concurrency", "2", "--seconds", "1", "--warm-up", "0", "--rounds", "1", "--pgbench-scale", "1", "--cost-ab", "--access-ab" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(6));

        Assert.True(process.ExitCode == 0, $"{await output}\n{await errors}");
        var printed = await output;
        var lines = printed.Split('\n');
        double Cell(string row, int column) => double.Parse(row.Split('|', StringSplitOptions.TrimEntries)[column].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var lookups = lines.Single(l => l.StartsWith("| `identity(gid)` lookups (requests/s) vs", StringComparison.Ordinal));
        Assert.True(Cell(lookups, 2) > 0, lookups);
        var requests = lines.Where(l => l.StartsWith("| requests/s |", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, row => Assert.True(Cell(row, 2) > 0 && Cell(row, 3) > 0, $"a lookup run answered nothing: {row}\n{printed}"));
        Assert.Contains("| `identity(gid)` lookups (requests/s) vs `pgbench -S` (tps) |", await output, StringComparison.Ordinal);
        Assert.Contains("| `identity(gid)` lookups, same run | cost accounting and connection bound on | off | on ÷ off |", await output, StringComparison.Ordinal);
        Assert.Contains("| `identity(gid)` lookups, same run, both hosted by the benchmark | with the access checks | without | with ÷ without |", await output, StringComparison.Ordinal);
    }
}
