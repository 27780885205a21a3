namespace GidSandbox.Matching;

/// <summary>
/// Trigram similarity computed the way PostgreSQL's pg_trgm computes <c>similarity()</c>: each word
/// padded with two spaces before and one after, shared trigrams over all distinct trigrams. The
/// database uses it to find candidates through its GIN index; this copy scores and explains them.
/// </summary>
public static class Trigrams
{
    public static double Similarity(string a, string b)
    {
        var left = Of(a);
        var right = Of(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
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
