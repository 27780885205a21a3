using Marten;
using Npgsql;

namespace GidSandbox.Audit;

/// <summary>
/// Makes the events table append-only in PostgreSQL itself: a trigger refuses UPDATE, DELETE and
/// TRUNCATE of events for every role, including the application's own, except the masking of an erasure (the
/// data and headers of rows, under a governance decision already recorded; see governance/audit-verification.md). Marten only ever INSERTs
/// events for the operations the registry uses (appends, projections, the async daemon); archiving
/// streams and Marten's event-data reset would be refused and are not used. Only the table's owner
/// (or a superuser) can disable the trigger or bypass it with session_replication_role, so the
/// sandbox applies it as the owner role at start and serves requests as a role that is neither
/// (DatabaseMigrations); the hash chain detects an edit made by one of them anyway.
/// Also adds the indexes the audit trail's filters use.
/// </summary>
public static class EventsTableGuard
{
    public const string Trigger = "mt_events_append_only";

    /// <summary>
    /// The transaction setting that names the erasure decision under which event data is being masked: the one
    /// UPDATE the guard lets through, of data and headers only, once the decision's IdentityErased is in the trail.
    /// </summary>
    public const string ErasureSetting = "gid.erasure";

    /// <summary>
    /// The indexes the audit trail's filters use, on the events table that Marten manages. Marten is told to leave them
    /// alone (<see cref="IgnoreIndexes"/>): otherwise every schema check drops them as unknown, and they are built again.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Columns)> Indexes =
    [
        ("mt_events_audit_office", "((headers ->> 'office'), timestamp)"),
        ("mt_events_audit_client", "((headers ->> 'clientId'), seq_id)"),
        ("mt_events_audit_type", "(type, seq_id)"),
        ("mt_events_audit_timestamp", "(timestamp)"),
    ];

    public static void IgnoreIndexes(StoreOptions options)
    {
        foreach (var (name, _) in Indexes)
        {
            options.Events.IgnoreIndex(name);
        }
    }

    /// <summary>
    /// Applies the store's schema and the guard; the store and <paramref name="database"/> connect as the owner role.
    /// On a schema that is current this takes no lock that would stop writes to the events table (a command beside a
    /// running sandbox migrates too): the triggers and indexes are only created when missing, the indexes concurrently.
    /// </summary>
    public static async Task ApplyAsync(IDocumentStore store, NpgsqlDataSource database)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using (var function = database.CreateCommand($"""
            create or replace function {schema}.mt_events_refuse_change() returns trigger language plpgsql as $$
            begin
              if tg_op = 'UPDATE'
                 and (new.seq_id, new.id, new.stream_id, new.version, new.type, new.timestamp, new.tenant_id, new.mt_dotnet_type, new.correlation_id, new.user_name)
                     is not distinct from (old.seq_id, old.id, old.stream_id, old.version, old.type, old.timestamp, old.tenant_id, old.mt_dotnet_type, old.correlation_id, old.user_name)
                 and exists (select 1 from {schema}.mt_events d where d.type = 'identity_erased'
                             and d.data ->> 'decisionReference' = current_setting('{ErasureSetting}', true)) then
                return new; -- an erasure masking data under a decision already in the trail (ErasureExecuted records the result)
              end if;
              raise exception 'The events table is append-only: % of the audit trail is refused. Events are never edited or removed; record a correcting event instead.', tg_op
                using errcode = 'insufficient_privilege';
            end $$;
            """))
        {
            await function.ExecuteNonQueryAsync(); // replacing the function locks no table; the triggers call it by name
        }

        var triggers = new[]
        {
            (Trigger, "before update or delete", "for each row"),
            (Trigger + "_truncate", "before truncate", "for each statement"),
        };
        foreach (var (name, when, each) in triggers)
        {
            if (!await ExistsAsync(database, "select 1 from pg_trigger where tgname = $1 and tgrelid = $2::regclass", name, $"{schema}.mt_events"))
            {
                await using var create = database.CreateCommand($"create trigger {name} {when} on {schema}.mt_events {each} execute function {schema}.mt_events_refuse_change()");
                await create.ExecuteNonQueryAsync();
            }
        }

        foreach (var (name, columns) in Indexes)
        {
            if (!await ExistsAsync(database, "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = $1 and n.nspname = $2", name, schema))
            {
                // Concurrently: built beside writes rather than in their way (a large trail takes a while to index).
                await using var create = database.CreateCommand($"create index concurrently if not exists {name} on {schema}.mt_events {columns}");
                await create.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlDataSource database, string sql, string first, string second)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue(first);
        command.Parameters.AddWithValue(second);
        return await command.ExecuteScalarAsync() is not null;
    }
}
