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

        // Flags on the stack first: most pairs share no whole word or keep nothing to pair, and scoring asks at every pair of readings.
        Span<bool> qInitial = q.Count <= 64 ? stackalloc bool[q.Count] : new bool[q.Count];
        Span<bool> cInitial = c.Count <= 64 ? stackalloc bool[c.Count] : new bool[c.Count];
        Span<bool> qGone = q.Count <= 64 ? stackalloc bool[q.Count] : new bool[q.Count];
        Span<bool> cGone = c.Count <= 64 ? stackalloc bool[c.Count] : new bool[c.Count];
        for (var i = 0; i < q.Count; i++)
        {
            qInitial[i] = q[i].Length == 1 || qInitials.Contains(q[i]);
        }

        for (var j = 0; j < c.Count; j++)
        {
            cInitial[j] = c[j].Length == 1 || cInitials.Contains(c[j]);
        }

        // Each whole word of the query takes the first equal whole word of the candidate still free.
        var whole = 0;
        for (var i = 0; i < q.Count; i++)
        {
            for (var j = 0; j < c.Count && !qInitial[i] && !qGone[i]; j++)
            {
                if (!cGone[j] && !cInitial[j] && c[j] == q[i])
                {
                    (qGone[i], cGone[j]) = (true, true);
                    whole++;
                }
            }
        }

        var (leftCount, rightCount) = (qGone.Count(false), cGone.Count(false));
        if (whole == 0 || leftCount == 0 || rightCount == 0 || leftCount + rightCount > 12)
        {
            return null;
        }

        var left = Remaining(q, qInitial, qGone, leftCount);
        var right = Remaining(c, cInitial, cGone, rightCount);
        var (paired, initials) = Pair(left, right, 0, new bool[right.Length]);
        var complete = left.Length == right.Length && paired == left.Length;
        return initials > 0 && (complete || paired == Math.Min(left.Length, right.Length)) ? new InitialsAgreement(initials, complete) : null;
    }

    private static (string Token, bool Initial)[] Remaining(IReadOnlyList<string> words, ReadOnlySpan<bool> initial, ReadOnlySpan<bool> gone, int count)
    {
        var remaining = new (string, bool)[count];
        for (int i = 0, k = 0; i < words.Count; i++)
        {
            if (!gone[i])
            {
                remaining[k++] = (words[i], initial[i]);
            }
        }

        return remaining;
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
    private static (int Paired, int Initials) Pair((string Token, bool Initial)[] left, (string Token, bool Initial)[] right, int from, bool[] taken)
    {
        if (from == left.Length)
        {
            return (0, 0);
        }

        var best = Pair(left, right, from + 1, taken);
        for (var j = 0; j < right.Length; j++)
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
