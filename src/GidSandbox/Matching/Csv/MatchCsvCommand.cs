using System.Globalization;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace GidSandbox.Matching.Csv;

public sealed class MatchCsvInput : CommandInput
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
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No file {input.InFlag}[/]; pass the CSV with --in.");
            return false;
        }

        MatchCsv.Records records;
        using (var reader = new StreamReader(input.InFlag))
        {
            records = MatchCsv.Read(reader);
        }

        // Each bad row on the error stream with its line; the good rows are matched all the same.
        foreach (var bad in records.Bad)
        {
            await Console.Error.WriteLineAsync($"{input.InFlag}:{bad.Line}: {bad.Problem}");
        }

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var counts = new Dictionary<MatchDecision, int>();
        await using (var writer = new StreamWriter(input.OutFlag))
        {
            MatchCsv.WriteResults(writer, [], header: true);
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Matching {records.Good.Count:N0} records", maxValue: Math.Max(records.Good.Count, 1));
                foreach (var batch in records.Good.Chunk(MatchIdentities.MaxRecords))
                {
                    var results = await MatchIdentities.RunAsync(store, batch, 3, CancellationToken.None);
                    MatchCsv.WriteResults(writer, results, header: false);
                    foreach (var result in results)
                    {
                        counts[result.Decision] = counts.GetValueOrDefault(result.Decision) + 1;
                    }

                    task.Increment(batch.Length);
                }
            });
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {input.OutFlag}: {counts.GetValueOrDefault(MatchDecision.Match)} MATCH, {counts.GetValueOrDefault(MatchDecision.Possible)} POSSIBLE, {counts.GetValueOrDefault(MatchDecision.NoMatch)} NO_MATCH.");
        if (records.Bad.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{records.Bad.Count} bad rows[/] left out (each named above with its line); correct them and match them again.");
        }

        return records.Bad.Count == 0;
    }
}
