using System.Globalization;
using System.Diagnostics;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace GidSandbox.MockData;

public sealed class SeedInput : CommandInput
{
    [Description("A profile of mock-data/profiles.json (small, medium, large), a folder of mock-data files, or one NDJSON file")]
    public string Source { get; set; } = "small";

    [Description("Lines per transaction (default 500)")]
    public int BatchFlag { get; set; } = 500;

    [Description("Batches of registrations stored at once, each in its own transaction (default: the number of processors, at most 4)")]
    public int? ParallelFlag { get; set; }

    [Description("Stores registrations by COPY (the same events, headers and documents, about twice as fast); only while nothing else writes to the registry")]
    [FlagAlias("bulk", longAliasOnly: true)] // -b is --batch's
    public bool BulkFlag { get; set; }

    [Description("Where a profile's files are generated (default .data/mock-data/<profile>)")]
    public string? OutFlag { get; set; }
}

[Description("Loads mock data (a profile, folder or file) through the API's validation and decisions; resumes where a killed load stopped", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        var files = await FilesOfAsync(input);
        var notUtf8 = files.Select(MockDataFiles.InvalidUtf8).OfType<string>().ToList();
        foreach (var problem in notUtf8)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]refused[/] {problem}");
        }

        if (notUtf8.Count > 0)
        {
            return false;
        }

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var loader = new MockDataLoader(store, input.BatchFlag, input.ParallelFlag, input.BulkFlag);
        var refused = new List<RefusedLine>();
        long loaded = 0, skipped = 0;
        var clock = Stopwatch.StartNew();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                foreach (var file in files)
                {
                    var task = ctx.AddTask(Path.GetFileName(file), maxValue: Math.Max(1, CountLines(file)));
                    var started = Stopwatch.StartNew();
                    var result = await loader.LoadFileAsync(file, p =>
                    {
                        task.Value = p.Line;
                        task.Description = $"{p.File}  {p.Loaded:N0} loaded, {p.Refused:N0} refused  {p.Loaded / Math.Max(0.001, started.Elapsed.TotalSeconds):N0}/s";
                    });
                    task.Value = task.MaxValue;
                    (loaded, skipped) = (loaded + result.Loaded, skipped + result.AlreadyLoaded);
                    refused.AddRange(result.Refused);
                }
            });

        foreach (var line in refused)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]refused[/] {MockDataLoader.Describe(line)}");
        }

        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture, $"Loaded {loaded:N0} lines in {clock.Elapsed.TotalSeconds:N1} s ({loaded / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s); {skipped:N0} already there, {refused.Count:N0} refused.");
        return refused.Count == 0;
    }

    /// <summary>A file, the set in a folder, or a profile generated (once, deterministically) into its folder.</summary>
    private static async Task<string[]> FilesOfAsync(SeedInput input)
    {
        if (File.Exists(input.Source))
        {
            return [input.Source];
        }

        if (Directory.Exists(input.Source))
        {
            return [.. MockDataFiles.LoadOrder.Select(f => Path.Combine(input.Source, f)).Where(File.Exists)];
        }

        var profiles = MockDataFiles.ReadProfiles(GenerateMockDataCommand.ProfilesFile);
        if (!profiles.TryGetValue(input.Source, out var profile))
        {
            throw new ArgumentException($"'{input.Source}' is neither a file, a folder nor a profile ({string.Join(", ", profiles.Keys)}).");
        }

        var directory = input.OutFlag ?? MockDataFiles.InRepository(".data", "mock-data", profile.Name);
        if (!File.Exists(Path.Combine(directory, MockDataFiles.History)))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Generating profile {profile.Name} ({profile.Identities:N0} identities, seed {profile.Seed}) into {directory}…");
            var written = await MockDataFiles.WriteAsync(new MockWorld(profile), directory);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Generated {written.Identities:N0} identities of {written.Parties:N0} parties, {written.HistoryLines:N0} later writes.");
        }

        return [.. MockDataFiles.LoadOrder.Select(f => Path.Combine(directory, f))];
    }

    private static long CountLines(string file)
    {
        using var reader = new StreamReader(file);
        long count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }
}

public sealed class GenerateMockDataInput
{
    [Description("A profile of mock-data/profiles.json (small, medium, large)")]
    public string Profile { get; set; } = "small";

    [Description("The folder to write (default mock-data/<profile>)")]
    public string? OutFlag { get; set; }

    [Description("Overrides the profile's number of identities")]
    public int? IdentitiesFlag { get; set; }

    [Description("Overrides the profile's seed")]
    public int? SeedFlag { get; set; }
}

[Description("Writes a mock-data profile as NDJSON and CSV files; the same profile always gives the same bytes", Name = "generate-mock-data")]
public sealed class GenerateMockDataCommand : JasperFxAsyncCommand<GenerateMockDataInput>
{
    public static string ProfilesFile => Path.Combine(AppContext.BaseDirectory, "mock-data", "profiles.json");

    public override async Task<bool> Execute(GenerateMockDataInput input)
    {
        var profile = MockDataFiles.ReadProfiles(ProfilesFile).GetValueOrDefault(input.Profile)
            ?? throw new ArgumentException($"No profile '{input.Profile}' in {ProfilesFile}.");
        profile = profile with { Identities = input.IdentitiesFlag ?? profile.Identities, Seed = input.SeedFlag ?? profile.Seed };
        var directory = input.OutFlag ?? MockDataFiles.InRepository("mock-data", profile.Name);
        var clock = Stopwatch.StartNew();
        var written = await MockDataFiles.WriteAsync(new MockWorld(profile), directory);
        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture, $"Wrote {written.Identities:N0} identities ({written.Parties:N0} parties), {written.HistoryLines:N0} later writes and {written.Applicants:N0} applicant rows to {directory} in {clock.Elapsed.TotalSeconds:N1} s.");
        return true;
    }
}
