using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GidSandbox.MockData;

/// <summary>The files of one generated set, in the order they load.</summary>
public static class MockDataFiles
{
    public const string Offices = "offices.ndjson";
    public const string Identities = "identities.ndjson";
    public const string History = "history.ndjson";
    public const string Applicants = "applicants.csv";
    public const string GroundTruth = "ground-truth.csv";
    public const string Participants = "offices.csv";

    /// <summary>The NDJSON files a load reads, in this order: Terms acceptances, registrations, later writes.</summary>
    public static readonly string[] LoadOrder = [Offices, Identities, History];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public sealed record Written(int Identities, int HistoryLines, int Applicants, int Parties);

    /// <summary>Streams the world into <paramref name="directory"/>: one pass, constant memory, same bytes for the same profile.</summary>
    public static async Task<Written> WriteAsync(MockWorld world, string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        await using var offices = Open(directory, Offices);
        await using var identities = Open(directory, Identities);
        await using var history = Open(directory, History);
        await using var applicants = Open(directory, Applicants);
        await using var truth = Open(directory, GroundTruth);
        await using var participants = Open(directory, Participants);

        await participants.WriteAsync("code,name,role,merges,applicant_number_style\n");
        foreach (var office in MockOffices.All)
        {
            await participants.WriteAsync(Csv(office.Code, office.Name, office.Role, office.Merges ? "yes" : "no", office.Style));
        }

        foreach (var line in world.TermsAcceptances())
        {
            await offices.WriteAsync(Ndjson(line));
        }

        await applicants.WriteAsync("office,applicant_number,name,country,party,gid,variant\n");
        await truth.WriteAsync("gid,party,registering_office,variant\n");
        int registered = 0, later = 0, rows = 0, parties = 0;
        foreach (var party in world.Parties())
        {
            ct.ThrowIfCancellationRequested();
            parties++;
            foreach (var line in party.Registrations)
            {
                await identities.WriteAsync(Ndjson(line));
                await truth.WriteAsync(Csv(line.Gid!, line.Party!, line.Office, line.Variant ?? ""));
                registered++;
            }

            foreach (var line in party.History)
            {
                await history.WriteAsync(Ndjson(line));
                later++;
            }

            foreach (var row in party.Applicants)
            {
                await applicants.WriteAsync(Csv(row.Office, row.Number, row.Name, row.Country, row.Party, row.Gid ?? "", row.Variant ?? ""));
                rows++;
            }
        }

        return new Written(registered, later, rows, parties);
    }

    public static string Ndjson(MockLine line) => JsonSerializer.Serialize(line, MockLine.Json) + "\n";

    private static StreamWriter Open(string directory, string file) =>
        new(Path.Combine(directory, file), append: false, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };

    private static string Csv(params string[] fields) =>
        string.Join(',', fields.Select(f => f.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f)) + "\n";

    /// <summary>
    /// Where a file stops being UTF-8 ("identities.ndjson:12:7 (byte 1043, 0xFF): …"), or null
    /// when all of it is. A seed file is checked whole before any of it loads: read leniently, a bad
    /// byte would become U+FFFD in a stored name, and refusing the line later would leave the rest
    /// of the file stored.
    /// </summary>
    public static string? InvalidUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length];
        int kept = 0;
        long offset = 0, line = 1, lineStart = 0;
        while (true)
        {
            var read = stream.Read(bytes, kept, bytes.Length - kept);
            var block = bytes.AsSpan(0, kept + read);
            var status = System.Text.Unicode.Utf8.ToUtf16(block, chars, out var decoded, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            var valid = block[..decoded];
            for (var i = valid.IndexOf((byte)'\n'); i >= 0; i = NextNewline(valid, i + 1))
            {
                line++;
                lineStart = offset + i + 1;
            }

            if (status == OperationStatus.InvalidData)
            {
                var at = offset + decoded;
                return $"{path}:{line}:{at - lineStart + 1} (byte {at}, 0x{block[decoded]:X2}): not UTF-8. Nothing of this file was loaded; save it as UTF-8 and load it again.";
            }

            if (read == 0)
            {
                return null;
            }

            block[decoded..].CopyTo(bytes);
            kept = block.Length - decoded;
            offset += decoded;
        }
    }

    private static int NextNewline(ReadOnlySpan<byte> block, int from) =>
        block[from..].IndexOf((byte)'\n') is var i and >= 0 ? from + i : -1;

    /// <summary>Reads mock-data/profiles.json.</summary>
    public static IReadOnlyDictionary<string, MockProfile> ReadProfiles(string file)
    {
        using var stream = File.OpenRead(file);
        var profiles = JsonSerializer.Deserialize<Dictionary<string, ProfileJson>>(stream, MockLine.Json)
            ?? throw new InvalidOperationException($"{file} holds no profiles.");
        return profiles.ToDictionary(p => p.Key, p => new MockProfile(p.Key, p.Value.Seed, p.Value.Identities), StringComparer.OrdinalIgnoreCase);
    }

    private sealed record ProfileJson(int Seed, int Identities);

    /// <summary>
    /// A path in the repository (found by walking up to GidSandbox.sln), since <c>dotnet run</c>
    /// runs in the project folder; outside a checkout, in the current folder.
    /// </summary>
    public static string InRepository(params string[] parts)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GidSandbox.sln")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        return Path.Combine(parts);
    }
}
