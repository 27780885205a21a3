using System.Globalization;
using System.Text;
using ICU4N.Globalization;

namespace GidSandbox.Standards;

/// <summary>
/// Look-alike letters of other scripts read as the Latin letters they look like, after Unicode's
/// confusables.txt (UTS #39; the Latin part of it is in Confusables.txt beside this file, with
/// its source). A word whose every non-Latin letter has a Latin look-alike ("АСМЕ" in Cyrillic,
/// "ΑΒΒ" in Greek, or "АСME" mixing both) is read in those Latin letters: the UTS #39 skeleton
/// of the word, kept to the letters a Latin reader would take it for. Other words are left as
/// they are: "Сергей" has letters no Latin reader would mistake.
/// </summary>
public static class Confusables
{
    private static readonly Lazy<Dictionary<int, string>> Prototypes = new(Load);

    /// <summary>The prototype of a character that looks like Latin letters (Cyrillic а gives a), or null.</summary>
    public static string? LatinPrototype(int codePoint) => Prototypes.Value.GetValueOrDefault(codePoint);

    /// <summary>The text with each word that only look-alikes keep from being Latin written in the Latin letters it looks like.</summary>
    public static string ToLatin(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var word = new List<Rune>();
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (NameScripts.IsWordRune(rune))
            {
                word.Add(rune);
                continue;
            }

            Append(result, word);
            result.Append(rune.ToString());
        }

        Append(result, word);
        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void Append(StringBuilder result, List<Rune> word)
    {
        var foreign = word.Where(r => Rune.IsLetter(r) && UScript.GetScript(r.Value) is not (UScript.Latin or UScript.Common or UScript.Inherited)).ToList();
        var fold = foreign.Count > 0 && foreign.TrueForAll(r => LatinPrototype(r.Value) is not null);
        foreach (var rune in word)
        {
            result.Append(fold && foreign.Contains(rune) ? LatinPrototype(rune.Value) : rune.ToString());
        }

        word.Clear();
    }

    private static Dictionary<int, string> Load()
    {
        using var stream = typeof(Confusables).Assembly.GetManifestResourceStream("GidSandbox.Standards.Confusables.txt")
            ?? throw new InvalidOperationException("The embedded Confusables.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            var data = line.Split('#')[0];
            if (data.Split(';') is [var source, var prototype])
            {
                map[int.Parse(source.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = string.Concat(
                    prototype.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).Select(hex => char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
            }
        }

        return map;
    }
}
