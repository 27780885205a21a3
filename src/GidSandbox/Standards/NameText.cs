using System.Globalization;
using System.Text;

namespace GidSandbox.Standards;

/// <summary>What a name (or any free text) may contain: printable text of at most 500 characters.</summary>
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
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return $"A name contains an unpaired surrogate (U+{(int)c:X4}) at position {i}; send well-formed UTF-16/UTF-8.";
                }

                i++;
            }
            else if (char.IsControl(c))
            {
                return $"A name contains the control character U+{(int)c:X4} at position {i}; names are printable text.";
            }
            else if (IsBidiControl(c))
            {
                return $"A name contains U+{(int)c:X4} at position {i}; bidirectional override, embedding, isolate and mark characters are not allowed in names.";
            }
            else if (c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'))
            {
                return $"A name contains the noncharacter U+{(int)c:X4} at position {i}.";
            }

            runes++;
        }

        return runes > MaxLength ? $"A name has at most {MaxLength} characters; this one has {runes}." : null;
    }

    /// <summary>Names are kept as given but compared in this form.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormC);

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
