using GidSandbox.Hosting;
using Npgsql;

namespace GidSandbox.Tests.Audit;

/// <summary>
/// What the role the sandbox serves requests as may do to the audit trail, tried straight in PostgreSQL: add events,
/// and nothing else. Only the owner can switch the append-only guard off, and the sandbox never runs as the owner.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ApplicationRoleTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task the_application_role_is_no_superuser_and_does_not_own_the_events_table()
    {
        await using var connection = await Open(sandbox.ApplicationConnectionString);
        await using var command = new NpgsqlCommand("""
            select current_user::text, r.rolsuper, pg_get_userbyid(c.relowner)::text, pg_has_role(current_user, c.relowner, 'usage')
            from pg_roles r, pg_class c join pg_namespace n on n.oid = c.relnamespace
            where r.rolname = current_user and n.nspname = 'gid' and c.relname = 'mt_events'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(
            (EmbeddedPostgres.ApplicationRole, false, EmbeddedPostgres.Superuser, false),
            (reader.GetString(0), reader.GetBoolean(1), reader.GetString(2), reader.GetBoolean(3)));
    }

    [Theory]
    [InlineData("set session_replication_role = replica", "permission denied to set parameter \"session_replication_role\"")]
    [InlineData("alter table gid.mt_events disable trigger all", "must be owner of table mt_events")]
    [InlineData("alter table gid.mt_events disable trigger mt_events_append_only", "must be owner of table mt_events")]
    [InlineData("drop trigger mt_events_append_only on gid.mt_events", "must be owner of relation mt_events")]
    public async Task the_application_role_cannot_switch_the_events_guard_off(string sql, string refusal)
    {
        var refused = await Refused(sql);

        Assert.Equal((PostgresErrorCodes.InsufficientPrivilege, refusal), (refused.SqlState, refused.MessageText));
    }

    [Theory]
    [InlineData("update gid.mt_events set data = '{}' where seq_id = (select min(seq_id) from gid.mt_events)", "The events table is append-only: UPDATE of the audit trail is refused.")]
    [InlineData("update gid.mt_events set type = 'x' where seq_id = (select min(seq_id) from gid.mt_events)", "permission denied for table mt_events")]
    [InlineData("delete from gid.mt_events where seq_id = (select min(seq_id) from gid.mt_events)", "permission denied for table mt_events")]
    [InlineData("truncate gid.mt_events cascade", "permission denied for table mt_events")]
    public async Task the_application_role_cannot_edit_or_remove_an_event(string sql, string refusal)
    {
        var before = await EventRowsDigest();

        var refused = await Refused(sql);

        // Data and headers only may be rewritten, by an erasure under a recorded decision; the guard refuses anything else.
        Assert.Equal((PostgresErrorCodes.InsufficientPrivilege, refusal), (refused.SqlState, refused.MessageText[..Math.Min(refused.MessageText.Length, refusal.Length)]));
        Assert.Equal(before, await EventRowsDigest());
    }

    private async Task<PostgresException> Refused(string sql)
    {
        await using var connection = await Open(sandbox.ApplicationConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    /// <summary>The first event as the superuser reads it (the fixture's Terms acceptances are always there).</summary>
    private async Task<string> EventRowsDigest()
    {
        await using var connection = await Open(sandbox.ConnectionString);
        await using var command = new NpgsqlCommand("select seq_id || ' ' || md5(data::text) from gid.mt_events order by seq_id limit 1", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
