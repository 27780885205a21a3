using System.Diagnostics;
using System.Globalization;
using System.Text;
using GidSandbox.Hosting;
using GidSandbox.MockData;
using GidSandbox.Terms;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.Benchmarks;

/// <summary>
/// Generation and load of N mock identities through the loader (the API's validation and
/// decisions, batched Marten sessions), next to PostgreSQL COPY of N rows of the same JSON lines
/// on the same cluster in the same run, with the process's peak working set after each step.
/// </summary>
public static class MockDataBenchmark
{
    public static async Task<int> RunAsync(int identities, int batch, int? parallel, bool bulk)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"gid-bench-{Guid.NewGuid():N}");
        var files = Path.Combine(Path.GetTempPath(), $"gid-bench-mock-{Guid.NewGuid():N}");
        await using var postgres = await EmbeddedPostgres.StartAsync(dataDirectory, "gid_bench", NullLogger.Instance);
        try
        {
            using var store = DocumentStore.For(options => options.ConfigureGid(postgres.ConnectionString));
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await ShippedTerms.PublishAsync(store);
            Console.WriteLine($"PostgreSQL on {postgres.Port}; {identities:N0} identities, batches of {batch}, {parallel?.ToString(CultureInfo.InvariantCulture) ?? "default"} stored at once{(bulk ? ", registrations by COPY (--bulk)" : "")}.");

            var clock = Stopwatch.StartNew();
            var written = await MockDataFiles.WriteAsync(new MockWorld(new MockProfile("benchmark", 20261127, identities)), files);
            var generation = clock.Elapsed;
            var afterGeneration = Peak();
            Console.WriteLine($"generated in {generation.TotalSeconds:F1} s, peak working set {afterGeneration:F0} MiB");

            var loader = new MockDataLoader(store, batch, parallel, bulk);
            await loader.LoadFileAsync(Path.Combine(files, MockDataFiles.Offices));
            var peakDuringLoad = 0.0;
            clock.Restart();
            var loaded = await loader.LoadFileAsync(Path.Combine(files, MockDataFiles.Identities), p =>
            {
                peakDuringLoad = Math.Max(peakDuringLoad, Peak());
                if (p.Line % 50_000 < batch)
                {
                    Console.WriteLine($"  {p.Line:N0} lines, {p.Loaded / clock.Elapsed.TotalSeconds:N0}/s, peak working set {Peak():F0} MiB");
                }
            });
            var load = clock.Elapsed;
            clock.Restart();
            var history = await loader.LoadFileAsync(Path.Combine(files, MockDataFiles.History));
            var historyLoad = clock.Elapsed;
            var afterLoad = Peak();
            if (loaded.Refused.Count + history.Refused.Count > 0)
            {
                throw new InvalidOperationException($"{loaded.Refused.Count + history.Refused.Count} lines were refused, e.g. {MockDataLoader.Describe(loaded.Refused.Concat(history.Refused).First())}");
            }

            clock.Restart();
            await Copy(postgres.ConnectionString, Path.Combine(files, MockDataFiles.Identities));
            var copy = clock.Elapsed;

            var bytes = new FileInfo(Path.Combine(files, MockDataFiles.Identities)).Length;
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"| measure | figure |")
                .AppendLine("| --- | ---: |")
                .AppendLine(CultureInfo.InvariantCulture, $"| generation ({written.Identities:N0} identities, {written.HistoryLines:N0} later writes, {written.Applicants:N0} applicant rows) | {generation.TotalSeconds:F1} s, {written.Identities / generation.TotalSeconds:N0} identities/s |")
                .AppendLine(CultureInfo.InvariantCulture, $"| load of the registrations through the decisions{(bulk ? ", stored by COPY (`--bulk`)" : "")} (identities/s) | {loaded.Loaded / load.TotalSeconds:N0} ({load.TotalSeconds:F1} s) |")
                .AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL `COPY` of the same {written.Identities:N0} lines as (id, jsonb) rows (rows/s) | {written.Identities / copy.TotalSeconds:N0} ({copy.TotalSeconds:F1} s; {bytes / written.Identities:N0} bytes a row) |")
                .AppendLine(CultureInfo.InvariantCulture, $"| load ÷ `COPY` | {loaded.Loaded / load.TotalSeconds / (written.Identities / copy.TotalSeconds):P0} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| load of the later writes (lines/s) | {history.Loaded / historyLoad.TotalSeconds:N0} ({history.Loaded:N0} in {historyLoad.TotalSeconds:F1} s) |")
                .AppendLine(CultureInfo.InvariantCulture, $"| peak working set after generation / during load / after load (MiB) | {afterGeneration:F0} / {peakDuringLoad:F0} / {afterLoad:F0} |");
            Console.WriteLine();
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            await postgres.StopAsync();
            EmbeddedPostgres.DeleteFiles(dataDirectory);
            if (Directory.Exists(files))
            {
                Directory.Delete(files, recursive: true);
            }
        }
    }

    /// <summary>The physical reference: the same lines, binary COPY into a table with a primary key.</summary>
    private static async Task Copy(string connectionString, string file)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("create table copy_identities (id text primary key, data jsonb not null)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var writer = await connection.BeginBinaryImportAsync("copy copy_identities (id, data) from stdin (format binary)");
        long n = 0;
        foreach (var line in File.ReadLines(file))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"copy-{n++}"), NpgsqlDbType.Text);
            await writer.WriteAsync(line, NpgsqlDbType.Jsonb);
        }

        await writer.CompleteAsync();
    }

    private static double Peak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
