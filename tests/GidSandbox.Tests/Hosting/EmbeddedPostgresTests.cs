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
}
