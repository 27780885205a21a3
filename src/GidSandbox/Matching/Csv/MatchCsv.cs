using System.Globalization;
using System.Text;
using GidSandbox.Identities;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Standards;

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

    /// <summary>The file's rows that can be matched, and those that cannot.</summary>
    public sealed record Records(IReadOnlyList<(string? Reference, MatchQuery Query)> Good, IReadOnlyList<BadRow> Bad);

    /// <summary>A row that cannot be matched: the line it starts on (the header is line 1) and why.</summary>
    public sealed record BadRow(int Line, string Problem);

    /// <summary>One row as read: the line it starts on, its fields, and whether a quoted field was left open at the end of the file.</summary>
    public sealed record Row(int Line, IReadOnlyList<string> Fields, bool Unclosed);

    /// <summary>Reads every row, checking each as <c>matchIdentities</c> checks a record; a bad row does not stop the others.</summary>
    public static Records Read(TextReader reader)
    {
        var rows = Parse(reader).ToList();
        if (rows.Count == 0)
        {
            return new Records([], []);
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("names") && !header.Contains("name"))
        {
            return new Records([], [new BadRow(1, $"The header row has no names column; it must name the columns: {InputHeader}.")]);
        }

        string? Cell(IReadOnlyList<string> row, string column) =>
            header.IndexOf(column) is var i and >= 0 && i < row.Count && row[i].Trim().Length > 0 ? row[i].Trim() : null;
        var good = new List<(string?, MatchQuery)>();
        var bad = new List<BadRow>();
        foreach (var row in rows.Skip(1).Where(r => r.Fields.Any(c => c.Length > 0)))
        {
            var problems = new Problems();
            if (row.Unclosed)
            {
                problems.Add("row", "A quoted field is not closed before the end of the file.");
            }

            if (row.Fields.Count > header.Count)
            {
                problems.Add("row", $"{row.Fields.Count} fields, but the header names {header.Count} columns (quote fields that hold commas).");
            }

            IdentityKind? kind = Cell(row.Fields, "kind")?.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
            {
                null => null,
                "LEGALENTITY" => IdentityKind.LegalEntity,
                "NATURALPERSON" => IdentityKind.NaturalPerson,
                var other => Unknown(problems, "kind", $"'{InputRules.Shorten(Cell(row.Fields, "kind")!)}' is not a kind; give legal_entity, natural_person or nothing."),
            };
            var country = Cell(row.Fields, "country");
            if (country is not null && !CountryCodes.TryNormalize(country, out country))
            {
                problems.Add("country", $"'{InputRules.Shorten(Cell(row.Fields, "country")!)}' is not an ISO 3166-1 alpha-2 country code (e.g. CH, JP, KR, US).");
            }

            var record = MatchIdentities.Parse(problems, "", new MatchRecordInput
            {
                Reference = Cell(row.Fields, "reference"),
                Names = [.. (Cell(row.Fields, "names") ?? Cell(row.Fields, "name") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                Kind = kind,
                Country = country,
                Identifiers = Cell(row.Fields, "identifier_value") is { } value
                    ? [new ExternalIdentifierInput { Scheme = Cell(row.Fields, "identifier_scheme") ?? "applicant-number", Issuer = Cell(row.Fields, "identifier_issuer") ?? "", Value = value }]
                    : null,
            });
            if (problems.Any)
            {
                bad.Add(new BadRow(row.Line, problems.Message));
            }
            else
            {
                good.Add(record);
            }
        }

        return new Records(good, bad);
    }

    private const string InputHeader = "reference,names,kind,country,identifier_scheme,identifier_issuer,identifier_value";

    private static IdentityKind? Unknown(Problems problems, string field, string message)
    {
        problems.Add(field, message);
        return null;
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
    public static IEnumerable<Row> Parse(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
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
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                    }

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
                yield return new Row(rowLine, row, Unclosed: false);
                row = [];
                rowLine = ++line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0 || quoted)
        {
            row.Add(field.ToString());
            yield return new Row(rowLine, row, quoted);
        }
    }
}
