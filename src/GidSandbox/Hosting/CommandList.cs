using JasperFx.CommandLine;
using Spectre.Console;

namespace GidSandbox.Hosting;

/// <summary>
/// What <c>help</c> lists: the sandbox's own commands first, then those that come with Marten and JasperFx (the event
/// store's database, projections, code generation), each group by name. <c>help COMMAND</c> stays JasperFx's own.
/// </summary>
public static class CommandList
{
    public static bool Asked(string[] args) => args is ["help"] or ["?"];

    public static void Write()
    {
        var own = new CommandFactory();
        own.RegisterCommands(typeof(CommandList).Assembly);
        var all = new CommandFactory();
        foreach (var assembly in new[] { typeof(CommandFactory).Assembly, typeof(JasperFx.Events.IEvent).Assembly, typeof(Weasel.Core.Migrator).Assembly, typeof(Marten.DocumentStore).Assembly })
        {
            all.RegisterCommands(assembly);
        }

        var sandbox = own.AllCommandTypes().Select(CommandFactory.CommandNameFor).ToHashSet(StringComparer.Ordinal);
        AnsiConsole.WriteLine();
        Table("The sandbox's commands", [.. own.AllCommandTypes(), .. all.AllCommandTypes().Where(t => CommandFactory.CommandNameFor(t) == "run")], Cluster);
        Table("Marten's and JasperFx's commands (the event store's database, projections, code generation)", [.. all.AllCommandTypes().Where(t => !sandbox.Contains(CommandFactory.CommandNameFor(t)) && CommandFactory.CommandNameFor(t) != "run")], []);
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
