using Npgsql;

namespace GidSandbox.Tests.Hosting;

/// <summary>Commands run beside a running sandbox, on its database: they leave its clients alone and fail in words.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CommandsBesideARunningSandboxTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task a_command_on_a_running_sandboxs_database_never_re_enrolls_its_clients()
    {
        var root = Path.Combine(Path.GetTempPath(), $"gid-command-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var before = await ConsoleRedirectUris();
            // The configuration this command reads names another console address than the running sandbox enrolled.
            var (exitCode, output) = await SandboxProcess.RunAsync(root, new Dictionary<string, string>
            {
                // The running sandbox's embedded cluster, which a command started beside it shares.
                ["EmbeddedPostgres__DataDirectory"] = sandbox.Postgres.DataDirectory,
                ["Access__Console__RedirectUris__0"] = "http://elsewhere.example/console/signed-in",
            }, "help");

            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("elsewhere.example", before, StringComparison.Ordinal);
            Assert.Equal(before, await ConsoleRedirectUris());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task scenario_without_a_sandbox_to_talk_to_says_how_to_start_one_not_a_stack_trace()
    {
        var root = Path.Combine(Path.GetTempPath(), $"gid-command-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var (exitCode, output) = await SandboxProcess.RunToolAsync(root, new Dictionary<string, string>(), "scenario", "--url", "http://127.0.0.1:9");

            Assert.NotEqual(0, exitCode);
            Assert.Contains("No sandbox answers at http://127.0.0.1:9", output, StringComparison.Ordinal);
            Assert.Contains("--url", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<string> ConsoleRedirectUris()
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""select "RedirectUris" from openiddict."OpenIddictApplications" where "ClientId" = 'gid-console'""", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
