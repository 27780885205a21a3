using JasperFx.CommandLine;

namespace GidSandbox.Hosting;

/// <summary>
/// The input of the sandbox's commands that work on its database: the host Program built for them (the database set up
/// and migrated), and no option but the command's own. JasperFx's <c>NetCoreInput</c> would add options that build the
/// host another way (environment, content root, log level, configuration, environment variables), which cannot act on a
/// host built before the command runs, and two of which share <c>-v</c>.
/// </summary>
public abstract class CommandInput : IHostBuilderInput
{
    [IgnoreOnCommandLine]
    public IHostBuilder HostBuilder { get; set; } = null!;

    /// <summary>The host Program built, with the sandbox's services on its database.</summary>
    public IHost BuildHost() => HostBuilder.Build();
}
