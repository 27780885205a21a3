using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GidSandbox.Hosting;
using JasperFx.CommandLine;
using NodaTime.Text;

namespace GidSandbox.Feed;

/// <summary>Every change to identities between two change feed cursors, with the event data, as NDJSON with its SHA-256.</summary>
public static class DeltaExport
{
    public static async Task<ExportResult> ExportAsync(ChangeFeed feed, string? fromCursor, string? toCursor, string directory, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var from = feed.Position(fromCursor, "--from-cursor");
        var to = toCursor is null ? await feed.HighWaterMarkAsync(ct) : feed.Position(toCursor, "--to-cursor");
        if (to < from)
        {
            throw Refusal.Invalid("--to-cursor", "The range is inverted: --to-cursor is an earlier position than --from-cursor; swap them.");
        }

        var output = new ChecksummedFile(directory, $"delta-{from}-{to}.ndjson");
        await using (output)
        {
            await foreach (var change in feed.ReadAsync(from, to, null, ct))
            {
                await output.WriteLineAsync(Line(change), ct);
            }
        }

        return new ExportResult(output.Path, output.Sha256!, output.Lines, to, feed.CursorAt(to), started.Elapsed);
    }

    private static string Line(IdentityChange change)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", change.Sequence);
            json.WriteString("gid", change.Gid);
            json.WriteString("type", change.Type);
            json.WriteNumber("version", change.Version);
            json.WriteString("timestamp", InstantPattern.ExtendedIso.Format(change.Timestamp));
            json.WriteString("recordedAt", InstantPattern.ExtendedIso.Format(change.RecordedAt));
            json.WritePropertyName("data");
            json.WriteRawValue(change.Data, skipInputValidation: true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

public sealed class DeltaExportInput : CommandInput
{
    [Description("Change feed cursor to start after (default: the beginning)")]
    public string? FromCursorFlag { get; set; }

    [Description("Change feed cursor to end at, inclusive (default: everything committed now)")]
    public string? ToCursorFlag { get; set; }

    [Description("Directory to write into (default: exports)")]
    public string OutputFlag { get; set; } = "exports";
}

[Description("Writes every change to identities between two change feed cursors as NDJSON with a SHA-256 file", Name = "export-delta")]
public sealed class DeltaExportCommand : JasperFxAsyncCommand<DeltaExportInput>
{
    public override async Task<bool> Execute(DeltaExportInput input)
    {
        var host = input.BuildHost();
        try
        {
            GoldenCopy.Print(await DeltaExport.ExportAsync(host.Services.GetRequiredService<ChangeFeed>(), input.FromCursorFlag, input.ToCursorFlag, input.OutputFlag, CancellationToken.None), "delta");
            return true;
        }
        catch (Refusal refusal)
        {
            Console.Error.WriteLine(refusal.Message);
            return false;
        }
        finally
        {
            await FeedCommands.StopEmbeddedAsync(host);
        }
    }
}

public static class FeedCommands
{
    /// <summary>The embedded cluster, when the sandbox started one, stops with a served host; a command stops it itself.</summary>
    public static async Task StopEmbeddedAsync(Microsoft.Extensions.Hosting.IHost host)
    {
        if (host.Services.GetService<GidSandbox.Hosting.EmbeddedPostgres>() is { } embedded)
        {
            await embedded.StopAsync();
        }
    }
}
