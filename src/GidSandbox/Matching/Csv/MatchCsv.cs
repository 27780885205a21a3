using System.Globalization;
using System.Text;
using GidSandbox.Identities;
using GidSandbox.Matching.BatchMatching;

namespace GidSandbox.Matching.Csv;

/// <summary>
/// The CSV an office sends and gets back (RFC 4180, UTF-8, header row). In: <c>reference</c>,
/// <c>names</c> (several separated by <c>|</c>), <c>kind</c>, <c>country</c>, and optionally
/// <c>identifier_scheme</c>, <c>identifier_issuer</c>, <c>identifier_value</c>. Out: <c>reference</c>,
/// <c>decision</c>, <c>gid</c>, <c>score</c>, <c>matched_name</c>, <c>candidates</c> (<c>gid score</c>, separated by <c>|</c>).
/// </summary>
public static class MatchCsv
{
    public static readonly string[] OutputHeader = ["reference", "decision", "gid", "score", "matched_name", "candidates"];

    public static IReadOnlyList<MatchRecordInput> ReadRecords(TextReader reader)
    {
        var rows = Parse(reader).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        string? Cell(IReadOnlyList<string> row, string column) =>
            header.IndexOf(column) is var i and >= 0 && i < row.Count && row[i].Trim().Length > 0 ? row[i].Trim() : null;
        return [.. rows.Skip(1).Where(r => r.Any(c => c.Length > 0)).Select(row => new MatchRecordInput
        {
            Reference = Cell(row, "reference"),
            Names = [.. (Cell(row, "names") ?? Cell(row, "name") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Kind = Cell(row, "kind") switch
            {
                null => null,
                var k when k.Replace("_", "", StringComparison.Ordinal).Equals("legalentity", StringComparison.OrdinalIgnoreCase) => IdentityKind.LegalEntity,
                _ => IdentityKind.NaturalPerson,
            },
            Country = Cell(row, "country")?.ToUpperInvariant(),
            Identifiers = Cell(row, "identifier_value") is { } value
                ? [new ExternalIdentifierInput { Scheme = Cell(row, "identifier_scheme") ?? "applicant-number", Issuer = Cell(row, "identifier_issuer") ?? "", Value = value }]
                : null,
        })];
    }

    public static void WriteResults(TextWriter writer, IEnumerable<MatchResult> results, bool header)
    {
        if (header)
        {
            writer.WriteLine(string.Join(',', OutputHeader));
        }

        foreach (var result in results)
        {
            var best = result.Best;
            writer.WriteLine(string.Join(',', new[]
            {
                result.Reference ?? "",
                result.Decision switch { MatchDecision.Match => "MATCH", MatchDecision.Possible => "POSSIBLE", _ => "NO_MATCH" },
                result.Decision == MatchDecision.Match ? best!.Profile.Id : "",
                best is null ? "" : best.Score.ToString("0.####", CultureInfo.InvariantCulture),
                best?.MatchedName?.Text ?? "",
                string.Join(" | ", result.Candidates.Select(c => $"{c.Profile.Id} {c.Score.ToString("0.####", CultureInfo.InvariantCulture)}")),
            }.Select(Quote)));
        }
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    /// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static IEnumerable<IReadOnlyList<string>> Parse(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
