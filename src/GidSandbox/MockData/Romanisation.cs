using System.Text;

namespace GidSandbox.MockData;

/// <summary>
/// Letter-by-letter romanisation for Cyrillic and Greek, in the two systems offices' files mix:
/// the passport style (ICAO 9303, ELOT 743) and the older library style (BGN/PCGN).
/// </summary>
public static class Romanisation
{
    private static readonly Dictionary<char, (string Passport, string Library)> Cyrillic = new()
    {
        ['а'] = ("a", "a"),
        ['б'] = ("b", "b"),
        ['в'] = ("v", "v"),
        ['г'] = ("g", "g"),
        ['д'] = ("d", "d"),
        ['е'] = ("e", "e"),
        ['ё'] = ("e", "yo"),
        ['ж'] = ("zh", "zh"),
        ['з'] = ("z", "z"),
        ['и'] = ("i", "i"),
        ['й'] = ("i", "y"),
        ['к'] = ("k", "k"),
        ['л'] = ("l", "l"),
        ['м'] = ("m", "m"),
        ['н'] = ("n", "n"),
        ['о'] = ("o", "o"),
        ['п'] = ("p", "p"),
        ['р'] = ("r", "r"),
        ['с'] = ("s", "s"),
        ['т'] = ("t", "t"),
        ['у'] = ("u", "u"),
        ['ф'] = ("f", "f"),
        ['х'] = ("kh", "kh"),
        ['ц'] = ("ts", "ts"),
        ['ч'] = ("ch", "ch"),
        ['ш'] = ("sh", "sh"),
        ['щ'] = ("shch", "shch"),
        ['ъ'] = ("ie", ""),
        ['ы'] = ("y", "y"),
        ['ь'] = ("", ""),
        ['э'] = ("e", "e"),
        ['ю'] = ("iu", "yu"),
        ['я'] = ("ia", "ya"),
        ['і'] = ("i", "i"),
        ['ї'] = ("i", "yi"),
        ['є'] = ("ie", "ye"),
        ['ґ'] = ("g", "g"),
    };

    private static readonly Dictionary<char, (string Passport, string Library)> Greek = new()
    {
        ['α'] = ("a", "a"),
        ['β'] = ("v", "v"),
        ['γ'] = ("g", "g"),
        ['δ'] = ("d", "d"),
        ['ε'] = ("e", "e"),
        ['ζ'] = ("z", "z"),
        ['η'] = ("i", "i"),
        ['θ'] = ("th", "th"),
        ['ι'] = ("i", "i"),
        ['κ'] = ("k", "k"),
        ['λ'] = ("l", "l"),
        ['μ'] = ("m", "m"),
        ['ν'] = ("n", "n"),
        ['ξ'] = ("x", "ks"),
        ['ο'] = ("o", "o"),
        ['π'] = ("p", "p"),
        ['ρ'] = ("r", "r"),
        ['σ'] = ("s", "s"),
        ['ς'] = ("s", "s"),
        ['τ'] = ("t", "t"),
        ['υ'] = ("y", "i"),
        ['φ'] = ("f", "f"),
        ['χ'] = ("ch", "kh"),
        ['ψ'] = ("ps", "ps"),
        ['ω'] = ("o", "o"),
    };

    public static string Passport(string text) => Convert(text, library: false);

    public static string Library(string text) => Convert(text, library: true);

    private static string Convert(string text, bool library)
    {
        var result = new StringBuilder(text.Length * 2);
        var wordStart = true;
        foreach (var original in text.Normalize(NormalizationForm.FormC))
        {
            var lower = char.ToLowerInvariant(original);
            // Greek accents and diaereses are dropped; Cyrillic letters such as й and ё are letters of their own.
            if (!Cyrillic.TryGetValue(lower, out var latin) && !Greek.TryGetValue(BaseLetter(lower), out latin))
            {
                result.Append(original);
                wordStart = !char.IsLetter(original);
                continue;
            }

            var part = library ? latin.Library : latin.Passport;
            result.Append(wordStart && part.Length > 0 ? char.ToUpperInvariant(part[0]) + part[1..] : part);
            wordStart = false;
        }

        return result.ToString();
    }

    private static char BaseLetter(char c) => c.ToString().Normalize(NormalizationForm.FormD)[0];
}
