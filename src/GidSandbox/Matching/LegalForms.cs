using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using GidSandbox.Standards;

namespace GidSandbox.Matching;

/// <summary>
/// A legal form found in a name: the form's short code, its ISO 20275 ELF code in the country where
/// one exists, the words as found, and its equivalence class across languages (<see cref="LegalForms.ClassOf"/>).
/// </summary>
public sealed record LegalForm(string Form, string? Elf, string Found)
{
    /// <summary>The form's class: LIMITED, JOINT_STOCK, COMPANY, PARTNERSHIP, ... (Standards/LegalForms.tsv).</summary>
    [JsonIgnore]
    public string? Class => LegalForms.ClassOf(Form);

    /// <summary>The form's name as people read it ("Gesellschaft mit beschränkter Haftung (GmbH)").</summary>
    [JsonIgnore]
    public string? Name => LegalForms.NameOf(Form);

    /// <summary>
    /// Two forms are the same when their forms or ELF codes agree, when they are of one class in
    /// different languages (a Russian ООО is an LLC), or when one is an English word for a company
    /// (Co., Ltd., Corp.) and the other a company with limited liability (a 株式会社 is written "Co., Ltd." in English).
    /// </summary>
    public bool CompatibleWith(LegalForm other) =>
        Form == other.Form
        || (Elf is not null && Elf == other.Elf)
        || LegalForms.SameClass(Class, other.Class);
}

/// <summary>
/// The legal forms the standardization recognises (the data is Standards/LegalForms.tsv): how they
/// are written, their class across languages and their ISO 20275 Entity Legal Form codes by country
/// (Standards/ElfCodes.tsv, GLEIF's code list of 2026-02-19). Where a country has no ELF code for a
/// form (US corporations are coded per state; China's 有限公司 has none), the form is still
/// recognised and compared, with no code.
/// </summary>
public static class LegalForms
{
    public const string Limited = "LIMITED";
    public const string JointStock = "JOINT_STOCK";
    public const string Company = "COMPANY";

    private sealed record Rule(string Form, string Class, bool MayLead, bool MayEnd, string[] Where, (string Country, string Elf)[] Elf, string Name, string[] Written);

    private static readonly Rule[] Rules = Load();

    /// <summary>Forms written in Han, kana or Hangul, longest first: these are split off a word they are glued to (株式会社エイクミ).</summary>
    private static readonly string[] Glued =
        [.. Rules.SelectMany(r => r.Written).Where(w => !w.Contains('…') && w.Any(IsCjk)).Distinct().OrderByDescending(w => w.Length)];

    /// <summary>Single words of written forms in a script other than Latin (ООО, 주식회사, المحدودة), also as normalized (בע״מ is בע מ): romanisations leave them as written.</summary>
    private static readonly HashSet<string> NativeWords =
        [.. Rules.SelectMany(r => r.Written).SelectMany(w => w.Split(['…', ' '], StringSplitOptions.RemoveEmptyEntries).Concat(NameStandardization.Normalize(w.Replace('…', ' ')).Split(' ')))
            .Where(w => w.Any(c => c > '\u024F'))];

    /// <summary>
    /// A word of a written form this long or longer also counts in its romanisation-folded spelling
    /// (<see cref="Romanisation.Fold"/>): the long forms transliterated from Cyrillic, Greek or Korean are
    /// written in every scheme (ogranichennoy, ogranichennoi, ogranichennoj); short abbreviations are not folded.
    /// </summary>
    private const int FoldedWordLength = 5;

    /// <summary>Written forms as standardized token sequences, longest first so "co ltd" wins over "ltd".</summary>
    private static readonly (string[] Lead, string[] End, Rule Rule)[] Patterns =
        [.. Rules.SelectMany(r => r.Written.Select(w => Pattern(w, r)))
            .Where(p => p.Lead.Length + p.End.Length > 0)
            .OrderByDescending(p => p.Lead.Length + p.End.Length)];

    /// <summary>Whether a word (lower case) is a legal form, or a word of one, written in a script other than Latin.</summary>
    public static bool IsNativeForm(string word) => NativeWords.Contains(word);

    public static string? ClassOf(string form) => Rules.FirstOrDefault(r => r.Form == form)?.Class;

    public static string? NameOf(string form) => Rules.FirstOrDefault(r => r.Form == form)?.Name;

    /// <summary>Two classes agree when equal, or when one is an English word for a company and the other a company with limited liability.</summary>
    public static bool SameClass(string? a, string? b) =>
        a is not null && b is not null
        && (a == b || (a == Company && b is Limited or JointStock) || (b == Company && a is Limited or JointStock));

    /// <summary>The ELF code of a form in a country, where the code list has one.</summary>
    public static string? ElfOf(string form, string? country) =>
        Rules.FirstOrDefault(r => r.Form == form)?.Elf.FirstOrDefault(e => e.Country == country).Elf;

    /// <summary>
    /// A word with a legal form written in Han, kana or Hangul glued to its start or end, with a
    /// space between them (株式会社エイクミ → 株式会社 エイクミ, 주식회사새롬 → 주식회사 새롬).
    /// </summary>
    public static string SpaceGlued(string word)
    {
        if (!word.Any(IsCjk))
        {
            return word;
        }

        foreach (var form in Glued)
        {
            if (word.Length > form.Length && word.StartsWith(form, StringComparison.Ordinal))
            {
                return form + " " + SpaceGlued(word[form.Length..]);
            }

            if (word.Length > form.Length && word.EndsWith(form, StringComparison.Ordinal))
            {
                return SpaceGlued(word[..^form.Length]) + " " + form;
            }
        }

        return word;
    }

    /// <summary>
    /// Takes one legal form off the end (or, for forms written first such as 株式会社 or ООО, the
    /// start; or around the name, as ООО «…») of a name's tokens. A name that is nothing but a legal form keeps its tokens.
    /// </summary>
    public static (IReadOnlyList<string> Remaining, LegalForm? Form) Strip(IReadOnlyList<string> tokens, string? country)
    {
        var (skip, take, form) = Find(tokens, country);
        return (form is null ? tokens : [.. tokens.Skip(skip).Take(take)], form);
    }

    /// <summary>Where the name is once its legal form is off: the words kept are <c>tokens.Skip(skip).Take(take)</c>.</summary>
    public static (int Skip, int Take, LegalForm? Form) Find(IReadOnlyList<string> tokens, string? country)
    {
        var found = FindWritten(tokens, country);
        if (found.Form is null && JoinLetters(tokens) is { } joined && FindWritten(joined, country) is { Form: not null } f)
        {
            // The joined letters were (the end of) the legal form; the words kept are the same in both.
            return f;
        }

        return found;
    }

    // "S.p.A.", "K.K." and "B.V." come out of punctuation removal as single letters; joined they are "spa", "kk", "bv".
    private static List<string>? JoinLetters(IReadOnlyList<string> tokens)
    {
        var run = tokens.Reverse().TakeWhile(t => t.Length == 1).Count();
        return run < 2 || run == tokens.Count ? null : [.. tokens.Take(tokens.Count - run), string.Concat(tokens.Skip(tokens.Count - run))];
    }

    private static (int Skip, int Take, LegalForm? Form) FindWritten(IReadOnlyList<string> tokens, string? country)
    {
        var folded = tokens.Select(t => t.Length >= FoldedWordLength ? Romanisation.Fold(t) : t).ToArray();
        bool StartsWith(string[] pattern) => Matches(tokens, folded, 0, pattern);
        bool EndsWith(string[] pattern) => Matches(tokens, folded, tokens.Count - pattern.Length, pattern);
        foreach (var (lead, end, rule) in Patterns)
        {
            if (lead.Length + end.Length >= tokens.Count || (rule.Where.Length > 0 && !rule.Where.Contains(country)))
            {
                continue;
            }

            var around = lead.Length > 0 && end.Length > 0;
            if (around && StartsWith(lead) && EndsWith(end))
            {
                return (lead.Length, tokens.Count - lead.Length - end.Length, Found(rule, lead.Concat(end), country));
            }

            if (!around && rule.MayEnd && EndsWith(end))
            {
                return (0, tokens.Count - end.Length, Found(rule, end, country));
            }

            if (!around && rule.MayLead && StartsWith(end))
            {
                return (end.Length, tokens.Count - end.Length, Found(rule, end, country));
            }
        }

        return (0, tokens.Count, null);
    }

    private static LegalForm Found(Rule rule, IEnumerable<string> pattern, string? country) =>
        new(rule.Form, rule.Elf.FirstOrDefault(e => e.Country == country).Elf, string.Join(' ', pattern));

    // Loops, not LINQ: every pattern is tried at every standardization of a name, and a name has several readings.
    private static bool Matches(IReadOnlyList<string> tokens, string[] folded, int from, string[] pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var word = pattern[i];
            if (tokens[from + i] != word && (word.Length < FoldedWordLength || folded[from + i] != FoldedPatternWords.GetValueOrDefault(word)))
            {
                return false;
            }
        }

        return true;
    }

    // The folded spelling of each long word of the written forms, computed once.
    private static readonly Dictionary<string, string> FoldedPatternWords =
        Patterns.SelectMany(p => p.Lead.Concat(p.End)).Where(w => w.Length >= FoldedWordLength).Distinct().ToDictionary(w => w, Romanisation.Fold);

    // Written forms are standardized with the same folding as names, so "Gesellschaft mit beschränkter
    // Haftung", "GmbH" and "G.m.b.H." reach one key; "lead … end" is written around the name.
    private static (string[] Lead, string[] End, Rule Rule) Pattern(string written, Rule rule) =>
        written.Split('…') is [var lead, var end]
            ? (NameStandardization.Tokenize(lead), NameStandardization.Tokenize(end), rule)
            : ([], NameStandardization.Tokenize(written), rule);

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF';

    private static Rule[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GidSandbox.Standards.LegalForms.tsv")
            ?? throw new InvalidOperationException("The legal forms (Standards/LegalForms.tsv) are not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rules = new List<Rule>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            var elf = f[4].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':')).Select(e => (e[0], e[1])).ToArray();
            rules.Add(new Rule(
                f[0], f[1], f[2] is "lead" or "both", f[2] is "end" or "both",
                f[3].Split(',', StringSplitOptions.RemoveEmptyEntries), elf, f[5], f[6].Split('|')));
        }

        return [.. rules];
    }
}
