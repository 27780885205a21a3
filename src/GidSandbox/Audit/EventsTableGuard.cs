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

    /// <summary>Applies the store's schema and the guard; the store and <paramref name="database"/> connect as the owner role.</summary>
    public static async Task ApplyAsync(IDocumentStore store, NpgsqlDataSource database)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var command = database.CreateCommand($"""
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
            create or replace trigger {Trigger} before update or delete on {schema}.mt_events
              for each row execute function {schema}.mt_events_refuse_change();
            create or replace trigger {Trigger}_truncate before truncate on {schema}.mt_events
              for each statement execute function {schema}.mt_events_refuse_change();
            create index if not exists mt_events_audit_office on {schema}.mt_events ((headers ->> 'office'), timestamp);
            create index if not exists mt_events_audit_client on {schema}.mt_events ((headers ->> 'clientId'), seq_id);
            create index if not exists mt_events_audit_type on {schema}.mt_events (type, seq_id);
            create index if not exists mt_events_audit_timestamp on {schema}.mt_events (timestamp);
            """);
        await command.ExecuteNonQueryAsync();
    }
}
