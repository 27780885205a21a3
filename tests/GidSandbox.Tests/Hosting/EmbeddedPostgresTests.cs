using GidSandbox.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Tests.Hosting;

public sealed class EmbeddedPostgresTests
{
    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task a_cluster_gets_the_extensions_keeps_its_data_across_restarts_and_stops_cleanly()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-pg-test-{Guid.NewGuid():N}");
        try
        {
            var first = await EmbeddedPostgres.StartAsync(directory, "kept", NullLogger.Instance);
            var extensions = await Scalar(first.ConnectionString, "select string_agg(extname, ',' order by extname) from pg_extension where extname <> 'plpgsql'");
            await Scalar(first.ConnectionString, "create table survivor (id int); insert into survivor values (42)");
            await first.StopAsync();
            await first.StopAsync();

            await using var second = await EmbeddedPostgres.StartAsync(directory, "kept", NullLogger.Instance);

            Assert.Equal("fuzzystrmatch,pg_trgm,unaccent", extensions);
            Assert.Equal(42, await Scalar(second.ConnectionString, "select id from survivor"));
            Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(second.ConnectionString).Host);
        }
        finally
        {
            EmbeddedPostgres.DeleteFiles(directory);
        }
    }

    [Fact]
    public async Task a_second_process_uses_the_running_cluster_and_leaves_it_to_its_owner_to_stop()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-pg-test-{Guid.NewGuid():N}");
        var owner = await EmbeddedPostgres.StartAsync(directory, "shared", NullLogger.Instance);
        try
        {
            await Scalar(owner.ConnectionString, "create table kept (id int); insert into kept values (7)");
            // Stand in for another live sandbox process as the cluster's owner (pid 1 is always alive).
            await File.WriteAllTextAsync(directory + ".owner", "1");

            var second = await EmbeddedPostgres.StartAsync(directory, "shared", NullLogger.Instance);
            var seen = await Scalar(second.ConnectionString, "select id from kept");
            await second.StopAsync();

            Assert.Equal(owner.Port, second.Port);
            Assert.Equal(7, seen);
            Assert.Equal(7, await Scalar(owner.ConnectionString, "select id from kept"));
            await owner.StopAsync();
            Assert.False(File.Exists(directory + ".owner"));
        }
        finally
        {
            await owner.StopAsync();
            EmbeddedPostgres.DeleteFiles(directory);
        }
    }

    [Fact]
    public async Task a_cluster_an_older_version_left_trusting_every_local_connection_requires_passwords_after_its_next_start()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-pg-test-{Guid.NewGuid():N}");
        try
        {
            var old = await EmbeddedPostgres.StartAsync(directory, "kept", NullLogger.Instance);
            await Scalar(old.ConnectionString, "create table survivor (id int); insert into survivor values (42)");
            await old.StopAsync();
            // What an older version left: trust on loopback, and no password file.
            await File.WriteAllTextAsync(Path.Combine(directory, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
            File.Delete(old.PasswordFile);

            await using var secured = await EmbeddedPostgres.StartAsync(directory, "kept", NullLogger.Instance);
            var withoutPassword = new NpgsqlConnectionStringBuilder(secured.ConnectionString) { Password = null, Passfile = "/dev/null" }.ConnectionString;

            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Scalar(withoutPassword, "select 1"));
            Assert.Equal(42, await Scalar(secured.ConnectionString, "select id from survivor"));
            Assert.Equal(EmbeddedPostgres.ApplicationRole, await Scalar(secured.ApplicationConnectionString, "select current_user::text"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(secured.PasswordFile));
        }
        finally
        {
            EmbeddedPostgres.DeleteFiles(directory);
        }
    }
}
