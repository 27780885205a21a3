using System.Diagnostics;
using System.Globalization;
using System.Text;
using GidSandbox.Audit;
using GidSandbox.Hosting;
using GidSandbox.MockData;
using GidSandbox.Terms;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Benchmarks;

/// <summary>
/// The mock world's load, both ways, in one run on one cluster: the normal path (sessions) and <c>--bulk</c> (COPY), each
/// into a database of its own, next to the reference: PostgreSQL <c>COPY</c> of exactly the rows the registrations
/// wrote (dumped with <c>COPY … TO</c> after the bulk load, the tables truncated, and copied back into the same tables
/// with the same indexes). With <c>--quick-ab</c>, the normal path once more with Marten's Quick append mode, to show
/// what the Rich mode the registry uses costs a load.
/// </summary>
public static class MockDataBenchmark
{
    public static async Task<int> RunAsync(int identities, int batch, int? parallel, bool quickAb)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"gid-bench-{Guid.NewGuid():N}");
        var files = Path.Combine(Path.GetTempPath(), $"gid-bench-mock-{Guid.NewGuid():N}");
        await using var postgres = await EmbeddedPostgres.StartAsync(dataDirectory, "gid_bench", NullLogger.Instance);
        try
        {
            Console.WriteLine($"PostgreSQL on {postgres.Port}; {identities:N0} identities, batches of {batch}, {parallel?.ToString(CultureInfo.InvariantCulture) ?? "default"} stored at once.");
            var clock = Stopwatch.StartNew();
            var written = await MockDataFiles.WriteAsync(new MockWorld(new MockProfile("benchmark", 20261127, identities)), files);
            var generation = clock.Elapsed;
            Console.WriteLine($"generated in {generation.TotalSeconds:F1} s, working set {WorkingSet():F0} MiB");

            var server = EmbeddedPostgres.ServerPid(dataDirectory) ?? throw new InvalidOperationException("The cluster's postmaster is not running.");
            var normal = await LoadAsync(postgres.ConnectionString, server, "gid_normal", files, batch, parallel, bulk: false);
            var bulk = await LoadAsync(postgres.ConnectionString, server, "gid_bulk", files, batch, parallel, bulk: true);
            Loaded? quick = quickAb ? await LoadAsync(postgres.ConnectionString, server, "gid_quick", files, batch, parallel, bulk: false, EventAppendMode.Quick) : null;

            var reference = bulk.Reference!;
            var referenceRate = identities / reference.Copy.TotalSeconds;
            string Rate(Loaded l) => string.Create(CultureInfo.InvariantCulture, $"{l.Registrations / l.Load.TotalSeconds:N0} ({l.Load.TotalSeconds:F1} s)");
            string Ratio(Loaded l) => (l.Registrations / l.Load.TotalSeconds / referenceRate).ToString("P0", CultureInfo.InvariantCulture);
            string History(Loaded l) => string.Create(CultureInfo.InvariantCulture, $"{l.HistoryLines / l.History.TotalSeconds:N0} ({l.HistoryLines:N0} in {l.History.TotalSeconds:F1} s)");
            string Cpu(Cpu c) => string.Create(CultureInfo.InvariantCulture, $"{c.Client * 1000 / identities:F2} / {c.Server * 1000 / identities:F2}");
            string Memory(Loaded l) => string.Create(CultureInfo.InvariantCulture, $"{l.PeakDuringLoad:F0} / {l.After:F0}");
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"generation: {written.Identities:N0} identities, {written.HistoryLines:N0} later writes, {written.Applicants:N0} applicant rows in {generation.TotalSeconds:F1} s")
                .AppendLine(CultureInfo.InvariantCulture, $"reference: COPY of the {reference.Rows:N0} rows the registrations wrote ({(double)reference.Rows / identities:F2} rows per identity: {reference.Tables}) into the same tables and indexes")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"| measure | normal path | `--bulk` | reference `COPY`{(quick is null ? "" : " | normal path, Quick append mode")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| --- | ---: | ---: | ---:{(quick is null ? "" : " | ---:")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| registrations (identities/s) | {Rate(normal)} | {Rate(bulk)} | {referenceRate:N0} ({reference.Copy.TotalSeconds:F1} s; {reference.Rows / reference.Copy.TotalSeconds:N0} rows/s){(quick is null ? "" : $" | {Rate(quick)}")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| ÷ reference | {Ratio(normal)} | {Ratio(bulk)} | 100 %{(quick is null ? "" : $" | {Ratio(quick)}")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| CPU per registration, loader / PostgreSQL (ms) | {Cpu(normal.Cpu)} | {Cpu(bulk.Cpu)} | {Cpu(reference.Cpu)}{(quick is null ? "" : $" | {Cpu(quick.Cpu)}")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| later writes, through sessions (lines/s) | {History(normal)} | {History(bulk)} | {(quick is null ? "" : $" | {History(quick)}")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| working set, peak during the registrations / after the load (MiB) | {Memory(normal)} | {Memory(bulk)} | {(quick is null ? "" : $" | {Memory(quick)}")} |");
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

    private sealed record Reference(long Rows, string Tables, TimeSpan Copy, Cpu Cpu);

    private sealed record Loaded(long Registrations, TimeSpan Load, Cpu Cpu, long HistoryLines, TimeSpan History, double PeakDuringLoad, double After, Reference? Reference);

    /// <summary>CPU seconds (user and system) of this process and of the cluster's processes.</summary>
    private sealed record Cpu(double Client, double Server)
    {
        public static Cpu operator -(Cpu a, Cpu b) => new(a.Client - b.Client, a.Server - b.Server);

        /// <summary>
        /// Now, for the cluster of postmaster <paramref name="server"/>: its own time, its children that ended (a backend
        /// whose connection closed, an autovacuum worker) and those alive. On a shared machine wall time depends on the
        /// others' load; CPU time is the work itself.
        /// </summary>
        public static Cpu Now(int server)
        {
            using var process = Process.GetCurrentProcess();
            var postmaster = Stat(server);
            var ticks = postmaster[11] + postmaster[12] + postmaster[13] + postmaster[14];
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid) && pid != server)
                {
                    try
                    {
                        if (Stat(pid) is { } child && child[1] == server)
                        {
                            ticks += child[11] + child[12];
                        }
                    }
                    catch (IOException)
                    {
                        // ended meanwhile: counted in the postmaster's children time
                    }
                }
            }

            return new Cpu(process.TotalProcessorTime.TotalSeconds, ticks / 100.0); // Linux reports in clock ticks of 1/100 s
        }

        /// <summary>The fields of /proc/PID/stat after the command: [0] state, [1] parent, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
        private static long[] Stat(int pid)
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return [.. text[(text.LastIndexOf(')') + 2)..].Split(' ').Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 0)];
        }
    }

    /// <summary>Loads the world into a new database as the registry sets it up (schema, audit indexes and guard); the bulk path also measures the reference.</summary>
    private static async Task<Loaded> LoadAsync(string cluster, int server, string database, string files, int batch, int? parallel, bool bulk, EventAppendMode mode = EventAppendMode.Rich)
    {
        // A copy of the cluster's database as EmbeddedPostgres made it, extensions included.
        var template = new NpgsqlConnectionStringBuilder(cluster);
        NpgsqlConnection.ClearAllPools(); // a template must have no connection, idle pooled ones included
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database} template {template.Database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(cluster) { Database = database }.ConnectionString;
        using var store = DocumentStore.For(options =>
        {
            options.ConfigureGid(connectionString);
            options.Events.AppendMode = mode;
        });
        await using (var data = NpgsqlDataSource.Create(connectionString))
        {
            await EventsTableGuard.ApplyAsync(store, data);
        }

        await ShippedTerms.PublishAsync(store);
        var loader = new MockDataLoader(store, batch, parallel, bulk);
        await loader.LoadFileAsync(Path.Combine(files, MockDataFiles.Offices));
        var label = $"{(bulk ? "--bulk" : "normal path")}{(mode == EventAppendMode.Rich ? "" : $", {mode} append mode")}";
        var before = await CountsAsync(connectionString);
        var peak = 0.0;
        var cpu = Cpu.Now(server);
        var clock = Stopwatch.StartNew();
        var registrations = await loader.LoadFileAsync(Path.Combine(files, MockDataFiles.Identities), p =>
        {
            peak = Math.Max(peak, WorkingSet());
            if (p.Line % 10_000 < batch)
            {
                Console.WriteLine($"  {label}: {p.Line:N0} lines, {p.Loaded / clock.Elapsed.TotalSeconds:N0}/s, working set {WorkingSet():F0} MiB");
            }
        });
        var load = clock.Elapsed;
        cpu = Cpu.Now(server) - cpu;
        var reference = bulk ? await ReferenceAsync(connectionString, server, before) : null;
        clock.Restart();
        var history = await loader.LoadFileAsync(Path.Combine(files, MockDataFiles.History));
        var historyLoad = clock.Elapsed;
        if (registrations.Refused.Count + history.Refused.Count > 0)
        {
            throw new InvalidOperationException($"{registrations.Refused.Count + history.Refused.Count} lines were refused, e.g. {MockDataLoader.Describe(registrations.Refused.Concat(history.Refused).First())}");
        }

        Console.WriteLine($"{label}: {registrations.Loaded:N0} registrations in {load.TotalSeconds:F1} s, {history.Loaded:N0} later writes in {historyLoad.TotalSeconds:F1} s");
        return new Loaded(registrations.Loaded, load, cpu, history.Loaded, historyLoad, peak, WorkingSet(), reference);
    }

    /// <summary>
    /// The physical reference: every row the registrations added, dumped with binary COPY TO, the tables truncated (the
    /// events table's append-only guard set aside for it), and the same rows COPY'd back into the same tables, with the
    /// same indexes and constraints, streams before their events. Only the COPY back is timed.
    /// </summary>
    private static async Task<Reference> ReferenceAsync(string connectionString, int server, Dictionary<string, long> before)
    {
        var after = await CountsAsync(connectionString);
        var tables = after.Where(t => t.Value > before.GetValueOrDefault(t.Key)).Select(t => t.Key)
            .OrderBy(t => t switch { "mt_streams" => 0, "mt_events" => 1, _ => 2 }).ThenBy(t => t, StringComparer.Ordinal).ToList();
        var rows = tables.Sum(t => after[t] - before.GetValueOrDefault(t));
        var dump = Path.Combine(Path.GetTempPath(), $"gid-bench-copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dump);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var table in tables)
            {
                await using var file = File.Create(Path.Combine(dump, table));
                await using var raw = await connection.BeginRawBinaryCopyAsync($"copy {Persistence.Schema}.{table} to stdout (format binary)");
                await raw.CopyToAsync(file);
            }

            await Execute(connection, $"""
                alter table {Persistence.Schema}.mt_events disable trigger user;
                truncate {string.Join(", ", tables.Select(t => $"{Persistence.Schema}.{t}"))};
                alter table {Persistence.Schema}.mt_events enable trigger user;
                checkpoint;
                """);
            var cpu = Cpu.Now(server);
            var clock = Stopwatch.StartNew();
            foreach (var table in tables)
            {
                await using var file = File.OpenRead(Path.Combine(dump, table));
                await using var raw = await connection.BeginRawBinaryCopyAsync($"copy {Persistence.Schema}.{table} from stdin (format binary)");
                await file.CopyToAsync(raw);
            }

            var copy = clock.Elapsed;
            cpu = Cpu.Now(server) - cpu;
            var restored = await CountsAsync(connectionString);
            if (tables.Any(t => restored[t] != after[t]))
            {
                throw new InvalidOperationException("The reference COPY did not restore every row.");
            }

            var described = string.Join(", ", tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t} {after[t] - before.GetValueOrDefault(t):N0}")));
            return new Reference(rows, described, copy, cpu);
        }
        finally
        {
            Directory.Delete(dump, recursive: true);
        }
    }

    /// <summary>Exact row counts of every table of the registry's schema.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand($"select tablename from pg_tables where schemaname = '{Persistence.Schema}' order by tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from {Persistence.Schema}.{table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static double WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }
}
