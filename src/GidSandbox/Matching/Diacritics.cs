using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;

namespace GidSandbox.Matching;

/// <summary>
/// Whether two names written with diacritics disagree on them: Nguyễn Văn Hùng and Nguyễn Văn Hưng,
/// Işık and Işik, Łęcki and Lęcki. Standardization folds diacritics so that a
/// name written without them meets the name written with them; but when both names carry them in a
/// word that folds to the same letters, they are compared: there they tell names apart.
/// </summary>
public static partial class Diacritics
{
    /// <summary>
    /// Letters offices write for one another when their keyboards lack one: Romanian ș/ş and ț/ţ
    /// (comma and cedilla), ø/ö, æ/ä, Hungarian ő/ö and ű/ü. Any other two letters with different
    /// marks differ.
    /// </summary>
    private static readonly Dictionary<char, char> SameLetter = new()
    {
        ['ș'] = 'ş',
        ['ț'] = 'ţ',
        ['ø'] = 'ö',
        ['æ'] = 'ä',
        ['ő'] = 'ö',
        ['ű'] = 'ü',
    };

    /// <summary>
    /// True when some word written with diacritics in one name has partners in the other name
    /// (words that fold to the same letters, also written with diacritics) and none of them is
    /// written with the same letters.
    /// </summary>
    public static bool Differ(string a, string b)
    {
        if (Ascii.IsValid(a) || Ascii.IsValid(b))
        {
            // A name in ASCII has no marked word, and is not Vietnamese: no word of either side has a partner to differ from.
            return false;
        }

        var (left, right) = (Read(a), Read(b));
        var vietnamese = left.Vietnamese && right.Vietnamese;
        foreach (var (folded, word, marked) in left.Words)
        {
            if (!vietnamese && !marked)
            {
                continue;
            }

            var partnered = false;
            var same = false;
            foreach (var partner in right.Words)
            {
                if ((vietnamese || partner.Marked) && partner.Folded == folded)
                {
                    partnered = true;
                    same |= SameWord(word, partner.Word);
                }
            }

            if (partnered && !same)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name's Latin words, each with its folded form and whether it is written with letters outside ASCII, and whether
    /// the name is Vietnamese.
    /// </summary>
    private sealed record Analysis(bool Vietnamese, IReadOnlyList<(string Folded, string Word, bool Marked)> Words);

    /// <summary>A name's analysis, read once per thread and name: a batch compares each name that scores high with several candidates' names.</summary>
    private static Analysis Read(string text) => Known.GetOrAdd(text, static text =>
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        return new Analysis(IsVietnamese(normalized), LatinWords(normalized));
    });

    private static readonly PerThreadCache<string, Analysis> Known = new();

    /// <summary>
    /// Vietnamese marks almost every syllable, so in a name written with them a syllable without
    /// marks is written so on purpose (Lan, Lân): there every word is compared. Elsewhere a word
    /// without marks may have lost them to a keyboard or a character set (Yilmaz for Yılmaz beside
    /// Çağlar), so only words that carry marks on both sides are.
    /// </summary>
    private static bool IsVietnamese(string normalized) =>
        normalized.Any(c => c is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or >= '\u1EA0' and <= '\u1EF9');

    // The Latin words of a normalized name, each with its folded form and whether it has letters outside ASCII.
    private static List<(string Folded, string Word, bool Marked)> LatinWords(string normalized)
    {
        var words = new List<(string, string, bool)>();
        foreach (var word in Words().Split(normalized))
        {
            if (word.Length > 0 && word.All(c => c <= '\u024F' || c is >= '\u0300' and <= '\u036F' or >= '\u1E00' and <= '\u1EFF'))
            {
                words.Add((word.Transliterate().ToLowerInvariant(), word, word.Any(c => c > '\u007F')));
            }
        }

        return words;
    }

    /// <summary>
    /// Letter by letter, ignoring case; a capital I is either i or the Turkish dotless ı (whose
    /// capital it is), so IŞIK is both Işık and Işik.
    /// </summary>
    private static bool SameWord(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!SameLetterOf(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameLetterOf(char a, char b)
    {
        if (a == 'I' || b == 'I')
        {
            return (a == 'I' ? b : a) is 'I' or 'i' or 'ı';
        }

        return Canonical(a) == Canonical(b);
    }

    private static char Canonical(char c)
    {
        var lower = c == 'İ' ? 'i' : char.ToLowerInvariant(c);
        return SameLetter.GetValueOrDefault(lower, lower);
    }

    [GeneratedRegex(@"[^\p{L}\p{M}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
