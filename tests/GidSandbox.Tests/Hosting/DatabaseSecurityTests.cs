using System.Diagnostics;
using GidSandbox.Access;
using GidSandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GidSandbox.Tests.Hosting;

/// <summary>What another local account, or a sandbox pointed at a database it did not start, can get from the test run's cluster.</summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class DatabaseSecurityTests(SeparateSandboxFixture sandbox)
{
    [Theory]
    [InlineData(EmbeddedPostgres.Superuser)]
    [InlineData(EmbeddedPostgres.ApplicationRole)]
    public async Task a_loopback_connection_without_the_password_is_refused(string role)
    {
        var withoutPassword = new NpgsqlConnectionStringBuilder(sandbox.ConnectionString) { Username = role, Password = null, Passfile = "/dev/null" };
        var wrongPassword = new NpgsqlConnectionStringBuilder(withoutPassword.ConnectionString) { Password = "postgres" };

        var missing = await Assert.ThrowsAnyAsync<NpgsqlException>(() => Open(withoutPassword.ConnectionString));
        var wrong = await Assert.ThrowsAsync<PostgresException>(() => Open(wrongPassword.ConnectionString));

        Assert.Contains("requires one (in SASL/SCRAM-SHA-256)", missing.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresErrorCodes.InvalidPassword, wrong.SqlState);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task the_password_and_key_files_are_readable_by_the_sandbox_account_only()
    {
        foreach (var file in new[] { sandbox.Postgres.PasswordFile, sandbox.Postgres.KeyFile })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.False(Path.GetDirectoryName(file)!.StartsWith(sandbox.Postgres.DataDirectory, StringComparison.Ordinal), "the file is inside the data directory");
            if (Environment.UserName == "root")
            {
                // Another local account, tried for real.
                var (exitCode, output) = await Run("runuser", "-u", "nobody", "--", "cat", file);
                Assert.True(exitCode != 0 && output.Contains("Permission denied", StringComparison.Ordinal), output);
            }
        }
    }

    [Fact]
    public async Task the_signing_keys_are_stored_sealed_and_the_application_role_cannot_read_them()
    {
        var keys = sandbox.Host.Services.GetRequiredService<SigningKeys>();
        // A line of each key's base64, as it would appear in any clear copy.
        var bodies = new[] { keys.Signing.ECDsa.ExportPkcs8PrivateKeyPem(), keys.EarlierSigning.Rsa.ExportPkcs8PrivateKeyPem() }.Select(pem => pem.Split('\n')[1]);

        await using (var owner = await Open(sandbox.ConnectionString))
        await using (var select = new NpgsqlCommand($"select string_agg(material, ' ') from {SigningKeys.Table}", owner))
        {
            var stored = (string)(await select.ExecuteScalarAsync())!;
            Assert.DoesNotContain("PRIVATE KEY", stored, StringComparison.Ordinal);
            Assert.All(bodies, body => Assert.DoesNotContain(body, stored, StringComparison.Ordinal));
            Assert.StartsWith("aes-gcm:", stored, StringComparison.Ordinal);
        }

        await using var application = await Open(sandbox.ApplicationConnectionString);
        await using var read = new NpgsqlCommand($"select material from {SigningKeys.Table}", application);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => read.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task missing_extensions_that_the_role_may_not_create_stop_the_sandbox_with_the_sql_to_run()
    {
        await using var database = await ThrowawayDatabase.CreateAsync(sandbox, withRole: true);
        var sql = "create extension if not exists pg_trgm; create extension if not exists unaccent; create extension if not exists fuzzystrmatch;";

        var refused = await Assert.ThrowsAsync<SetupRefusedException>(() => DatabaseMigrations.CreateExtensionsAsync(database.RoleConnectionString));
        var (exitCode, output) = await database.RunSandbox(new() { [$"ConnectionStrings__{Persistence.ConnectionStringName}"] = database.RoleConnectionString });

        Assert.Contains(sql, refused.Message, StringComparison.Ordinal);
        Assert.Contains("pg_trgm, unaccent, fuzzystrmatch", refused.Message, StringComparison.Ordinal);
        Assert.True(exitCode == 1 && output.Contains(sql, StringComparison.Ordinal), output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task development_secrets_are_refused_against_a_database_the_sandbox_did_not_start()
    {
        await using var database = await ThrowawayDatabase.CreateAsync(sandbox, withRole: false);

        // The test run's own cluster, given as an operator gives a server, with the old switch for the shipped secrets set.
        var (exitCode, output) = await database.Serve(new()
        {
            [$"ConnectionStrings__{Persistence.ConnectionStringName}"] = database.SuperuserConnectionString,
            ["Access__UseDevelopmentSecrets"] = "true",
        });

        Assert.True(exitCode != 0 && output.Contains("No client secret is configured for office-ep", StringComparison.Ordinal), output);
        Assert.Contains($"serves requests as the database role {EmbeddedPostgres.Superuser}, which is a superuser", output, StringComparison.Ordinal);
    }

    private static async Task<NpgsqlConnection> Open(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<(int ExitCode, string Output)> Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A database of the test run's cluster with no extensions, and optionally a login role that may not create them.</summary>
    private sealed class ThrowawayDatabase : IAsyncDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly string _name = $"gid_bare_{Guid.NewGuid():N}";
        private readonly string _root = Path.Combine(Path.GetTempPath(), $"gid-bare-{Guid.NewGuid():N}");
        private string? _role;

        private ThrowawayDatabase(SandboxFixture sandbox) => _sandbox = sandbox;

        public string SuperuserConnectionString => new NpgsqlConnectionStringBuilder(_sandbox.ConnectionString) { Database = _name }.ConnectionString;

        public string RoleConnectionString => new NpgsqlConnectionStringBuilder(SuperuserConnectionString) { Username = _role, Password = _role }.ConnectionString;

        public static async Task<ThrowawayDatabase> CreateAsync(SandboxFixture sandbox, bool withRole)
        {
            var database = new ThrowawayDatabase(sandbox);
            database._role = withRole ? $"gid_plain_{Guid.NewGuid():N}" : null;
            Directory.CreateDirectory(database._root);
            await database.Execute($"create database {database._name}");
            if (database._role is { } role)
            {
                await database.Execute($"create role {role} login password '{role}'");
            }

            return database;
        }

        public Task<SandboxProcess.Finished> RunSandbox(Dictionary<string, string> environment, params string[] arguments) =>
            SandboxProcess.RunAsync(_root, environment, arguments is [] ? ["verify"] : arguments); // a command that reaches the database (help does not)

        /// <summary>The sandbox serving (which enrolls the participants first), on a port of its own should it get that far.</summary>
        public Task<SandboxProcess.Finished> Serve(Dictionary<string, string> environment) =>
            SandboxProcess.RunAsync(_root, new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" }, "run");

        public async ValueTask DisposeAsync()
        {
            await Execute($"drop database if exists {_name} with (force)");
            if (_role is not null)
            {
                await Execute($"drop role if exists {_role}");
            }

            Directory.Delete(_root, recursive: true);
        }

        private async Task Execute(string sql)
        {
            await using var connection = await Open(_sandbox.ConnectionString);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
