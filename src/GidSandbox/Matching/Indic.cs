using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace GidSandbox.Matching;

/// <summary>
/// Names in the scripts of India (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam)
/// as Indian records write them in Latin letters (docs/matching.md, "Romanisations"): ICU's reading (ISO 15919, every
/// inherent vowel written: राजेश rājēśa) made the usual spelling, its diacritics off (ś and ṣ sh, c ch), and in the
/// northern scripts without the inherent vowels Hindi, Bengali, Punjabi and Gujarati do not say (Rajesh, Amarjit,
/// Harpreet, Kamla). AnyAscii leaves out every inherent vowel (शर्मा "srma"), ICU none.
/// </summary>
public static class Indic
{
    public static bool IsLetter(char c) => c is >= '\u0900' and <= '\u0D7F';

    /// <summary>
    /// The name in the usual spelling (`in-common`: Sanjiv Kumar, Karthikeyan, Manjunatha) and as most names are written
    /// (`in-popular`): a long ī or ū inside a word as ee and oo (Sanjeev, Gurpreet, Roop), Tamil's k voiced inside a word
    /// (Murugan), the south's final inherent vowel left out, t as th and au as ow (Manjunath, Swetha, Gowda); and, where
    /// the usual spelling leaves the final inherent vowel of a word of four syllables or more unsaid, with it, as names of
    /// Sanskrit form are often written (`in-final-a`: श्रीवास्तव Shrivastava beside Shrivastav). Native legal forms stay.
    /// </summary>
    public static IEnumerable<Romanisation.Spelling> Spellings(IReadOnlyList<string> words)
    {
        var common = string.Join(' ', words.Select(w => LegalForms.IsNativeForm(w) ? w : Read(w, popular: false)));
        var popular = string.Join(' ', words.Select(w => LegalForms.IsNativeForm(w) ? w : Read(w, popular: true)));
        var finalVowel = string.Join(' ', words.Select(w => LegalForms.IsNativeForm(w) ? w : Read(w, popular: false, keepFinal: true)));
        yield return new("in-common", common);
        if (popular != common)
        {
            yield return new("in-popular", popular);
        }

        if (finalVowel != common)
        {
            yield return new("in-final-a", finalVowel);
        }
    }

    /// <summary>One word in the usual spelling; a word with no letter of these scripts as it is.</summary>
    private static string Read(string word, bool popular, bool keepFinal = false)
    {
        if (!word.Any(IsLetter))
        {
            return word;
        }

        var region = word.Any(c => c is >= '\u0900' and <= '\u0B7F') ? Region.North : word.Any(c => c is >= '\u0B80' and <= '\u0BFF') ? Region.Tamil : Region.South;
        var units = Units(Romanisation.Transform("Any-Latin", null, Native(word)));
        if (region == Region.North || (region == Region.South && popular && units.Count(u => u.Vowel) >= 3))
        {
            // A long name of Sanskrit form keeps its final vowel in writing (Shrivastava), a short one seldom does (Ankit).
            DropInherentVowels(units, inside: region == Region.North, final: !(keepFinal && units.Count(u => u.Vowel) >= 4));
        }

        var builder = new StringBuilder(units.Count * 2);
        for (var i = 0; i < units.Count; i++)
        {
            builder.Append(Written(units, i, popular, region));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Where the script is written: the north, whose languages leave inherent vowels unsaid; Tamil, with no aspirates
    /// or voiced letters of its own; the south (Telugu, Kannada, Malayalam), whose names English records often write
    /// with th for t and ow for au (Swetha, Gowda), and a word of three syllables or more without its final vowel (Manjunath).
    /// </summary>
    private enum Region
    {
        North,
        Tamil,
        South,
    }

    // An anusvara before h as the nasal it is there (सिंह Singh).
    private static string Native(string word) =>
        word.Replace('\u0A70', '\u0A02').Replace("\u0902\u0939", "\u0919\u094D\u0939", StringComparison.Ordinal).Replace("\u0D7A", "\u0D23\u0D4D", StringComparison.Ordinal).Replace("\u0D7B", "\u0D28\u0D4D", StringComparison.Ordinal)
            .Replace("\u0D7C", "\u0D30\u0D4D", StringComparison.Ordinal).Replace("\u0D7D", "\u0D32\u0D4D", StringComparison.Ordinal)
            .Replace("\u0D7E", "\u0D33\u0D4D", StringComparison.Ordinal).Replace("\u0D7F", "\u0D15\u0D4D", StringComparison.Ordinal);

    /// <summary>A letter of ICU's reading with its marks (ā, ṣ, r̥), an aspirate as one consonant (kh, ṭh), ai and au as one vowel.</summary>
    private sealed record Unit(string Text, bool Vowel)
    {
        public char Letter => Text[0];

        public bool Marked => Text.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(Text[1]) == UnicodeCategory.NonSpacingMark;

        /// <summary>The inherent vowel: a plain a.</summary>
        public bool Inherent => Text == "a";
    }

    private static List<Unit> Units(string iso)
    {
        var letters = new List<string>();
        foreach (var c in iso.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && letters.Count > 0)
            {
                letters[^1] += c;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters.Add(c.ToString());
            }
        }

        var units = new List<Unit>();
        foreach (var letter in letters)
        {
            var vowel = letter[0] is 'a' or 'e' or 'i' or 'o' or 'u' || (letter[0] is 'r' or 'l' && letter.Contains('\u0325', StringComparison.Ordinal));
            var last = units.Count > 0 ? units[^1] : null;
            if (last is { Vowel: false } && letter == "h" && last.Letter is 'k' or 'g' or 'c' or 'j' or 't' or 'd' or 'p' or 'b' or 'r' && last.Text.Length <= 2)
            {
                units[^1] = last with { Text = last.Text + "h" };
            }
            else if (last is { Text: "a" } && letter is "i" or "u")
            {
                units[^1] = last with { Text = "a" + letter };
            }
            else
            {
                units.Add(new Unit(letter, vowel));
            }
        }

        return units;
    }

    private static bool IsNasal(Unit u) => !u.Vowel && u.Letter is 'n' or 'm';

    /// <summary>
    /// Hindi's deletion of the inherent vowel, which Bengali, Punjabi and Gujarati names share: at the end of a word after
    /// one consonant or a nasal and a consonant (Rajesh, Anand, Singh; not Krishna, Chandra), then, <paramref name="inside"/>,
    /// from the end, between a vowel and a consonant and a consonant before a vowel (Kamla, Amarjit; Harpreet, before pr).
    /// </summary>
    private static void DropInherentVowels(List<Unit> units, bool inside, bool final)
    {
        var n = units.Count;
        if (final && n >= 3 && units[^1].Inherent && !units[^2].Vowel && (units[^3].Vowel || (n >= 4 && IsNasal(units[^3]) && units[^4].Vowel)))
        {
            units.RemoveAt(n - 1);
        }

        for (var i = units.Count - 3; inside && i >= 2; i--)
        {
            if (units[i].Inherent && !units[i - 1].Vowel && units[i - 2].Vowel && !units[i + 1].Vowel
                && (units[i + 2].Vowel || (i + 3 < units.Count && units[i + 2].Letter is 'r' or 'y' or 'v' && !units[i + 2].Marked && units[i + 3].Vowel)))
            {
                units.RemoveAt(i);
            }
        }
    }

    private static string Written(List<Unit> units, int i, bool popular, Region region)
    {
        var u = units[i];
        var last = i == units.Count - 1;
        var next = last ? null : units[i + 1];
        var before = i > 0 ? units[i - 1] : null;
        var bare = Bare(u.Text);
        if (u.Vowel)
        {
            return u.Letter switch
            {
                'r' => "ri",
                'l' => "li",
                'i' when popular && !last && u.Marked => "ee",
                'u' when popular && !last && u.Marked => "oo",
                'a' when popular && region == Region.South && u.Text == "au" => "ow",
                _ => bare,
            };
        }

        if (u.Text == "t" && (region == Region.Tamil || (region == Region.South && popular)))
        {
            // த is written th, its double too (முத்து Muthu), and so is the south's t (Swetha, Kavitha).
            return before?.Text == "t" ? "" : "th";
        }

        if (region == Region.Tamil)
        {
            switch (bare)
            {
                // ச s, its double ch; க inside a word g as said (முருகன் Murugan), in names of Sanskrit k (Karthikeyan); ழ zh.
                case "c":
                    return next?.Letter == 'c' ? "" : before?.Letter == 'c' ? "ch" : "s";
                case "k" when popular && before is not null && (before.Vowel || IsNasal(before)) && next is { Vowel: true }:
                    return "g";
                case "l" when u.Text.Contains('\u0331', StringComparison.Ordinal):
                    return "zh";
            }
        }

        return u.Text switch
        {
            "c" => "ch",
            "ch" => "chh",
            "s\u0301" or "s\u0323" => "sh",
            // The anusvara: m before a labial, else n (संजय Sanjay, चंपा Champa).
            "m\u0307" or "m\u0323" or "m\u0310" => next is not null && Bare(next.Text) is "p" or "ph" or "b" or "bh" or "m" ? "m" : "n",
            "h\u0323" => "",
            "n\u0307" when next?.Text == "h" => "ng",
            _ => bare,
        };
    }

    private static string Bare(string text) => new([.. text.Where(c => char.IsAsciiLetter(c))]);
}
