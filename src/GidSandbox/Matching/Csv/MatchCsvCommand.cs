using GidSandbox.Matching.BatchMatching;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace GidSandbox.Matching.Csv;

public sealed class MatchCsvInput : NetCoreInput
{
    [Description("The office's CSV: reference, names (| between names), kind, country, identifier_scheme, identifier_issuer, identifier_value")]
    public string InFlag { get; set; } = "";

    [Description("Where to write the results CSV")]
    public string OutFlag { get; set; } = "matches.csv";
}

[Description("Matches an office's CSV of applicants against the registry in batches of 1,000 and writes decisions, GIDs and candidates as CSV", Name = "match-csv")]
public sealed class MatchCsvCommand : JasperFxAsyncCommand<MatchCsvInput>
{
    public override async Task<bool> Execute(MatchCsvInput input)
    {
        if (!File.Exists(input.InFlag))
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]No file {input.InFlag}[/]; pass the CSV with --in.");
            return false;
        }

        IReadOnlyList<MatchRecordInput> records;
        using (var reader = new StreamReader(input.InFlag))
        {
            records = MatchCsv.ReadRecords(reader);
        }

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var counts = new Dictionary<MatchDecision, int>();
        await using var writer = new StreamWriter(input.OutFlag);
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"Matching {records.Count:N0} records", maxValue: Math.Max(records.Count, 1));
            var first = true;
            foreach (var batch in records.Chunk(MatchIdentities.MaxRecords))
            {
                var results = await MatchIdentities.RunAsync(store, MatchIdentities.Parse(batch), 3, CancellationToken.None);
                MatchCsv.WriteResults(writer, results, header: first);
                first = false;
                foreach (var result in results)
                {
                    counts[result.Decision] = counts.GetValueOrDefault(result.Decision) + 1;
                }

                task.Increment(batch.Length);
            }
        });

        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Wrote {input.OutFlag}: {counts.GetValueOrDefault(MatchDecision.Match)} MATCH, {counts.GetValueOrDefault(MatchDecision.Possible)} POSSIBLE, {counts.GetValueOrDefault(MatchDecision.NoMatch)} NO_MATCH.");
        return true;
    }
}
