using System.Globalization;
using System.Text;
using ICU4N;
using ICU4N.Globalization;

namespace GidSandbox.Standards;

/// <summary>
/// What a name (or any free text: address lines, reasons, identifiers, searches) may contain:
/// printable text of at most 500 characters. Characters that show nothing, or change how the
/// text around them shows, let two names that look the same be stored apart, so they are refused
/// (never removed: the sandbox keeps names as the office sent them). The list, with the joiners
/// and variation selectors allowed where a script needs them, is in docs/names.md.
/// </summary>
public static class NameText
{
    public const int MaxLength = 500;

    /// <summary>Null when the text is acceptable; otherwise what is wrong with it.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A name is empty; give at least one visible character.";
        }

        var runes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) && (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                return $"A name contains an unpaired surrogate (U+{(int)c:X4}) at position {i}; send well-formed UTF-16/UTF-8.";
            }

            var rune = Rune.GetRuneAt(text, i);
            if (Refused(text, i, rune) is var (what, why))
            {
                return $"A name contains {what} {Describe(rune)} at position {i}; {why} See docs/names.md.";
            }

            i += rune.Utf16SequenceLength - 1;
            runes++;
        }

        return runes > MaxLength ? $"A name has at most {MaxLength} characters; this one has {runes}." : null;
    }

    /// <summary>Names are kept as given but compared in this form.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>"U+200B ZERO WIDTH SPACE": the code point and, where Unicode names it, its name.</summary>
    public static string Describe(Rune rune)
    {
        var name = UChar.GetName(rune.Value);
        return name is null ? $"U+{rune.Value:X4}" : $"U+{rune.Value:X4} {name}";
    }

    /// <summary>What the character at <paramref name="i"/> is and why it may not stand there, or null.</summary>
    private static (string What, string Why)? Refused(string text, int i, Rune rune)
    {
        var cp = rune.Value;
        if (IsNoncharacter(cp))
        {
            return ("the noncharacter", "noncharacters are reserved for a program's own use.");
        }

        if (Rune.IsControl(rune))
        {
            return ("the control character", "names are printable text on one line.");
        }

        if (IsBidiControl(cp))
        {
            return ("the bidirectional control", "bidirectional override, embedding, isolate and mark characters are not allowed in names: they reorder what is shown.");
        }

        if (cp is 0x200C or 0x200D)
        {
            return JoinerAllowed(text, i, cp) ? null
                : ("the invisible joiner", "zero width joiners and non-joiners are allowed only inside a word of a script that uses them (after a virama, between joining Arabic-script letters, between emoji).");
        }

        if (IsVariationSelector(cp))
        {
            return VariationAllowed(text, i, cp) ? null
                : ("the invisible variation selector", "a variation selector is allowed only after a character it selects a variant of (Han ideographs, symbols and emoji, Mongolian letters).");
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Format => ("the invisible format character", "zero width spaces, word joiners, soft hyphens, byte order marks, tags and other format characters are not allowed in names: they make one name look like another."),
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => ("the separator", "line and paragraph separators are not allowed; names are on one line."),
            UnicodeCategory.PrivateUse => ("the private-use character", "private-use characters mean nothing outside the system that assigned them."),
            UnicodeCategory.OtherNotAssigned => ("the unassigned code point", "Unicode assigns no character to it."),
            _ when IsInvisibleFiller(cp) => ("the invisible character", "characters that show nothing are not allowed in names: they make one name look like another."),
            _ => null,
        };
    }

    // U+FDD0..FDEF and the last two code points of every plane.
    private static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;

    private static bool IsBidiControl(int cp) =>
        cp is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    // Default-ignorable characters that are not format characters: the combining grapheme joiner,
    // the Hangul fillers and the Khmer inherent vowels, which show nothing.
    private static bool IsInvisibleFiller(int cp) =>
        cp is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x17B4 or 0x17B5;

    private static bool IsVariationSelector(int cp) =>
        cp is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or (>= 0x180B and <= 0x180D) or 0x180F;

    /// <summary>
    /// RFC 5892's CONTEXTJ rules (the ones IDNA applies to domain names): either joiner after a
    /// virama (Indic scripts, Sinhala, Khmer, Myanmar...); ZWNJ between Arabic-script letters that
    /// join (Persian "می‌خواهم"); and, for emoji sequences, ZWJ between two symbols.
    /// </summary>
    private static bool JoinerAllowed(string text, int i, int joiner)
    {
        if (i == 0 || i + 1 >= text.Length)
        {
            return false;
        }

        var before = Rune.GetRuneAt(text, i - (char.IsLowSurrogate(text[i - 1]) && i >= 2 ? 2 : 1)).Value;
        if (UChar.GetCombiningClass(before) == 9)
        {
            return true;
        }

        if (joiner == 0x200D)
        {
            return IsEmojiPart(before) && IsEmojiPart(Rune.GetRuneAt(text, i + 1).Value);
        }

        return JoinsOn(text, i, -1, JoiningType.LeftJoining) && JoinsOn(text, i, +1, JoiningType.RightJoining);
    }

    // Skipping transparent marks, the next letter that way joins (dual-joining, or joining to that side).
    private static bool JoinsOn(string text, int i, int step, int side)
    {
        for (var j = i + step; j >= 0 && j < text.Length; j += step)
        {
            if (char.IsSurrogate(text[j]))
            {
                continue;
            }

            var type = UChar.GetIntPropertyValue(text[j], UProperty.Joining_Type);
            if (type != JoiningType.Transparent)
            {
                return type == JoiningType.DualJoining || type == side;
            }
        }

        return false;
    }

    private static bool IsEmojiPart(int cp) =>
        UChar.HasBinaryProperty(cp, UProperty.Emoji) && cp > 0xFF || cp == 0xFE0F
        || CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.OtherSymbol;

    private static bool VariationAllowed(string text, int i, int selector)
    {
        if (i == 0)
        {
            return false;
        }

        var before = Rune.GetRuneAt(text, i - (char.IsLowSurrogate(text[i - 1]) && i >= 2 ? 2 : 1)).Value;
        var script = UScript.GetScript(before);
        return selector switch
        {
            >= 0x180B and <= 0x180F => script == UScript.Mongolian,
            >= 0xE0100 => script == UScript.Han,
            _ => script is UScript.Han or UScript.Myanmar or UScript.PhagsPa or UScript.Manichaean
                || CharUnicodeInfo.GetUnicodeCategory(before) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol,
        };
    }
}
