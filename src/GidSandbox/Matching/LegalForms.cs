namespace GidSandbox.Matching;

/// <summary>A legal form found in a name: the form's short code, its ISO 20275 ELF code in the country where one exists, and the words as found.</summary>
public sealed record LegalForm(string Form, string? Elf, string Found)
{
    /// <summary>Two forms are the same when their ELF codes or their forms agree, or both belong to one family (a Japanese 株式会社 is written "Co., Ltd." in English).</summary>
    public bool CompatibleWith(LegalForm other) =>
        Form == other.Form
        || (Elf is not null && Elf == other.Elf)
        || (LegalForms.FamilyOf(Form) is { } family && family == LegalForms.FamilyOf(other.Form));
}

/// <summary>
/// The legal forms the standardization recognises, with how they are written and their ISO 20275
/// Entity Legal Form codes by country (GLEIF ELF code list, 2026-02-19). Where a country has no ELF
/// code for a form (US corporations are coded per state; China's 有限公司 has none), the form is
/// still recognised and compared, with no code.
/// </summary>
public static class LegalForms
{
    private sealed record Rule(string Form, string? Family, bool MayLead, string[] Written, (string Country, string Elf)[] Elf);

    // Written forms are standardized with the same folding as names before comparison, so
    // "Gesellschaft mit beschränkter Haftung", "GmbH" and "G.m.b.H." all reach one key.
    private static readonly Rule[] Rules =
    [
        new("KK", "STOCK", true, ["kabushiki kaisha", "kabushikigaisha", "kabushiki gaisha", "kk", "株式会社"], [("JP", "T417")]),
        new("GK", null, true, ["godo kaisha", "godogaisha", "合同会社"], [("JP", "7QQ0")]),
        new("YK", null, true, ["yugen kaisha", "yugengaisha", "有限会社"], [("JP", "DYQK")]),
        new("JSH", "STOCK", true, ["jusik hoesa", "jusikhoesa", "jusighoesa", "chusik hoesa", "주식회사"], [("KR", "5RCH")]),
        new("YHH", null, true, ["yuhan hoesa", "yuhanhoesa", "유한회사"], [("KR", "J3U5")]),
        new("GFYXGS", "STOCK", false, ["股份有限公司", "gufen youxian gongsi"], []),
        new("YXGS", "STOCK", false, ["有限公司", "youxian gongsi", "有限責任公司", "有限责任公司"], []),
        new("LTD", "STOCK", false, ["co ltd", "co limited", "company limited", "company ltd", "limited", "ltd", "pte ltd", "pty ltd", "private limited"], [("GB", "H0PO"), ("JP", "T417"), ("KR", "5RCH")]),
        new("PLC", null, false, ["plc", "public limited company"], [("GB", "B6ES")]),
        new("LLC", null, false, ["llc", "limited liability company"], []),
        new("CORP", null, false, ["inc", "incorporated", "corp", "corporation"], []),
        new("CO", null, false, ["co", "company"], []),
        new("GMBH", null, false, ["gmbh", "gesellschaft mit beschrankter haftung", "ges m b h"], [("DE", "2HBR"), ("AT", "AXSB"), ("CH", "3EKS")]),
        new("AG", null, false, ["ag", "aktiengesellschaft"], [("DE", "6QQB"), ("AT", "EQOV"), ("CH", "MVII")]),
        new("SE", null, false, ["se", "societas europaea", "europaische aktiengesellschaft"], [("DE", "SGST")]),
        new("SA", null, false, ["sa", "societe anonyme", "sociedad anonima", "anonymi etaireia", "ανωνυμη εταιρεια"], [("FR", "QVPB"), ("CH", "MVII"), ("BE", "R85P"), ("GR", "W2NK")]),
        new("SAS", null, false, ["sas", "societe par actions simplifiee"], [("FR", "6CHY")]),
        new("SARL", null, false, ["sarl", "societe a responsabilite limitee"], [("FR", "V9QP"), ("CH", "3EKS")]),
        new("SRL", null, false, ["srl", "sl", "societa a responsabilita limitata", "sociedad de responsabilidad limitada", "sociedad limitada"], [("IT", "OV32"), ("ES", "DP3Q")]),
        new("SPA", null, false, ["spa", "societa per azioni"], [("IT", "P418")]),
        new("LTDA", null, false, ["ltda", "sociedade limitada"], [("BR", "QHW1")]),
        new("BV", null, false, ["bv", "besloten vennootschap", "besloten vennootschap met beperkte aansprakelijkheid"], [("NL", "54M6")]),
        new("NV", null, false, ["nv", "naamloze vennootschap"], [("NL", "B5PM")]),
        new("AB", null, false, ["ab", "aktiebolag"], [("SE", "XJHM")]),
        new("OOO", null, true, ["ooo", "ооо", "obshchestvo s ogranichennoy otvetstvennostyu", "общество с ограниченной ответственностью"], [("RU", "17R7"), ("BY", "AABD")]),
        new("PAO", null, true, ["pao", "пао", "публичное акционерное общество"], [("RU", "4TYO")]),
        new("AO", null, true, ["ao", "ао", "zao", "зао", "oao", "оао", "акционерное общество"], [("RU", "R71T")]),
    ];

    /// <summary>Written forms as standardized token sequences, longest first so "co ltd" wins over "ltd".</summary>
    private static readonly (string[] Tokens, Rule Rule)[] Patterns =
        [.. Rules.SelectMany(r => r.Written.Select(w => (Tokens: NameStandardization.Tokenize(w), Rule: r)))
            .Where(p => p.Tokens.Length > 0)
            .OrderByDescending(p => p.Tokens.Length)];

    public static string? FamilyOf(string form) => Rules.FirstOrDefault(r => r.Form == form)?.Family;

    /// <summary>The ELF code of a form in a country, where the code list has one.</summary>
    public static string? ElfOf(string form, string? country) =>
        Rules.FirstOrDefault(r => r.Form == form)?.Elf.FirstOrDefault(e => e.Country == country).Elf;

    /// <summary>
    /// Takes one legal form off the end (or, for forms written first such as 株式会社 or ООО, the
    /// start) of a name's tokens. A name that is nothing but a legal form keeps its tokens.
    /// </summary>
    public static (IReadOnlyList<string> Remaining, LegalForm? Form) Strip(IReadOnlyList<string> tokens, string? country)
    {
        var found = StripWritten(tokens, country);
        return found.Form is null && JoinLetters(tokens) is { } joined ? StripWritten(joined, country) is { Form: not null } f ? f : found : found;
    }

    // "S.p.A.", "K.K." and "B.V." come out of punctuation removal as single letters; joined they are "spa", "kk", "bv".
    private static List<string>? JoinLetters(IReadOnlyList<string> tokens)
    {
        var run = tokens.Reverse().TakeWhile(t => t.Length == 1).Count();
        return run < 2 || run == tokens.Count ? null : [.. tokens.Take(tokens.Count - run), string.Concat(tokens.Skip(tokens.Count - run))];
    }

    private static (IReadOnlyList<string> Remaining, LegalForm? Form) StripWritten(IReadOnlyList<string> tokens, string? country)
    {
        foreach (var (pattern, rule) in Patterns)
        {
            if (pattern.Length >= tokens.Count)
            {
                continue;
            }

            if (EndsWith(tokens, pattern))
            {
                return ([.. tokens.Take(tokens.Count - pattern.Length)], Found(rule, pattern, country));
            }

            if (rule.MayLead && StartsWith(tokens, pattern))
            {
                return ([.. tokens.Skip(pattern.Length)], Found(rule, pattern, country));
            }
        }

        return (tokens, null);
    }

    private static LegalForm Found(Rule rule, string[] pattern, string? country) =>
        new(rule.Form, rule.Elf.FirstOrDefault(e => e.Country == country).Elf, string.Join(' ', pattern));

    private static bool EndsWith(IReadOnlyList<string> tokens, string[] pattern) =>
        pattern.Select((p, i) => tokens[tokens.Count - pattern.Length + i] == p).All(x => x);

    private static bool StartsWith(IReadOnlyList<string> tokens, string[] pattern) =>
        pattern.Select((p, i) => tokens[i] == p).All(x => x);
}
