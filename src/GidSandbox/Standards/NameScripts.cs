using System.Collections;
using System.Globalization;
using System.Text;
using ICU4N;
using ICU4N.Globalization;

namespace GidSandbox.Standards;

/// <summary>
/// The scripts a name's letters are written in (Unicode's Script and Script_Extensions, through
/// ICU), checked as UTS #39 does: each word in one script, with the mixes Japanese, Korean and
/// Chinese writing use, and with Latin beside those ("NTTドコモ", "LG전자": UTS #39's "highly
/// restrictive" level); and the name in the script it is declared in. A Latin word with one
/// Cyrillic "а" in it is the classic homoglyph spelling, and is refused.
/// </summary>
public static class NameScripts
{
    // UTS #39 section 5.1: Han belongs to the Japanese, Korean and Chinese-with-Bopomofo writings, kana to Japanese, Hangul to Korean.
    private static readonly Dictionary<int, int[]> Writings = new()
    {
        [UScript.Han] = [UScript.Japanese, UScript.Korean, UScript.HanWithBopomofo],
        [UScript.Hiragana] = [UScript.Japanese],
        [UScript.Katakana] = [UScript.Japanese],
        [UScript.Hangul] = [UScript.Korean],
        [UScript.Bopomofo] = [UScript.HanWithBopomofo],
    };

    private static readonly int ScriptCount = UChar.GetIntPropertyMaxValue(UProperty.Script) + 1;

    private static readonly int[] EastAsian = [UScript.Japanese, UScript.Korean, UScript.HanWithBopomofo];

    // ISO 15924 codes that stand for several scripts, or a variant of one; the Z codes say nothing of the letters.
    private static readonly Dictionary<string, int[]> Declared = new(StringComparer.Ordinal)
    {
        ["Jpan"] = [UScript.Han, UScript.Hiragana, UScript.Katakana],
        ["Hrkt"] = [UScript.Hiragana, UScript.Katakana],
        ["Kore"] = [UScript.Hangul, UScript.Han],
        ["Jamo"] = [UScript.Hangul],
        ["Hanb"] = [UScript.Han, UScript.Bopomofo],
        ["Hans"] = [UScript.Han],
        ["Hant"] = [UScript.Han],
        ["Latf"] = [UScript.Latin],
        ["Latg"] = [UScript.Latin],
        ["Cyrs"] = [UScript.Cyrillic],
        ["Aran"] = [UScript.Arabic],
        ["Syre"] = [UScript.Syriac],
        ["Syrj"] = [UScript.Syriac],
        ["Syrn"] = [UScript.Syriac],
        ["Geok"] = [UScript.Georgian],
    };

    /// <summary>
    /// Null when every word is in one script (or an allowed mix) and the letters are in the declared
    /// script; otherwise what is wrong. A name declared Latn holds Latin letters only; a name in
    /// another script may also hold Latin words (brands, legal forms), but no third script.
    /// </summary>
    public static string? Problem(string text, string declared)
    {
        // ASCII letters are Latin, which every declared script allows.
        if (Ascii.IsValid(text))
        {
            return null;
        }

        foreach (var word in Words(text))
        {
            if (MixedScripts(word) is { } mix)
            {
                return $"The word '{word}' mixes {mix} letters; write each word in one script (a look-alike letter of another script makes the name look like one it is not, see docs/names.md).";
            }
        }

        if (!Allowed(declared, out var allowed))
        {
            return null;
        }

        var foreign = Letters(text).Where(l => !allowed.Contains(l.Script)).ToList();
        if (foreign.Count == 0)
        {
            return null;
        }

        var scripts = string.Join(", ", foreign.GroupBy(l => l.Script).Select(g => $"{UScript.GetName(g.Key)} ({string.Join(", ", g.Select(l => l.Text).Distinct().Take(5))})"));
        return $"The name is declared {declared} but has letters of another script: {scripts}. Declare the script it is written in, or write it in {declared} letters only (see docs/names.md).";
    }

    /// <summary>The words of a text: runs of letters, marks, digits and joiners.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>The letters of a text that belong to one script (not Common or Inherited), with it.</summary>
    public static IEnumerable<(string Text, int Script)> Letters(string text) =>
        text.EnumerateRunes().Where(Rune.IsLetter).Select(r => (r.ToString(), Script: UScript.GetScript(r.Value)))
            .Where(l => l.Script is not (UScript.Common or UScript.Inherited or UScript.Unknown));

    public static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || rune.Value is 0x200C or 0x200D
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>"Cyrillic (А, С) and Latin (M, E)" when the word's letters have no script in common; otherwise null.</summary>
    private static string? MixedScripts(string word)
    {
        var letters = word.EnumerateRunes().Select(r => (Text: r.ToString(), Scripts: ScriptSet(r.Value))).Where(l => l.Scripts is not null).ToList();
        if (Resolve(letters.Select(l => l.Scripts!)).Count > 0)
        {
            return null;
        }

        // Latin beside a Japanese, Korean or Chinese writing is how those names write brands and initials.
        var others = letters.Where(l => !l.Scripts!.Contains(UScript.Latin)).Select(l => l.Scripts!).ToList();
        if (others.Count < letters.Count && Resolve(others).Overlaps(EastAsian))
        {
            return null;
        }

        var groups = letters.GroupBy(l => UScript.GetScript(char.ConvertToUtf32(l.Text, 0)));
        return string.Join(" and ", groups.Select(g => $"{UScript.GetName(g.Key)} ({string.Join(", ", g.Select(l => l.Text).Distinct().Take(5))})"));
    }

    private static HashSet<int> Resolve(IEnumerable<HashSet<int>> sets)
    {
        HashSet<int>? all = null;
        foreach (var set in sets)
        {
            all ??= [.. set];
            all.IntersectWith(set);
        }

        return all ?? [UScript.Common];
    }

    // A character's Script_Extensions with the writings its scripts belong to; null for one that goes with any script.
    private static HashSet<int>? ScriptSet(int cp)
    {
        var bits = new BitArray(ScriptCount);
        UScript.GetScriptExtensions(cp, bits);
        var set = new HashSet<int>();
        for (var s = 0; s < bits.Length; s++)
        {
            if (bits[s])
            {
                set.Add(s);
                set.UnionWith(Writings.GetValueOrDefault(s, []));
            }
        }

        return set.Overlaps([UScript.Common, UScript.Inherited, UScript.Unknown]) ? null : set;
    }

    private static bool Allowed(string declared, out HashSet<int> allowed)
    {
        allowed = [];
        if (declared.StartsWith('Z'))
        {
            return false;
        }

        if (!Declared.TryGetValue(declared, out var scripts))
        {
            var code = UScript.GetCodeFromName(declared);
            if (code is UScript.InvalidCode or UScript.Unknown)
            {
                return false;
            }

            scripts = [code];
        }

        allowed = [.. scripts, UScript.Latin];

        return true;
    }
}
