using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AnyAscii;
using GidSandbox.Identities;
using GidSandbox.Standards;

namespace GidSandbox.Matching;

/// <summary>
/// A name in the forms the matcher compares (docs/matching.md): <see cref="Normalized"/> in its own
/// script, <see cref="Key"/> in ASCII with the legal form taken off, <see cref="SortedKey"/> in any
/// word order, and the legal form kept apart.
/// </summary>
public sealed record StandardName(
    string Normalized,
    string Key,
    string SortedKey,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> Phonetic,
    LegalForm? LegalForm,
    string? Scheme = null)
{
    /// <summary>
    /// A romanisation-folded reading (<see cref="Romanisation.Fold"/>): it meets another name only
    /// when equal, and then scores below an exact meeting.
    /// </summary>
    [JsonIgnore]
    public bool IsFolded => Scheme == Romanisation.Folded;

    /// <summary>A consonant skeleton (<see cref="Skeletons"/>): it meets only the other side's skeleton, when equal.</summary>
    [JsonIgnore]
    public bool IsSkeleton => Skeletons.Is(this);

    /// <summary>
    /// A reading that scores only when it equals the other side's (a folded reading, a consonant skeleton:
    /// <see cref="Scoring.ScoreName"/>), so its exact keys alone find every name it can score against.
    /// </summary>
    [JsonIgnore]
    public bool OnlyWhenEqual => IsFolded || IsSkeleton;

    /// <summary>
    /// A reading of a person's name with its patronymic left out (<see cref="Patronymics"/>): it
    /// meets the name written without one, and then scores below a meeting of every word.
    /// </summary>
    public bool WithoutPatronymic { get; init; }

    /// <summary>The key without spaces, so "Min-jun", "Minjun" and "Min Jun" meet.</summary>
    [JsonIgnore]
    public string Compact => Key.Replace(" ", "", StringComparison.Ordinal);

    [JsonIgnore]
    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>The letters of the words run together (<see cref="NameStandardization.JoinLetters"/>).</summary>
    [JsonIgnore]
    public string Letters => NameStandardization.JoinLetters(Tokens);

    /// <summary>
    /// The keys under which another name counts as this one exactly: the sorted key, and the letters
    /// of every rotation of the words ("Kim Min-jun", "Kim Minjun", "Minjun Kim").
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> ExactKeys => Known.GetValue(this, static n =>
        [.. Enumerable.Range(0, n.Tokens.Count).Select(shift => NameStandardization.JoinLetters(n.Tokens.Skip(shift).Concat(n.Tokens.Take(shift)))).Prepend(n.SortedKey).Distinct()]);

    /// <summary>
    /// Each reading's exact keys, derived once: scoring compares each reading of a query with every reading of each
    /// candidate, and joining the query's rotations anew for each pair cost more than comparing them. Kept beside the
    /// reading (by reference), not in it: a copy made with <c>with</c> (other words, another scheme) derives its own.
    /// </summary>
    private static readonly ConditionalWeakTable<StandardName, string[]> Known = [];

    /// <summary>
    /// The sorted keys of this name written with initials: one word kept whole, every other word
    /// cut to its first letter ("Li Da" gives "d li" and "da l"), so a query written "L. Da" finds
    /// its namesakes by an exact lookup instead of a search by words that every "L… Da" passes.
    /// </summary>
    public IEnumerable<string> InitialledKeys() =>
        Enumerable.Range(0, Tokens.Count)
            .Where(kept => Tokens[kept].Length > 1 && Tokens.Count > 1)
            .Select(kept => string.Join(' ', Tokens.Select((t, i) => i == kept ? t : t[..1]).Order(StringComparer.Ordinal)))
            .Where(key => key != SortedKey).Distinct();
}

/// <summary>
/// The name standardization pipeline, in the spirit of the draft WIPO standard on data cleaning of
/// names. Pure: the same text, kind and country always give the same result; when the rules here
/// change, rebuilding the <see cref="MatchProfile"/> projection recomputes every stored name.
/// </summary>
public static partial class NameStandardization
{
    /// <summary>Bumped whenever a rule, or what a profile keeps of a name, changes; stored with each profile, so stale profiles can be told apart.</summary>
    public const int RulesVersion = 19;

    // Connectors that offices write or leave out at will ("Procter & Gamble", "Procter and Gamble").
    private static readonly HashSet<string> Noise = ["and", "und", "et", "y", "the", "of"];

    // Abbreviated legal forms written as bracketed signs; NFKC turns ㈱ into (株) and ㈜ into (주).
    private static readonly (string Sign, string Written)[] Signs =
        [("(株)", " 株式会社 "), ("(有)", " 有限会社 "), ("(주)", " 주식회사 "), ("(유)", " 유한회사 ")];

    /// <summary>
    /// The name as written; when some of its words are look-alikes of Latin words written in letters
    /// of other scripts ("АСМЕ", "АСME"), also as the Latin words they look like
    /// (<see cref="Confusables.ToLatin"/>), so a homoglyph spelling meets the name it imitates; a name
    /// in another script also in each romanisation scheme offices write it in
    /// (<see cref="Romanisation.Spellings"/>); and every one of these with the differences between
    /// the schemes folded away (<see cref="Romanisation.Fold"/>), so that a spelling in another scheme
    /// meets it; a person's name of three words with a patronymic also without it, in each of these
    /// (<see cref="Patronymics.LeftOut"/>); a name in Hebrew or Thai letters also as its consonant
    /// skeletons (<see cref="Skeletons.Native"/>). Readings with the same key are given once.
    /// </summary>
    public static IEnumerable<StandardName> Readings(string text, IdentityKind? kind = null, string? country = null)
    {
        var readings = new List<StandardName>();
        var sources = new List<string> { text };
        void Add(StandardName reading)
        {
            if (!reading.IsEmpty && !readings.Exists(r => r.Key == reading.Key))
            {
                readings.Add(reading);
            }
        }

        var own = Standardize(text, kind, country);
        readings.Add(own);
        var latin = Confusables.ToLatin(text);
        if (latin != text)
        {
            Add(Standardize(latin, kind, country) with { Scheme = "look-alike" });
            sources.Add(latin);
        }

        foreach (var spelling in Romanisation.Spellings(text, kind, country))
        {
            Add(Standardize(spelling.Text, kind, country) with { Scheme = spelling.Scheme });
            sources.Add(spelling.Text);
        }

        foreach (var source in sources)
        {
            Add(Standardize(source, kind, country, folded: true));
        }

        if (kind == IdentityKind.NaturalPerson && Patronymics.MayCarry(text, country))
        {
            foreach (var shortened in sources.Select(Patronymics.LeftOut).OfType<string>().Distinct().ToList())
            {
                Add(Standardize(shortened, kind, country) with { WithoutPatronymic = true });
                Add(Standardize(shortened, kind, country, folded: true) with { WithoutPatronymic = true });
            }
        }

        foreach (var skeleton in Skeletons.Native(text, own, kind))
        {
            Add(skeleton);
        }

        return readings;
    }

    public static StandardName Standardize(string text, IdentityKind? kind = null, string? country = null) =>
        Standardize(text, kind, country, folded: false);

    private static StandardName Standardize(string text, IdentityKind? kind, string? country, bool folded)
    {
        var normalized = Normalize(text);
        var parts = Parts(text);
        var tokens = parts.Select(p => p.Token).ToList();
        LegalForm? legalForm = null;
        if (kind != IdentityKind.NaturalPerson)
        {
            (var skip, var take, legalForm) = LegalForms.Find(tokens, country);
            parts = [.. parts.Skip(skip).Take(take)];
            tokens = [.. tokens.Skip(skip).Take(take)];
        }

        if (folded)
        {
            tokens = [.. parts.Select(p => Romanisation.Fold(p.Raw)).Where(t => t.Length > 0)];
        }

        var key = string.Join(' ', tokens);
        return new StandardName(
            normalized,
            key,
            string.Join(' ', tokens.Order(StringComparer.Ordinal)),
            tokens,
            [.. tokens.Select(Phonetics.Soundex)],
            legalForm,
            folded ? Romanisation.Folded : null);
    }

    // The ayn and hamza of ALA-LC and other scholarly romanisations of Arabic (ʿ, ʾ).
    private const int AlaLcAyn = 0x02BF;
    private const int AlaLcHamza = 0x02BE;

    /// <summary>NFKC, case folded, punctuation, symbols and the ʿ and ʾ of romanised Arabic removed, spaces collapsed; still in the name's own script.</summary>
    public static string Normalize(string text)
    {
        var folded = CaseFold(text.Normalize(NormalizationForm.FormKC));
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (rune.Value is AlaLcAyn or AlaLcHamza)
            {
                continue; // inside a word (Ḍabʿān, Ṭāʾī): not a letter of its own, and no word ends there
            }

            builder.Append(IsWordRune(rune) ? rune.ToString() : " ");
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The ASCII tokens of a name: normalized, transliterated (AnyAscii; Han and Hangul split into
    /// syllables), diacritics and their spelled-out forms folded, noise words dropped.
    /// </summary>
    public static string[] Tokenize(string text) => [.. Parts(text).Select(p => p.Token)];

    // Each token with the ASCII word part it was folded from, which the romanisation-folded reading folds its own way.
    private static List<(string Raw, string Token)> Parts(string text)
    {
        var withSigns = Signs.Aggregate(text.Normalize(NormalizationForm.FormKC), (t, s) => t.Replace(s.Sign, s.Written, StringComparison.Ordinal));
        var words = Normalize(GreekDigraphs(withSigns)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => LegalForms.SpaceGlued(w).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var parts = new List<(string Raw, string Token)>();
        foreach (var word in words)
        {
            var latin = IsLatin(word);
            var ascii = IsAscii(word) ? word : SplitSyllables(Youon(word).Transliterate());
            foreach (var part in Normalize(ascii.ToLowerInvariant()).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var token = latin ? FoldSpellings(part) : FoldLongVowels(part);
                if (token.Length > 0)
                {
                    parts.Add((part, token));
                }
            }
        }

        var tokens = parts.ConvertAll(p => p.Token);
        return [.. parts.Where((_, i) => !IsNoise(tokens, i))];
    }

    // A connector stands between two words: a lone "y" at either end of a name is an initial ("Y. Yoshida"),
    // and so is one before another single letter (the dotted "Y.K.").
    private static bool IsNoise(List<string> tokens, int i) =>
        Noise.Contains(tokens[i]) && (tokens[i].Length > 1 || (i > 0 && i < tokens.Count - 1 && tokens[i + 1].Length > 1));

    /// <summary>
    /// Kana with a small ya, yu or yo as Hepburn writes them (しょ sho, きゃ kya), where AnyAscii
    /// spells both kana out (shiyo).
    /// </summary>
    public static string Youon(string word)
    {
        if (!word.Any(IsSmallY))
        {
            return word;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            if (i + 1 < word.Length && IsSmallY(word[i + 1]) && word[i].ToString().Transliterate() is { Length: > 1 } syllable && syllable.EndsWith('i'))
            {
                var consonant = syllable[..^1];
                var vowel = word[i + 1].ToString().Transliterate().TrimStart('y', 'Y');
                builder.Append(consonant is "sh" or "ch" or "j" ? consonant : consonant + "y").Append(vowel);
                i++;
                continue;
            }

            builder.Append(word[i]);
        }

        return builder.ToString();
    }

    private static bool IsSmallY(char c) => c is 'ゃ' or 'ゅ' or 'ょ' or 'ャ' or 'ュ' or 'ョ';

    /// <summary>
    /// Spelled-out and long-vowel variants to one form, for words written in Latin letters: ä/ae,
    /// ö/oe, ü/ue (AnyAscii already gives a, o, u), then <see cref="FoldLongVowels"/>, so
    /// Müller = Mueller = Muller and Aastroem = Åström. A pair that ends the word stays: there it is
    /// not an umlaut spelled out (Zoe, Monroe, the Korean syllables Jae and Choe written in Latin
    /// letters), and a misspelling that puts one there ("Moonstnoe") stays one letter swap away.
    /// </summary>
    public static string FoldSpellings(string token) =>
        FoldLongVowels(UmlautSpelling().Replace(token, "$1"));

    [GeneratedRegex("([aou])e(?=.)", RegexOptions.CultureInvariant)]
    private static partial Regex UmlautSpelling();

    /// <summary>
    /// Japanese long vowels (ou, oo, uu) and the Scandinavian aa (å) shortened, so Tarou = Taro.
    /// The only folding a romanised non-Latin word gets: AnyAscii's 최 is "choe", which is not an
    /// ö spelled out, and folding it would make it 조 ("cho").
    /// </summary>
    public static string FoldLongVowels(string token) =>
        token.Replace("ou", "o", StringComparison.Ordinal)
            .Replace("oo", "o", StringComparison.Ordinal)
            .Replace("uu", "u", StringComparison.Ordinal)
            .Replace("aa", "a", StringComparison.Ordinal);

    /// <summary>
    /// The words run together, folding the vowel pairs that the joins create: Hangul 하은 is the
    /// syllables "ha" "eun", written "Haeun" in Latin letters, which folds to "haun".
    /// </summary>
    public static string JoinLetters(IEnumerable<string> tokens)
    {
        var joined = new StringBuilder();
        foreach (var token in tokens)
        {
            var start = joined.Length > 0 && token.Length > 0 && FoldsAway(joined[^1], token[0]) ? 1 : 0;
            joined.Append(token, start, token.Length - start);
        }

        return joined.ToString();
    }

    // The pairs the folds above shorten, by dropping the second letter: ae, oe, ue, ou, oo, uu, aa.
    private static bool FoldsAway(char first, char second) =>
        (first, second) is ('a', 'e') or ('o', 'e') or ('u', 'e') or ('o', 'u') or ('o', 'o') or ('u', 'u') or ('a', 'a');

    // Unicode's full case folding differs from lowercasing only in a few letters that matter in names.
    private static string CaseFold(string text) =>
        text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Replace("ς", "σ", StringComparison.Ordinal);

    // AnyAscii writes Greek ου as "oy"; names romanise it as "ou" (Papadopoulos).
    private static string GreekDigraphs(string text) =>
        text.Replace("ου", "ou", StringComparison.OrdinalIgnoreCase).Replace("ού", "ou", StringComparison.OrdinalIgnoreCase)
            .Replace("ΟΥ", "OU", StringComparison.Ordinal);

    // AnyAscii writes each Han character and Hangul syllable capitalised and unspaced ("WangWei"); spaces make them tokens.
    private static string SplitSyllables(string transliterated)
    {
        var builder = new StringBuilder(transliterated.Length + 8);
        for (var i = 0; i < transliterated.Length; i++)
        {
            if (i > 0 && char.IsAsciiLetterUpper(transliterated[i]) && char.IsAsciiLetterLower(transliterated[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(transliterated[i]);
        }

        return builder.ToString();
    }

    // Letters and digits of any script are kept, with their combining marks; emoji, symbols and punctuation are not.
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };

    private static bool IsAscii(string word) => word.All(char.IsAscii);

    // Basic Latin, Latin-1, Latin Extended-A/B and Additional, and combining diacritics.
    /// <summary>Whether the text is all in Latin letters (with their extensions, combining marks and modifier letters: Ṣāliḥ, ʿ) and punctuation.</summary>
    public static bool IsLatin(string text) =>
        text.All(c => c < '\u0370' || c is >= '\u1E00' and <= '\u1EFF');
}
