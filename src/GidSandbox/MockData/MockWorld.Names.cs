using System.Globalization;
using System.Text;
using Bogus;
using Gender = Bogus.DataSets.Name.Gender;
using GidSandbox.Identities;

namespace GidSandbox.MockData;

public sealed partial class MockWorld
{
    /// <summary>The names of a party: what it registers with, and the parts variants are made from.</summary>
    private sealed record PartyNames(
        NameInput[] Inputs, string Latin, string? Native, string Stem, LegalForm? Form,
        string? Given, string? Family, string? OtherLatin)
    {
        public IEnumerable<string> All => Inputs.Select(n => n.Text);

        /// <summary>The home office writes the native name; every other office the Latin one.</summary>
        public string ForOffice(string office, Country country) => office == country.Office && Native is not null ? Native : Latin;
    }

    private static readonly string[] VariantKinds = ["legal-form", "word-order", "diacritics", "typo", "abbreviation", "romanisation", "case"];

    private static readonly (string Word, string Short)[] Abbreviations =
    [
        ("University", "Univ."), ("Universität", "Univ."), ("Université", "Univ."), ("Universidad", "Univ."), ("Institute", "Inst."),
        ("Research", "Res."), ("Technologies", "Tech."), ("Technology", "Tech."), ("Company", "Co."), ("Limited", "Ltd"),
        ("Corporation", "Corp."), ("Electronics", "Elec."), ("Laboratory", "Lab."), ("Kabushiki Kaisha", "KK"), ("Private", "Pvt."),
    ];

    private static PartyNames PersonNames(Country country, Faker faker, Randomizer r)
    {
        var gender = r.Bool() ? Gender.Female : Gender.Male;
        var (family, given) = country.Script switch
        {
            "Jpan" => (r.ArrayElement(NameParts.JapaneseFamily), r.ArrayElement(NameParts.JapaneseGiven)),
            "Hans" => (r.ArrayElement(NameParts.ChineseFamily), r.ArrayElement(NameParts.ChineseGiven)),
            "Kore" => (r.ArrayElement(NameParts.KoreanFamily), r.ArrayElement(NameParts.KoreanGiven)),
            "Arab" => (r.ArrayElement(NameParts.ArabicFamily), r.ArrayElement(NameParts.ArabicGiven)),
            "Hebr" => (r.ArrayElement(NameParts.HebrewFamily), r.ArrayElement(NameParts.HebrewGiven)),
            "Thai" => (r.ArrayElement(NameParts.ThaiFamily), r.ArrayElement(NameParts.ThaiGiven)),
            "Deva" => (r.ArrayElement(NameParts.HindiFamily), r.ArrayElement(NameParts.HindiGiven)),
            "Cyrl" or "Grek" => Romanised(Clean(faker.Name.LastName(gender)), Clean(faker.Name.FirstName(gender))),
            _ => (new NamePart(Clean(faker.Name.LastName(gender)), ""), new NamePart(Clean(faker.Name.FirstName(gender)), "")),
        };
        if (country.IsLatin)
        {
            // Latin-script countries: the Bogus name is the name; no transliteration.
            family = family with { Latin = family.Native };
            given = given with { Latin = given.Native };
            var latinName = $"{given.Latin} {family.Latin}";
            return new PartyNames([new() { Text = latinName, Script = "Latn", Language = country.Language }], latinName, null, family.Latin, null, given.Latin, family.Latin, null);
        }

        // East Asian names are written family name first and without a space, the others given name first.
        var native = country.Script switch
        {
            "Jpan" or "Hans" or "Kore" => family.Native + given.Native,
            _ => $"{given.Native} {family.Native}",
        };
        var latin = $"{given.Latin} {family.Latin}";
        var other = $"{given.OtherLatin ?? given.Latin} {family.OtherLatin ?? family.Latin}";
        return new PartyNames(
            [
                new() { Text = native, Script = country.Script, Language = country.Language },
                new() { Text = latin, Script = "Latn", Language = $"{country.Language}-Latn", Type = NameType.Transliteration },
            ],
            latin, native, family.Latin, null, given.Latin, family.Latin, other == latin ? null : other);
    }

    private static (NamePart Family, NamePart Given) Romanised(string family, string given) =>
        (new NamePart(family, Romanisation.Passport(family), Romanisation.Library(family)), new NamePart(given, Romanisation.Passport(given), Romanisation.Library(given)));

    private static PartyNames LegalEntityNames(PartyPlan plan, Faker faker, Randomizer r)
    {
        var country = plan.Country;
        var stem = Stem(country, faker, r);
        LegalForm? form = null;
        string nativePattern, latinPattern;
        switch (plan.Role)
        {
            case "company":
                form = r.ArrayElement(country.Forms);
                (nativePattern, latinPattern) = (form.Native, form.Latin);
                break;
            case "university":
                (nativePattern, latinPattern) = (country.University, country.IsLatin ? country.University : "{0} University");
                break;
            case "institute":
                (nativePattern, latinPattern) = (country.Institute, country.IsLatin ? country.Institute : "{0} Research Institute");
                break;
            default:
                (nativePattern, latinPattern) = (country.Government, country.IsLatin ? country.Government : "{0} City Office");
                break;
        }

        var latin = Format(latinPattern, stem.Latin);
        var other = stem.OtherLatin is null ? null : Format(latinPattern, stem.OtherLatin);
        if (country.IsLatin)
        {
            return new PartyNames([new() { Text = latin, Script = "Latn", Language = country.Language }], latin, null, stem.Latin, form, null, null, null);
        }

        var native = Format(nativePattern, stem.Native);
        return new PartyNames(
            [
                new() { Text = native, Script = country.Script, Language = country.Language },
                new() { Text = latin, Script = "Latn", Language = $"{country.Language}-Latn", Type = NameType.Transliteration },
            ],
            latin, native, stem.Latin, form, null, null, other);
    }

    private static NamePart Stem(Country country, Faker faker, Randomizer r)
    {
        NamePart Joined(NamePart[] stems, NamePart[] trades, string separator)
        {
            var (stem, trade) = (r.ArrayElement(stems), r.ArrayElement(trades));
            return new(stem.Native + separator + trade.Native, $"{stem.Latin} {trade.Latin}", $"{stem.OtherLatin ?? stem.Latin} {trade.OtherLatin ?? trade.Latin}");
        }

        var part = country.Script switch
        {
            "Jpan" => Joined(NameParts.JapaneseStems, NameParts.JapaneseTrades, ""),
            "Hans" => Joined(NameParts.ChineseStems, NameParts.ChineseTrades, ""),
            "Kore" => Joined(NameParts.KoreanStems, NameParts.KoreanTrades, ""),
            "Arab" => r.ArrayElement(NameParts.ArabicStems),
            "Hebr" => r.ArrayElement(NameParts.HebrewStems),
            "Thai" => r.ArrayElement(NameParts.ThaiStems),
            "Deva" => r.ArrayElement(NameParts.HindiStems),
            "Cyrl" or "Grek" => Romanised(Clean(faker.Name.LastName()), "").Family,
            _ => r.Bool(0.6f)
                ? new NamePart($"{Clean(faker.Name.LastName())} {r.ArrayElement(Trades(country))}", "")
                : new NamePart($"{Clean(faker.Name.LastName())} & {Clean(faker.Name.LastName())}", ""),
        };
        return country.IsLatin ? part with { Latin = part.Native, OtherLatin = null } : part;
    }

    private static string[] Trades(Country country) => country.Trades.Length > 0 ? country.Trades : ["Technologies", "Industries", "Materials"];

    private static string Format(string pattern, string stem) => string.Format(CultureInfo.InvariantCulture, pattern, stem);

    /// <summary>A spelling of the party's Latin name that another office's file would show, and what kind of variant it is.</summary>
    private static (string Kind, string Text) Variant(PartyNames names, Randomizer r)
    {
        var first = r.Number(0, VariantKinds.Length - 1);
        for (var k = 0; k < VariantKinds.Length; k++)
        {
            var kind = VariantKinds[(first + k) % VariantKinds.Length];
            if (VariantOf(names, kind, r) is { } text && !string.Equals(text, names.Latin, StringComparison.Ordinal))
            {
                return (kind, text);
            }
        }

        return ("typo", Typo(names.Latin, r));
    }

    private static string? VariantOf(PartyNames names, string kind, Randomizer r) => kind switch
    {
        "legal-form" when names.Form is { LatinVariants.Length: > 0 } form => Format(r.ArrayElement(form.LatinVariants), names.Stem),
        "word-order" when names.Family is not null => $"{names.Family}, {names.Given}",
        "diacritics" => WithoutDiacritics(names.Latin),
        "typo" => Typo(names.Latin, r),
        "abbreviation" when names.Given is { Length: > 0 } given => $"{given[0]}. {names.Family}",
        "abbreviation" => Abbreviations.Aggregate(names.Latin, (text, a) => text.Replace(a.Word, a.Short, StringComparison.Ordinal)),
        "romanisation" => names.OtherLatin,
        "case" => names.Latin.ToUpperInvariant(),
        _ => null,
    };

    /// <summary>A slip of the keyboard: one letter dropped, doubled or swapped with its neighbour.</summary>
    private static string Typo(string text, Randomizer r)
    {
        var at = r.Number(1, Math.Max(1, text.Length - 2));
        return r.Number(0, 2) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, text[at].ToString()),
            _ when at + 1 < text.Length => string.Concat(text.AsSpan(0, at), text[at + 1].ToString(), text[at].ToString(), text.AsSpan(at + 2)),
            _ => text.Remove(at, 1),
        };
    }

    private static string WithoutDiacritics(string text)
    {
        var stripped = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                stripped.Append(c switch { 'ß' => "ss", 'ł' => "l", 'Ł' => "L", 'ø' => "o", 'ı' => "i", _ => c.ToString() });
            }
        }

        return stripped.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower-case ASCII letters and digits joined by hyphens, for example e-mail addresses.</summary>
    private static string Slug(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in WithoutDiacritics(text).ToLowerInvariant().Append(' '))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words.Count > 0 ? string.Join('-', words) : "party";
    }
}
