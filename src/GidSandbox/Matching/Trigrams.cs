namespace GidSandbox.Matching;

/// <summary>
/// Trigram similarity computed the way PostgreSQL's pg_trgm computes <c>similarity()</c>: each word
/// padded with two spaces before and one after, shared trigrams over all distinct trigrams. The
/// database uses it to find candidates through its GIN index; this copy scores and explains them.
/// </summary>
public static class Trigrams
{
    /// <summary>The most trigrams a text of this length can have: each word gives one more than its letters.</summary>
    private static int MostTrigrams(string text) => (2 * text.Length) + 1;

    // Scoring compares every reading of a query with every reading of each candidate: each text's trigrams are counted
    // once per thread (as numbers, sorted), not once per pair.
    public static double Similarity(string a, string b)
    {
        var (left, right) = (Sorted(a), Sorted(b));
        if (left.Length == 0 || right.Length == 0)
        {
            return 0;
        }

        var shared = 0;
        for (int i = 0, j = 0; i < left.Length && j < right.Length;)
        {
            var order = left[i].CompareTo(right[j]);
            shared += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return (double)shared / (left.Length + right.Length - shared);
    }

    private static ulong[] Sorted(string text) => Known.GetOrAdd(text, static text =>
    {
        Span<ulong> trigrams = MostTrigrams(text) <= 256 ? stackalloc ulong[MostTrigrams(text)] : new ulong[MostTrigrams(text)];
        return trigrams[..Distinct(text, trigrams)].ToArray();
    });

    private static readonly PerThreadCache<string, ulong[]> Known = new();

    /// <summary>Writes the text's distinct trigrams (as <see cref="Of"/> pads them, three characters to a number) sorted into <paramref name="into"/>; returns how many.</summary>
    private static int Distinct(string text, Span<ulong> into)
    {
        var count = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            // "  word ": the padded word's characters are two spaces, the word, and a space.
            char At(int i, ReadOnlySpan<char> w) => i < 2 ? ' ' : i - 2 < w.Length ? w[i - 2] : ' ';
            for (var i = 0; i + 3 <= word.Length + 3; i++)
            {
                into[count++] = ((ulong)At(i, word) << 32) | ((ulong)At(i + 1, word) << 16) | At(i + 2, word);
            }
        }

        var sorted = into[..count];
        sorted.Sort();
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                sorted[distinct++] = sorted[i];
            }
        }

        return distinct;
    }

    public static HashSet<string> Of(string text)
    {
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = $"  {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                trigrams.Add(padded.Substring(i, 3));
            }
        }

        return trigrams;
    }
}
