using GidSandbox.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Tests.Hosting;

/// <summary>
/// What every command does at start (seed, verify, match-csv, the exports): migrate the schema of a database a running
/// sandbox writes to. On a schema that is current it must not wait for, nor hold up, the sandbox's writes.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class MigrationsBesideARunningSandboxTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task migrating_a_current_schema_keeps_the_audit_indexes_and_takes_no_lock_that_stops_writes_to_the_events_table()
    {
        var before = await AuditIndexes();

        // A write under way on the events table holds what every append holds; had the migration wanted a lock on the table
        // that stops writes (to drop or build an index, or replace a trigger), it would wait for this one: refused after 2 s.
        await using var writer = new NpgsqlConnection(sandbox.ConnectionString);
        await writer.OpenAsync();
        await using var writing = await writer.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("lock table gid.mt_events in row exclusive mode", writer, writing))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var owner = new NpgsqlConnectionStringBuilder(sandbox.ConnectionString) { Options = "-c lock_timeout=2000" }.ConnectionString;
        await DatabaseMigrations.MigrateAsync(sandbox.ApplicationConnectionString, owner, NullLogger.Instance);
        await writing.RollbackAsync();

        Assert.Equal(["mt_events_audit_client", "mt_events_audit_office", "mt_events_audit_timestamp", "mt_events_audit_type"], before.Keys);
        Assert.Equal(before, await AuditIndexes());
    }

    /// <summary>The audit indexes of the events table by name, with the oid that changes when an index is built anew.</summary>
    private async Task<SortedDictionary<string, uint>> AuditIndexes()
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select c.relname::text, c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'gid' and c.relkind = 'i' and c.relname like 'mt_events_audit_%'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new SortedDictionary<string, uint>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            indexes[reader.GetString(0)] = reader.GetFieldValue<uint>(1);
        }

        return indexes;
    }
}
