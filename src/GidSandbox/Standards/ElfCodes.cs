using System.Reflection;
using System.Text;

namespace GidSandbox.Standards;

/// <summary>
/// ISO 20275 Entity Legal Form codes: four characters, letters and digits; and the names of the codes
/// of the jurisdictions the sandbox uses (ElfCodes.tsv beside this file: GLEIF's code list of
/// 2026-02-19, active entries), so that people read a form's name rather than its code.
/// </summary>
public static class ElfCodes
{
    /// <summary>The code for a legal form not (yet) on the list.</summary>
    public const string NotListed = "8888";

    /// <summary>The code for an entity with no separate legal form.</summary>
    public const string NoLegalForm = "9999";

    private sealed record Entry(string Code, string Country, string Language, string Local, string Transliterated, string[] Abbreviations);

    private static readonly Lazy<ILookup<string, Entry>> Entries = new(Load);

    public static bool IsWellFormed(string? code) =>
        code is { Length: 4 } && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    /// <summary>
    /// The name of a code as people read it: the local name with its usual abbreviation
    /// ("Gesellschaft mit beschränkter Haftung (GmbH)"), or its transliteration where the local name
    /// is not in Latin letters ("株式会社 (kabusikigaisya)"); the first language the list gives for a
    /// country of several. Null for a code the sandbox does not know.
    /// </summary>
    public static string? NameOf(string? code)
    {
        switch (code)
        {
            case null:
                return null;
            case NotListed:
                return "Other legal form (not on the ISO 20275 list)";
            case NoLegalForm:
                return "No separate legal form";
        }

        var entry = Entries.Value[code].FirstOrDefault();
        if (entry is null)
        {
            return null;
        }

        var latin = entry.Local.All(c => c <= '\u024F');
        var transliterated = entry.Transliterated.Length > 0 ? entry.Transliterated : null;
        var abbreviation = entry.Abbreviations.FirstOrDefault(a => a != entry.Local);
        var aside = latin ? abbreviation ?? transliterated : transliterated ?? abbreviation;
        return aside is null ? entry.Local : $"{entry.Local} ({aside})";
    }

    /// <summary>The country a code belongs to, or null.</summary>
    public static string? CountryOf(string code) => Entries.Value[code].FirstOrDefault()?.Country;

    private static ILookup<string, Entry> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GidSandbox.Standards.ElfCodes.tsv")
            ?? throw new InvalidOperationException("The ELF code list (Standards/ElfCodes.tsv) is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<Entry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            entries.Add(new Entry(f[0], f[1], f[2], f[3], f[4], f[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return entries.ToLookup(e => e.Code);
    }
}
