extern alias tools;

using System.Text.RegularExpressions;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using tools::GidSandbox.Benchmarks.Scenarios;

namespace GidSandbox.Tests.Hosting;

/// <summary>Every option of the sandbox's commands and of the tools beside it, read from the command line parser's own usage.</summary>
public sealed partial class CommandOptionsTests
{
    private static readonly Dictionary<string, System.Reflection.Assembly> Programs = new(StringComparer.Ordinal)
    {
        ["sandbox"] = typeof(CommandList).Assembly,
        ["tools"] = typeof(ScenarioCommand).Assembly,
    };

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var (program, assembly) in Programs)
        {
            var factory = new CommandFactory();
            factory.RegisterCommands(assembly);
            foreach (var command in factory.AllCommandTypes())
            {
                data.Add(program, CommandFactory.CommandNameFor(command));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void no_short_option_has_two_meanings_within_a_command(string program, string command)
    {
        var factory = new CommandFactory();
        factory.RegisterCommands(Programs[program]);

        Assert.Empty(ShortNamesWithTwoMeanings(factory, command));
    }

    [Fact]
    public void the_check_finds_the_short_options_jasperfx_gives_two_meanings()
    {
        // Marten's commands take JasperFx's NetCoreInput as it is: -v is --env-variable and --verbose there.
        Assert.Contains("-v", ShortNamesWithTwoMeanings(CommandList.All(), "db-apply"));
    }

    [Fact]
    public void the_commands_that_work_on_the_database_have_their_own_options_and_none_that_build_the_host_anew()
    {
        var seed = Options(CommandList.All(), "seed");

        Assert.Equal(["[-b, --batch <batch>]", "[-p, --parallel <parallel>]", "[--bulk]", "[-o, --out <out>]"], seed);
    }

    private static List<string> Options(CommandFactory factory, string command) =>
        [.. factory.Build(command).Usages.Flags.Select(f => f.ToUsageDescription())];

    /// <summary>Each short name that stands for more than one option of <paramref name="command"/>, with those options.</summary>
    private static Dictionary<string, string> ShortNamesWithTwoMeanings(CommandFactory factory, string command) =>
        Options(factory, command)
            .Select(o => (Match: ShortName().Match(o), Option: o))
            .Where(o => o.Match.Success)
            .GroupBy(o => o.Match.Groups[1].Value, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => string.Join(" and ", g.Select(o => o.Option)), StringComparer.Ordinal);

    [GeneratedRegex(@"^\[?(-[A-Za-z0-9]),")]
    private static partial Regex ShortName();
}
