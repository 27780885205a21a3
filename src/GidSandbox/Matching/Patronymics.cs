namespace GidSandbox.Matching;

/// <summary>
/// Patronymics of East Slavic names (Юрий Андреевич Жуков, Iurii Andreevich Zhukov, Juri
/// Andrejewitsch Schukow): offices often write a person without one, so a name of three words
/// holding one is also read without it (<see cref="NameStandardization.Readings"/>).
/// </summary>
public static class Patronymics
{
    /// <summary>
    /// The endings of a patronymic as written in Cyrillic (Russian, Ukrainian, Belarusian) and in the
    /// Latin schemes offices use for them (passport, BGN/PCGN, German, French, scholarly).
    /// </summary>
    private static readonly string[] Endings =
    [
        "ович", "евич", "ьевич", "ич", "овна", "евна", "ьевна", "ична", "инична", "івна", "ївна", "авіч", "евіч", "аўна", "еўна",
        "ovich", "evich", "ovitch", "evitch", "owitsch", "ewitsch", "ovič", "evič", "ich", "itch", "itsch", "ič",
        "ovna", "evna", "owna", "ewna", "ichna", "ishna", "ivna", "yivna", "avich", "auna", "euna",
    ];

    /// <summary>The countries whose people's names carry an East Slavic patronymic, in Cyrillic or romanised.</summary>
    private static readonly HashSet<string> Countries = ["RU", "UA", "BY", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD"];

    /// <summary>Whether a person's name may carry one: written in Cyrillic, or of one of those countries.</summary>
    public static bool MayCarry(string name, string? country) =>
        (country is not null && Countries.Contains(country)) || name.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>
    /// The name without its patronymic when it is three words and the second or the third (given
    /// name first, or the surname) is one: "Юрий Андреевич Жуков" gives "Юрий Жуков", "Zhukov Iurii
    /// Andreevich" gives "Zhukov Iurii"; null otherwise. A surname formed like a patronymic
    /// (Abramovich) stands first or last, so the middle word is tried first.
    /// </summary>
    public static string? LeftOut(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 3)
        {
            return null;
        }

        foreach (var position in new[] { 1, 2 })
        {
            if (IsPatronymic(words[position]))
            {
                return string.Join(' ', words.Where((_, i) => i != position));
            }
        }

        return null;
    }

    private static bool IsPatronymic(string word)
    {
        var lower = word.ToLowerInvariant().TrimEnd('.', ',');
        return lower.Length >= 5 && Array.Exists(Endings, e => lower.EndsWith(e, StringComparison.Ordinal));
    }
}
