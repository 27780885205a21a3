using System.Diagnostics;

namespace GidSandbox.Tests.Benchmarks;

/// <summary>
/// Every other benchmark command docs/performance.md names, run tiny, so none can stop working unnoticed: each must
/// start its own cluster, do what it measures and print its table. (The registry core benchmark runs in
/// <see cref="LookupBenchmarkSmokeTests"/>.) They start processes of their own and share nothing with the sandbox
/// collection, so they run beside it, one at a time.
/// </summary>
[Collection(BenchmarkSmokeRuns.Name)]
public sealed class DocumentedBenchmarksSmokeTests
{
    [Fact]
    public async Task the_mock_data_load_benchmark_measures_both_paths_and_the_copy_of_the_rows_they_wrote()
    {
        var output = await Run("GidSandbox.Benchmarks.dll", "--mock-data", "150", "--batch", "50", "--quick-ab");

        Assert.Contains("| measure | normal path | `--bulk` | reference `COPY` | normal path, Quick append mode |", output, StringComparison.Ordinal);
        Assert.Contains("reference: COPY of the ", output, StringComparison.Ordinal);
        Assert.Contains("| CPU per registration, loader / PostgreSQL (ms) |", output, StringComparison.Ordinal);
        Assert.Contains("mt_events", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_matching_performance_benchmark_times_searches_and_a_batch()
    {
        var output = await Run("GidSandbox.Benchmarks.dll", "matching-performance", "--identities", "300", "--searches", "3", "--records", "50");

        Assert.Contains("| search p50 / p95 (ms), 3 searches |", output, StringComparison.Ordinal);
        Assert.Contains("| batch of 50 records (s), first in the process / after another |", output, StringComparison.Ordinal);
        // Every record of the batch was decided ("Batch decisions: Match 12, Possible 30, NoMatch 8.").
        var decisions = System.Text.RegularExpressions.Regex.Match(output, @"Batch decisions: (.+?)\. The batch again").Groups[1].Value;
        Assert.Equal(50, decisions.Split(", ").Sum(decision => int.Parse(decision.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task the_matching_performance_benchmark_times_a_kept_database_again_without_loading_it()
    {
        var kept = Path.Combine(Path.GetTempPath(), $"gid-benchmark-kept-{Guid.NewGuid():N}");
        try
        {
            var first = await Run("GidSandbox.Benchmarks.dll", "matching-performance", "--identities", "200", "--searches", "3", "--records", "20", "--keep", kept);
            var again = await Run("GidSandbox.Benchmarks.dll", "matching-performance", "--identities", "200", "--searches", "3", "--records", "20", "--keep", kept, "--sandbox-only");

            Assert.Contains("Loaded ", first, StringComparison.Ordinal);
            Assert.DoesNotContain("Loaded", again, StringComparison.Ordinal);
            Assert.Contains("| search p50 / p95 (ms), 3 searches |", again, StringComparison.Ordinal);
            Assert.Contains("| batch of 20 records (s), first in the process / after another |", again, StringComparison.Ordinal);
            Assert.Matches(@"\| batch of 20 records \(s\), first in the process / after another \| [0-9.]+ / [0-9.]+ \| – \|", again);
        }
        finally
        {
            if (Directory.Exists(kept))
            {
                Directory.Delete(kept, recursive: true);
            }
        }
    }

    [Fact]
    public async Task the_audit_benchmark_verifies_the_chain_and_writes_the_golden_copy()
    {
        var output = await Run("GidSandbox.Benchmarks.dll", "audit-benchmark", "--events", "300", "--identities", "50", "--queries", "3");

        Assert.Contains("chain verification", output, StringComparison.Ordinal);
        Assert.Contains("intact: True", output, StringComparison.Ordinal);
        Assert.Contains("golden copy", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a program of the benchmarks' build output, with its folder as the
    /// content root and an embedded cluster of its own.
    /// </summary>
    private static async Task<string> Run(string dll, params string[] arguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-benchmark-smoke-{Guid.NewGuid():N}");
        try
        {
            return await Run(dll, directory, arguments);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<string> Run(string dll, string dataDirectory, string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<configuration>/net10.0/
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var folder = Path.Combine(root, "src", "GidSandbox.Benchmarks", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, dll));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MockData__LoadOnStart"] = "false";
        start.Environment["EmbeddedPostgres__DataDirectory"] = dataDirectory;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));

        Assert.True(process.ExitCode == 0, $"{await output}\n{await errors}");
        return await output;
    }
}

/// <summary>The benchmark smoke runs: one at a time (each starts a cluster and sandbox processes), beside the sandbox collection.</summary>
[CollectionDefinition(Name)]
public sealed class BenchmarkSmokeRuns
{
    public const string Name = "benchmark smoke runs";
}
