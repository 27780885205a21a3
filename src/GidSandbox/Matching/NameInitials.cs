using System.Text;

namespace GidSandbox.Matching;

/// <summary>How two names written with initials agree: how many initials stood for a word, and whether every word of both names found its partner.</summary>
public sealed record InitialsAgreement(int Initials, bool Complete);

/// <summary>
/// The initials of a name: the words of one letter ("A.", "S", a Cyrillic "Ю."), as the tokens
/// they standardize to ("a", "s", "yu"). An initial stands for any word that starts with it.
/// Only alphabets have initials: one Han character or Hangul syllable is a whole word.
/// </summary>
public static class NameInitials
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>A name's initials, read once per thread and name: scoring asks for them at every pair of readings.</summary>
    public static IReadOnlySet<string> Of(string text) => Known.GetOrAdd(text, Read);

    private static readonly PerThreadCache<string, IReadOnlySet<string>> Known = new();

    private static IReadOnlySet<string> Read(string text)
    {
        HashSet<string>? initials = null;
        foreach (var word in NameStandardization.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsOneAlphabetLetter(word))
            {
                foreach (var token in NameStandardization.Tokenize(word))
                {
                    (initials ??= []).Add(token);
                }
            }
        }

        return initials ?? None;
    }

    // One letter of the Latin, Greek or Cyrillic alphabets, with any combining marks.
    private static bool IsOneAlphabetLetter(string word)
    {
        var letters = 0;
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                letters++;
                if (letters > 1 || !(rune.Value < 0x0530 || rune.Value is >= 0x1E00 and <= 0x1FFF))
                {
                    return false;
                }
            }
        }

        return letters == 1;
    }

    /// <summary>
    /// Two person names that agree once initials stand for the words they start ("Kuzmin A. S." and
    /// "Kuzmin Aleksei Sergeevich", "S. Venkataraman" and "Subramanian Venkataraman", in any word
    /// order): at least one whole word the same, at least one initial meeting a word, and every
    /// other word paired; <see cref="InitialsAgreement.Complete"/> when the words of both names all
    /// found partners, otherwise (null aside) those of the shorter name did. Null when they do not
    /// agree so.
    /// </summary>
    public static InitialsAgreement? Agree(IReadOnlyList<string> q, IReadOnlySet<string> qInitials, IReadOnlyList<string> c, IReadOnlySet<string> cInitials)
    {
        if (qInitials.Count == 0 && cInitials.Count == 0 && !HasSingleLetter(q) && !HasSingleLetter(c))
        {
            return null; // no initial on either side to agree by
        }

        var left = q.Select(t => (Token: t, Initial: t.Length == 1 || qInitials.Contains(t))).ToList();
        var right = c.Select(t => (Token: t, Initial: t.Length == 1 || cInitials.Contains(t))).ToList();
        var whole = 0;
        foreach (var word in left.Where(t => !t.Initial).ToList())
        {
            var partner = right.FindIndex(r => !r.Initial && r.Token == word.Token);
            if (partner >= 0)
            {
                right.RemoveAt(partner);
                left.Remove(word);
                whole++;
            }
        }

        if (whole == 0 || left.Count == 0 || right.Count == 0 || left.Count + right.Count > 12)
        {
            return null;
        }

        var (paired, initials) = Pair(left, right, 0, new bool[right.Count]);
        var complete = left.Count == right.Count && paired == left.Count;
        return initials > 0 && (complete || paired == Math.Min(left.Count, right.Count)) ? new InitialsAgreement(initials, complete) : null;
    }

    private static bool HasSingleLetter(IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Length == 1)
            {
                return true;
            }
        }

        return false;
    }

    // The most words of the left paired with words of the right (and, among those pairings, the most initials), by trying each partner in turn.
    private static (int Paired, int Initials) Pair(List<(string Token, bool Initial)> left, List<(string Token, bool Initial)> right, int from, bool[] taken)
    {
        if (from == left.Count)
        {
            return (0, 0);
        }

        var best = Pair(left, right, from + 1, taken);
        for (var j = 0; j < right.Count; j++)
        {
            if (!taken[j] && Kind(left[from], right[j]) is { } initial)
            {
                taken[j] = true;
                var (paired, initials) = Pair(left, right, from + 1, taken);
                taken[j] = false;
                var option = (paired + 1, initials + (initial ? 1 : 0));
                if (option.CompareTo(best) > 0)
                {
                    best = option;
                }
            }
        }

        return best;
    }

    // Null when the two words do not pair; true when an initial stands for the other word, false when both are the same initial.
    private static bool? Kind((string Token, bool Initial) a, (string Token, bool Initial) b) => (a.Initial, b.Initial) switch
    {
        (true, true) => a.Token == b.Token ? false : null,
        (true, false) => b.Token.StartsWith(a.Token, StringComparison.Ordinal) ? true : null,
        (false, true) => a.Token.StartsWith(b.Token, StringComparison.Ordinal) ? true : null,
        _ => null,
    };
}
