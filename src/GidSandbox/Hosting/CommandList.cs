using JasperFx.CommandLine;
using Spectre.Console;

namespace GidSandbox.Hosting;

/// <summary>
/// What <c>help</c> lists: the sandbox's own commands first, then those that come with Marten and JasperFx (the event
/// store's database, projections, code generation), each group by name. Asking for usage (<c>help</c>, <c>help COMMAND</c>,
/// <c>COMMAND --help</c>, or a name that is no command) only prints: it is answered before the database is set up, so
/// it neither starts the embedded cluster nor touches a database.
/// </summary>
public static class CommandList
{
    private static readonly string[] HelpCommands = ["help", "?"];
    private static readonly string[] HelpFlags = ["--help", "-h", "-?"];

    /// <summary>Every command <c>dotnet run -- COMMAND</c> runs: the sandbox's, Marten's and JasperFx's.</summary>
    public static CommandFactory All()
    {
        var all = new CommandFactory();
        Register(all);
        return all;
    }

    private static void Register(CommandFactory factory)
    {
        foreach (var assembly in new[] { typeof(CommandFactory).Assembly, typeof(JasperFx.Events.IEvent).Assembly, typeof(Weasel.Core.Migrator).Assembly, typeof(Marten.DocumentStore).Assembly, typeof(CommandList).Assembly })
        {
            factory.RegisterCommands(assembly);
        }
    }

    /// <summary>Whether <paramref name="args"/> ask for usage only (serving, with no command or only options, never does).</summary>
    public static bool OnlyUsage(string[] args) =>
        !Persistence.Serves(args)
        && (HelpCommands.Contains(args[0], StringComparer.OrdinalIgnoreCase)
            || args.Skip(1).Any(a => HelpFlags.Contains(a, StringComparer.Ordinal))
            || !IsCommand(args[0]));

    private static bool IsCommand(string name) => All().AllCommandTypes().Any(t => string.Equals(CommandFactory.CommandNameFor(t), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Prints the usage asked for: the list of commands, or one command's options (JasperFx's own help).</summary>
    public static async Task<int> WriteUsageAsync(string[] args)
    {
        if (args is [_] && HelpCommands.Contains(args[0], StringComparer.OrdinalIgnoreCase))
        {
            Write();
            return 0;
        }

        // `seed --help` is `help seed`; a name that is no command gets JasperFx's list of the names it knows.
        var command = HelpCommands.Contains(args[0], StringComparer.OrdinalIgnoreCase) ? args.Skip(1).FirstOrDefault() ?? "" : args[0];
        await CommandExecutor.For(Register).ExecuteAsync(["help", command]);
        return IsCommand(command) ? 0 : 1;
    }

    public static void Write()
    {
        var own = new CommandFactory();
        own.RegisterCommands(typeof(CommandList).Assembly);
        var all = All();
        var sandbox = own.AllCommandTypes().Select(CommandFactory.CommandNameFor).ToHashSet(StringComparer.Ordinal);
        AnsiConsole.WriteLine();
        Table("The sandbox's commands", own.AllCommandTypes(), Cluster);
        Table("Marten's and JasperFx's commands (the event store's database, projections, code generation)", all.AllCommandTypes().Where(t => !sandbox.Contains(CommandFactory.CommandNameFor(t))), []);
        AnsiConsole.MarkupLine("Serve the sandbox with [italic]dotnet run --project src/GidSandbox[/]; see a command's options with [italic]dotnet run --project src/GidSandbox -- help COMMAND[/].");
    }

    /// <summary>The cluster's commands run before the host is built (Cluster/ClusterCommand.cs), so they are no JasperFx commands.</summary>
    private static readonly (string Name, string Description)[] Cluster =
    [
        ("cluster", "cluster up [--nodes N] runs a primary, N API nodes and a reverse proxy on this machine; cluster down stops them (docs/scale-out.md)"),
    ];

    private static void Table(string title, IEnumerable<Type> commands, IEnumerable<(string Name, string Description)> others)
    {
        var table = new Table { Border = TableBorder.SimpleHeavy, Title = new TableTitle(title) };
        table.AddColumns("Command", "Description");
        var rows = commands.Select(c => (Name: CommandFactory.CommandNameFor(c), Description: CommandFactory.DescriptionFor(c))).Concat(others);
        foreach (var (name, description) in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(description));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine();
    }
}
