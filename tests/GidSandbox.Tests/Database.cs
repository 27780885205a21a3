using Npgsql;

namespace GidSandbox.Tests;

/// <summary>
/// Direct reads of the database, to prove what a refused request did not store. The audit record
/// of the refusal itself (streams refusals-*) is left out: it is the one thing a refusal stores.
/// </summary>
public static class Database
{
    public static async Task<long> CountStreams(this SandboxFixture sandbox) =>
        await Scalar(sandbox, "select count(*) from gid.mt_streams where id not like 'refusals-%'");

    public static async Task<long> CountEvents(this SandboxFixture sandbox) =>
        await Scalar(sandbox, "select count(*) from gid.mt_events where stream_id not like 'refusals-%'");

    private static async Task<long> Scalar(SandboxFixture sandbox, string sql)
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
