using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.Reports;
using Marten;
using Npgsql;

namespace GidSandbox.Hosting;

/// <summary>
/// Everything that changes the schema, done at start as the owner role: extensions, Marten's tables, the events
/// table's guard, OpenIddict's tables, then the application role's grants. The application role itself never needs
/// DDL, so it need not (and should not) own anything.
/// </summary>
public static partial class DatabaseMigrations
{
    public static readonly string[] Extensions = ["pg_trgm", "unaccent", "fuzzystrmatch"];

    /// <summary>The advisory lock a migration holds (any number no other lock of this database uses).</summary>
    private const long MigrationLock = 0x6769645F6D696772; // "gid_migr"

    public static async Task MigrateAsync(string applicationConnectionString, string ownerConnectionString, ILogger logger, CancellationToken ct = default)
    {
        // Nodes of a cluster start side by side: one migrates at a time (concurrent GRANTs fail with "tuple concurrently
        // updated"); the lock is the session's, released when this unpooled connection closes.
        await using var migrating = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await migrating.OpenAsync(ct);
        await using (var lockMigration = new NpgsqlCommand($"set lock_timeout = 0; set statement_timeout = 0; select pg_advisory_lock({MigrationLock})", migrating) { CommandTimeout = 0 })
        {
            await lockMigration.ExecuteNonQueryAsync(ct);
        }

        var owner = await CurrentRoleAsync(ownerConnectionString, ct);
        try
        {
            await CreateExtensionsAsync(ownerConnectionString, ct);
            // Marten's schema and OpenIddict's tables are independent: applied side by side to start sooner.
            await Task.WhenAll(ApplyEventStoreSchemaAsync(ownerConnectionString), AccessDbContext.CreateTablesAsync(ownerConnectionString, ct));
        }
        catch (Exception ex) when (InsufficientPrivilege(ex) is { } refusal)
        {
            throw new SetupRefusedException(
                $"The role {owner.Name} may not change the database's schema ({refusal.MessageText}). Give ConnectionStrings:GidOwner a connection as the role " +
                "that owns the schema (the sandbox migrates with it and serves requests with ConnectionStrings:Gid); see docs/security.md.");
        }

        var application = await CurrentRoleAsync(applicationConnectionString, ct);
        if (application.Name != owner.Name)
        {
            await GrantAsync(ownerConnectionString, application.Name, ct);
        }

        if (application.IsSuperuser || application.OwnsEvents)
        {
            LogPrivilegedApplication(logger, application.Name, application.IsSuperuser ? "is a superuser" : $"owns {Persistence.Schema}.mt_events");
        }
    }

    /// <summary>
    /// Creates the extensions name matching needs where the role may; otherwise refuses with the SQL to run.
    /// pg_trgm, unaccent and fuzzystrmatch are trusted extensions: a role with CREATE on the database may create them.
    /// </summary>
    public static async Task CreateExtensionsAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var refused = new List<string>();
        foreach (var extension in Extensions)
        {
            await using var exists = new NpgsqlCommand("select 1 from pg_extension where extname = $1", connection);
            exists.Parameters.AddWithValue(extension);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                continue;
            }

            try
            {
                await using var create = new NpgsqlCommand($"create extension if not exists {extension}", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                refused.Add(extension);
            }
        }

        if (refused.Count > 0)
        {
            throw new SetupRefusedException(
                $"The database {connection.Database} lacks the PostgreSQL extensions {string.Join(", ", refused)}, and the role {connection.UserName} may not create them. " +
                $"Have a superuser (or the database's owner) run in that database: {string.Join(' ', Extensions.Select(e => $"create extension if not exists {e};"))} " +
                "(Debian: apt-get install postgresql-contrib), then start the sandbox again.");
        }
    }

    private static async Task ApplyEventStoreSchemaAsync(string ownerConnectionString)
    {
        await using var store = DocumentStore.For(options =>
        {
            options.ConfigureGid(ownerConnectionString);
            options.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Solo; // the host runs the daemon; this store only applies the schema
        });
        await using var database = NpgsqlDataSource.Create(ownerConnectionString);
        await EventsTableGuard.ApplyAsync(store, database);
        await using var usage = database.CreateCommand(UsageCounter.CreateTableSql(Persistence.Schema));
        await usage.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// What Marten, OpenIddict and the sandbox do at run time, and no more: events and the usage table are only ever
    /// added to (but for an erasure's masking of event data and headers, which the events table's guard allows only
    /// under a recorded decision), and the signing keys table is not the application's to read.
    /// </summary>
    private static async Task GrantAsync(string ownerConnectionString, string application, CancellationToken ct)
    {
        var role = '"' + application.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
        var schema = Persistence.Schema;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            grant usage on schema {schema}, {AccessDbContext.Schema} to {role};
            grant select, insert, update, delete, truncate on all tables in schema {schema} to {role};
            revoke update, delete, truncate on {schema}.mt_events from {role};
            grant update (data, headers) on {schema}.mt_events to {role};
            grant usage, select, update on all sequences in schema {schema} to {role};
            grant execute on all functions in schema {schema} to {role};
            grant select, insert, update, delete on {string.Join(", ", AccessDbContext.OpenIddictTables.Select(t => $"{AccessDbContext.Schema}.\"{t}\""))} to {role};
            grant usage, select on all sequences in schema {AccessDbContext.Schema} to {role};
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Role(string Name, bool IsSuperuser, bool OwnsEvents);

    private static async Task<Role> CurrentRoleAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select current_user::text, r.rolsuper, coalesce(pg_has_role(current_user, e.relowner, 'usage'), false)
            from pg_roles r
            left join (pg_class e join pg_namespace n on n.oid = e.relnamespace and n.nspname = '{Persistence.Schema}') on e.relname = 'mt_events'
            where r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Role(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2));
    }

    private static PostgresException? InsufficientPrivilege(Exception? ex) => ex switch
    {
        null => null,
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } postgres => postgres,
        AggregateException aggregate => aggregate.InnerExceptions.Select(InsufficientPrivilege).FirstOrDefault(e => e is not null),
        _ => InsufficientPrivilege(ex.InnerException),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox serves requests as the database role {Role}, which {Privilege}: it could switch off the events table's guard. Give ConnectionStrings:Gid a role that owns nothing, and ConnectionStrings:GidOwner the owner (docs/security.md)")]
    private static partial void LogPrivilegedApplication(ILogger logger, string role, string privilege);
}
