using System.Data;
using System.Diagnostics;
using System.Text.Json.Nodes;
using GidSandbox.Access;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using Marten;
using Npgsql;

namespace GidSandbox.Feed;

public sealed record ExportResult(string File, string Sha256, long Lines, long Through, string Cursor, TimeSpan Elapsed);

/// <summary>
/// Every active identity, one JSON document per line (the registry's own record of it), read in
/// one snapshot together with the change feed position it reflects, so a mirror loads the copy and
/// then follows <c>changes(after: cursor)</c> without a gap.
/// </summary>
public static class GoldenCopy
{
    public static async Task<ExportResult> ExportAsync(NpgsqlDataSource database, IDocumentStore store, ChangeFeed feed, string directory, bool personalData, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        long through;
        await using (var mark = new NpgsqlCommand($"select coalesce((select last_seq_id from {schema}.mt_event_progression where name = 'HighWaterMark'), 0)", connection, snapshot))
        {
            through = (long)(await mark.ExecuteScalarAsync(ct))!;
        }

        var output = new ChecksummedFile(directory, $"golden-copy-{through}.ndjson");
        await using (output)
        {
            await using var command = new NpgsqlCommand(
                $"select data::text, data ->> 'kind' = 'NaturalPerson' from {schema}.mt_doc_identity where data ->> 'status' = 'Active' order by id", connection, snapshot);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var json = reader.GetString(0);
                // Terms 4.1: a copy that leaves the registry carries no natural person's personal details unless asked.
                await output.WriteLineAsync(reader.GetBoolean(1) && !personalData ? PersonalData.Redact(JsonNode.Parse(json))!.ToJsonString() : json, ct);
            }
        }

        return new ExportResult(output.Path, output.Sha256!, output.Lines, through, feed.CursorAt(through), started.Elapsed);
    }

    public static void Print(ExportResult result, string what)
    {
        Console.WriteLine($"{what}: {result.Lines:N0} lines in {result.Elapsed.TotalSeconds:N1} s ({result.Lines / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0}/s)");
        Console.WriteLine($"file:    {result.File}");
        Console.WriteLine($"sha256:  {result.Sha256}  ({result.File}.sha256)");
        Console.WriteLine($"through: event {result.Through}; continue with changes(after: \"{result.Cursor}\")");
    }
}

public sealed class GoldenCopyInput : CommandInput
{
    [Description("Directory to write into (default: exports)")]
    public string OutputFlag { get; set; } = "exports";

    [Description("Keep natural persons' addresses and contact e-mail (governance use only, Terms 4.1)")]
    public bool IncludePersonalDataFlag { get; set; }
}

[Description("Writes every active identity as NDJSON with a SHA-256 file, and the change feed cursor it reflects", Name = "export-golden-copy")]
public sealed class GoldenCopyCommand : JasperFxAsyncCommand<GoldenCopyInput>
{
    public override async Task<bool> Execute(GoldenCopyInput input)
    {
        var host = input.BuildHost();
        try
        {
            var services = host.Services;
            GoldenCopy.Print(await GoldenCopy.ExportAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IDocumentStore>(),
                services.GetRequiredService<ChangeFeed>(), input.OutputFlag, input.IncludePersonalDataFlag, CancellationToken.None), "golden copy");
            return true;
        }
        finally
        {
            await FeedCommands.StopEmbeddedAsync(host);
        }
    }
}
