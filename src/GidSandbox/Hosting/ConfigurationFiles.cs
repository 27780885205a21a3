using GidSandbox.Access;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace GidSandbox.Hosting;

/// <summary>
/// The sandbox reads <c>appsettings.json</c> (and <c>appsettings.{Environment}.json</c>) from its content root, the
/// working directory; when that has none, from the program's own folder, where the build puts them: the built host
/// started from anywhere reads the configuration it was built with. Environment variables and the command line still
/// override either. Which file was read, and how many participants it configures, is logged at start.
/// </summary>
public static partial class ConfigurationFiles
{
    public const string FileName = "appsettings.json";

    public static void ReadConfigurationFiles(this WebApplicationBuilder builder)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggers.CreateLogger(typeof(ConfigurationFiles));
        var contentRoot = builder.Environment.ContentRootPath;
        var folder = File.Exists(Path.Combine(contentRoot, FileName)) ? contentRoot
            : File.Exists(Path.Combine(AppContext.BaseDirectory, FileName)) ? AppContext.BaseDirectory
            : null;
        if (folder is null)
        {
            var (inWorkingDirectory, besideTheProgram) = (Path.Combine(contentRoot, FileName), Path.Combine(AppContext.BaseDirectory, FileName));
            LogNone(logger, inWorkingDirectory, besideTheProgram);
            return;
        }

        if (!Same(folder, contentRoot))
        {
            // The default sources look in the content root; the same sources, in the same place among the others, look here instead.
            var files = new PhysicalFileProvider(folder);
            var sources = builder.Configuration.Sources;
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings.", StringComparison.Ordinal) && !Path.IsPathRooted(path))
                {
                    sources[i] = new JsonConfigurationSource { FileProvider = files, Path = path, Optional = json.Optional, ReloadOnChange = json.ReloadOnChange };
                }
            }
        }

        var access = builder.Configuration.GetSection(AccessOptions.Section);
        var (file, participants, people) = (Path.Combine(folder, FileName), access.GetSection("Participants").GetChildren().Count(), access.GetSection("People").GetChildren().Count());
        LogRead(logger, file, participants, people);
    }

    private static bool Same(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration read from {File}: {Participants} participants and {People} people")]
    private static partial void LogRead(ILogger logger, string file, int participants, int people);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No configuration file: neither {InWorkingDirectory} nor {BesideTheProgram} exists, so no participant is enrolled and the sandbox will not be ready. Start it from the folder that holds appsettings.json, or build it again")]
    private static partial void LogNone(ILogger logger, string inWorkingDirectory, string besideTheProgram);
}
