using Npgsql;

namespace GidSandbox.Tests;

/// <summary>Direct reads of the database, to prove what a refused request did not store.</summary>
public static class Database
{
    public static async Task<long> CountStreams(this SandboxFixture sandbox) =>
        await Scalar(sandbox, "select count(*) from gid.mt_streams");

    public static async Task<long> CountEvents(this SandboxFixture sandbox) =>
        await Scalar(sandbox, "select count(*) from gid.mt_events");

    private static async Task<long> Scalar(SandboxFixture sandbox, string sql)
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
