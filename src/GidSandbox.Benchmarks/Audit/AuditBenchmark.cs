using System.Diagnostics;
using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Feed;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Npgsql;

namespace GidSandbox.Benchmarks.Audit;

public sealed class AuditBenchmarkInput
{
    [Description("Events to add to the trail (default 200,000)")]
    public int EventsFlag { get; set; } = 200_000;

    [Description("Identities to add for the golden copy (default 50,000)")]
    public int IdentitiesFlag { get; set; } = 50_000;

    [Description("Audit queries to time (default 200)")]
    public int QueriesFlag { get; set; } = 200;
}

/// <summary>
/// Fills the configured database with a synthetic trail (rows shaped as Marten stores them,
/// inserted with generate_series), lets the async daemon chain it, then times: the audit query by
/// office and day, chain verification next to a plain sequential read of the events table, and the
/// golden copy. It runs on a throwaway cluster of its own, set up as the sandbox sets up its database.
/// </summary>
[Description("Benchmarks the audit trail, its verification and the golden copy on a synthetic trail", Name = "audit-benchmark")]
public sealed class AuditBenchmarkCommand : JasperFxAsyncCommand<AuditBenchmarkInput>
{
    private static readonly string[] Offices = ["EP", "JP", "KR", "CN", "US", "DE", "SA", "BR", "GB", "IB"];

    public override async Task<bool> Execute(AuditBenchmarkInput input)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-audit-benchmark-{Guid.NewGuid():N}");
        var postgres = await EmbeddedPostgres.StartAsync(directory, "gid_audit_benchmark", NullLogger.Instance);
        try
        {
            await DatabaseMigrations.MigrateAsync(postgres.ApplicationConnectionString, postgres.ConnectionString, NullLogger.Instance);
            // As the host: the owner migrated the schema, the application role never needs DDL.
            using var store = DocumentStore.For(options =>
            {
                options.ConfigureGid(postgres.ApplicationConnectionString);
                options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
            });
            await using var database = NpgsqlDataSource.Create(postgres.ApplicationConnectionString);
            var keys = await SigningKeys.LoadOrCreateAsync(postgres.ConnectionString, postgres.KeyFile);
            var log = new AuditLog(database, store, new AuditEventTypes(store));
            var feed = new ChangeFeed(log, new Cursors(keys), store);
            var days = 30;
            var clock = Stopwatch.StartNew();
            await Execute(database, $"""
                insert into gid.mt_streams (id, type, version, timestamp, created)
                select 'bench-' || n, 'identity', {(input.EventsFlag / input.IdentitiesFlag) + 1}, now(), now()
                from generate_series(0, {input.IdentitiesFlag - 1}) n on conflict do nothing;
                insert into gid.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, headers, user_name)
                select nextval('gid.mt_events_sequence'), gen_random_uuid(), 'bench-' || (n % {input.IdentitiesFlag}), n / {input.IdentitiesFlag} + 1,
                       jsonb_build_object('name', jsonb_build_object('id', n, 'text', 'Benchmark name ' || n, 'script', 'Latn', 'type', 'Alias', 'isPrimary', false)),
                       'name_added', now() - make_interval(secs => (n % ({days} * 86400))), '*DEFAULT*', 'GidSandbox.Identities.NameAdded, GidSandbox', 'bench-' || n,
                       jsonb_build_object('office', (array{ToSqlArray(Offices)})[1 + n % {Offices.Length}], 'clientId', 'bench', 'termsVersion', '1.0'), 'bench'
                from generate_series(1, {input.EventsFlag}) n;
                insert into gid.mt_doc_identity (id, data, mt_last_modified, mt_version, mt_dotnet_type)
                select 'bench-' || n, jsonb_build_object('id', 'bench-' || n, 'kind', 'LegalEntity', 'status', 'Active', 'country', 'CH', 'registeringOffice', 'EP', 'synthetic', true,
                         'names', jsonb_build_array(jsonb_build_object('id', 1, 'text', 'Benchmark Holding ' || n || ' AG', 'script', 'Latn', 'type', 'Legal', 'isPrimary', true)), 'version', 1),
                       now(), 1, 'GidSandbox.Identities.Identity'
                from generate_series(1, {input.IdentitiesFlag}) n on conflict do nothing;
                analyze gid.mt_events;
                """);
            Console.WriteLine($"seeded {input.EventsFlag:N0} events and {input.IdentitiesFlag:N0} identities in {clock.Elapsed.TotalSeconds:N1} s");

            clock.Restart();
            using (var daemon = await store.BuildProjectionDaemonAsync())
            {
                await daemon.StartAllAsync();
                await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromHours(2));
                await daemon.StopAllAsync();
            }

            var total = await Scalar(database, "select count(*) from gid.mt_events");
            Console.WriteLine($"chained by the async daemon in {clock.Elapsed.TotalSeconds:N1} s; trail now {total:N0} events");

            clock.Restart();
            long read = 0;
            await using (var command = database.CreateCommand("select * from gid.mt_events order by seq_id"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                    read++;
                }
            }

            var plain = read / clock.Elapsed.TotalSeconds;
            clock.Restart();
            var report = await new ChainVerifier(database, store).VerifyAsync(null, CancellationToken.None);
            var verified = report.EventsVerified / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"plain sequential read: {plain:N0} events/s; chain verification: {verified:N0} events/s ({verified / plain:P0}); intact: {report.Intact}");

            var random = new Random(42);
            var today = SystemClock.Instance.GetCurrentInstant();
            var timings = new List<double>();
            for (var i = 0; i < input.QueriesFlag; i++)
            {
                var from = today - Duration.FromDays(random.Next(1, days));
                var filter = new AuditFilter(null, Offices[random.Next(Offices.Length)], null, [], from, from + Duration.FromDays(1));
                var watch = Stopwatch.StartNew();
                await foreach (var _ in log.ReadAsync(filter, 0, 51, CancellationToken.None))
                {
                }

                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"auditTrail by office and day, first 51: p50 {timings[timings.Count / 2]:N2} ms, p95 {timings[(int)(timings.Count * 0.95)]:N2} ms, max {timings[^1]:N2} ms");

            var output = Path.Combine(Path.GetTempPath(), $"gid-benchmark-{Guid.NewGuid():N}");
            var golden = await GoldenCopy.ExportAsync(database, store, feed, output, false, CancellationToken.None);
            Console.WriteLine($"golden copy: {golden.Lines:N0} identities in {golden.Elapsed.TotalSeconds:N1} s ({golden.Lines / golden.Elapsed.TotalSeconds:N0}/s)");
            Directory.Delete(output, recursive: true);
            return true;
        }
        finally
        {
            await postgres.StopAsync();
            EmbeddedPostgres.DeleteFiles(directory);
        }
    }

    private static string ToSqlArray(IEnumerable<string> values) => $"[{string.Join(',', values.Select(v => $"'{v}'"))}]";

    private static async Task Execute(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
