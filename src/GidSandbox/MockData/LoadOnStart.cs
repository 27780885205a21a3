using System.Diagnostics;
using Marten;

namespace GidSandbox.MockData;

/// <summary>
/// Loads the committed small set when the sandbox starts (setting <c>MockData:LoadOnStart</c>,
/// on by default). Its checkpoints make a second start a no-op.
/// </summary>
public sealed partial class LoadOnStart(IDocumentStore store, IConfiguration configuration, ILogger<LoadOnStart> logger) : IHostedService
{
    public const string Setting = "MockData:LoadOnStart";

    /// <summary>Where the build puts the committed small set (mock-data/small).</summary>
    public static string SmallSet => Path.Combine(AppContext.BaseDirectory, "mock-data", "small");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = configuration["MockData:Directory"] is { Length: > 0 } configured ? configured : SmallSet;
        var clock = Stopwatch.StartNew();
        var loader = new MockDataLoader(store);
        long loaded = 0, refused = 0;
        foreach (var file in MockDataFiles.LoadOrder.Select(f => Path.Combine(directory, f)))
        {
            var result = await loader.LoadFileAsync(file, ct: cancellationToken);
            loaded += result.Loaded;
            refused += result.Refused.Count;
            foreach (var line in result.Refused)
            {
                NotLoaded(logger, MockDataLoader.Describe(line));
            }
        }

        if (loaded > 0 || refused > 0)
        {
            Loaded(logger, loaded, directory, clock.Elapsed.TotalSeconds, refused);
        }
        else
        {
            AlreadyLoaded(logger, directory);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mock data not loaded: {Refusal}")]
    private static partial void NotLoaded(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Loaded} mock-data lines from {Directory} in {Seconds:F1} s ({Refused} refused)")]
    private static partial void Loaded(ILogger logger, long loaded, string directory, double seconds, long refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mock data from {Directory} is already loaded")]
    private static partial void AlreadyLoaded(ILogger logger, string directory);
}
