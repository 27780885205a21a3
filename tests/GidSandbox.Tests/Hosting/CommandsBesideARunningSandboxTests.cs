using GidSandbox.Matching.Csv;
using Microsoft.Extensions.Configuration;
using Npgsql;
using static GidSandbox.Tests.Hosting.SandboxProcess;

namespace GidSandbox.Tests.Hosting;

/// <summary>Commands run beside a running sandbox, on its database: they leave its clients alone and fail in words.</summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class CommandsBesideARunningSandboxTests(SeparateSandboxFixture sandbox)
{
    /// <summary>The running sandbox's embedded cluster, which a command started beside it shares.</summary>
    private Dictionary<string, string> BesideTheSandbox => new() { ["EmbeddedPostgres__DataDirectory"] = sandbox.Postgres.DataDirectory };

    [Fact]
    public async Task a_command_on_a_running_sandboxs_database_never_re_enrolls_its_clients()
    {
        using var root = new TempFolder();
        await File.WriteAllTextAsync(root.File("applicants.csv"), "reference,names,kind,country\nA-1,Acme Holdings,legal_entity,US\n");
        var before = await ConsoleRedirectUris();
        // The configuration this command reads names another console address than the running sandbox enrolled.
        var (exitCode, output) = await RunAsync(root.Path, new Dictionary<string, string>(BesideTheSandbox)
        {
            ["Access__Console__RedirectUris__0"] = "http://elsewhere.example/console/signed-in",
        }, "match-csv", "--in", root.File("applicants.csv"), "--out", root.File("matches.csv"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere.example", before, StringComparison.Ordinal);
        Assert.Equal(before, await ConsoleRedirectUris());
    }

    [Fact]
    public async Task help_prints_the_commands_and_their_options_without_starting_or_touching_a_database()
    {
        using var root = new TempFolder();
        // A database nothing listens for: a command that connected would fail.
        var unreachable = new Dictionary<string, string> { ["ConnectionStrings__Gid"] = "Host=127.0.0.1;Port=9;Database=gid;Username=gid;Password=none;Timeout=3" };

        var (listed, commands) = await RunAsync(root.Path, unreachable, "help");
        var (described, seed) = await RunAsync(root.Path, unreachable, "seed", "--help");
        var (listedAlone, alone) = await RunAsync(root.Path, new Dictionary<string, string>(), "help");

        Assert.True(listed == 0, commands);
        Assert.Contains("The sandbox's commands", commands, StringComparison.Ordinal);
        Assert.True(described == 0, seed);
        Assert.Contains("[-b, --batch <batch>]", seed, StringComparison.Ordinal);
        // With no connection string a command would start the embedded cluster under the folder's .data.
        Assert.True(listedAlone == 0, alone);
        Assert.False(Directory.Exists(root.File(".data")), alone);
    }

    [Fact]
    public async Task the_built_host_started_from_a_folder_without_configuration_reads_the_one_beside_it_and_says_so()
    {
        using var root = new TempFolder();
        var (exitCode, output) = await RunAsync(root.Path, new Dictionary<string, string>(), "help");

        var beside = Path.Combine(ProgramFolder, "appsettings.json");
        var shipped = new ConfigurationBuilder().AddJsonFile(beside).Build().GetSection("Access");
        Assert.True(exitCode == 0, output);
        Assert.False(File.Exists(root.File("appsettings.json")));
        Assert.Contains($"Configuration read from {beside}: {shipped.GetSection("Participants").GetChildren().Count()} participants and {shipped.GetSection("People").GetChildren().Count()} people", output, StringComparison.Ordinal);
        Assert.NotEmpty(shipped.GetSection("Participants").GetChildren());
    }

    [Fact]
    public async Task help_lists_the_sandboxs_own_commands_before_marten_and_jasperfx_commands()
    {
        using var root = new TempFolder();
        var (exitCode, output) = await RunAsync(root.Path, new Dictionary<string, string>(), "help");

        Assert.True(exitCode == 0, output);
        var framework = output.IndexOf("Marten's and JasperFx's commands", StringComparison.Ordinal);
        Assert.True(framework > 0, output);
        Assert.All(new[] { "seed", "verify", "match-csv", "export-golden-copy", "export-delta", "generate-mock-data", "cluster", "run" }, own =>
            Assert.InRange(output.IndexOf($"  {own} ", StringComparison.Ordinal), 0, framework));
        Assert.All(new[] { "db-apply", "projections", "codegen" }, other =>
            Assert.True(output.IndexOf($"  {other} ", StringComparison.Ordinal) > framework, other));
    }

    [Fact]
    public async Task scenario_without_a_sandbox_to_talk_to_says_how_to_start_one_not_a_stack_trace()
    {
        using var root = new TempFolder();
        var (exitCode, output) = await RunToolAsync(root.Path, new Dictionary<string, string>(), "scenario", "--url", "http://127.0.0.1:9");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No sandbox answers at http://127.0.0.1:9", output, StringComparison.Ordinal);
        Assert.Contains("--url", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task match_csv_names_each_bad_row_by_its_line_writes_the_good_rows_results_and_fails()
    {
        using var root = new TempFolder();
        var (applicants, matches) = (root.File("applicants.csv"), root.File("matches.csv"));
        await File.WriteAllTextAsync(applicants, "reference,names,kind,country\n"
            + "A-1,Acme Holdings,legal_entity,US\n"
            + "B-1,,legal_entity,US\n"
            + "A-2,\"Acme, Inc.\",legal_entity,GB\n"
            + "B-2,Zeta,company,US\n"
            + "A-3,Taro Yamada,natural_person,JP\n");

        var (exitCode, output, errors) = await RunAsync(root.Path, BesideTheSandbox, "match-csv", "--in", applicants, "--out", matches);

        Assert.True(exitCode != 0, output);
        Assert.Contains($"{applicants}:3: names: Give 1 to 10 names; got 0.", errors, StringComparison.Ordinal);
        Assert.Contains($"{applicants}:5: kind: 'company' is not a kind", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        using var written = new StreamReader(matches);
        var rows = MatchCsv.Parse(written).ToList();
        Assert.Equal(MatchCsv.OutputHeader, rows[0].Fields);
        Assert.Equal(["A-1", "A-2", "A-3"], rows.Skip(1).Select(r => r.Fields[0]));
        Assert.All(rows.Skip(1), r => Assert.Contains(r.Fields[1], new[] { "MATCH", "POSSIBLE", "NO_MATCH" }));
    }

    private async Task<string> ConsoleRedirectUris()
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""select "RedirectUris" from openiddict."OpenIddictApplications" where "ClientId" = 'gid-console'""", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
