using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>
/// A company registered in its own script only, matched by its name written in Latin letters with the legal form
/// transliterated in another scheme, abbreviated or given in English, and a Chinese stem read as names read it.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class TransliteratedLegalNameTests(SandboxFixture sandbox)
{
    private const string Match = """
        query ($records: [MatchRecordInput!]!) {
          matchIdentities(records: $records) { reference decision gid candidates { gid score explanation { matchedName features legalFormClass } } }
        }
        """;

    private const string Register = """
        mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid } } }
        """;

    // Han characters that AnyAscii and pinyin read alike, so that only the polyphonic 长 (zhang, chang) tells the readings apart.
    private const string PlainHan = "华信达丰泰明光金龙宏远瑞康恒永安";

    private async Task<string> RegisterAsync(string name, string script, string country) =>
        (await sandbox.Data(Register, new { input = new { names = new[] { new { text = name, script } }, country } }))
            ["registerLegalEntity"]!["identity"]!.AsObject().Gid();

    [Fact]
    public async Task a_russian_company_matches_its_legal_form_spelt_out_in_another_scheme_and_in_english()
    {
        var (llcLatin, llcCyrillic) = Given.PlainWord();
        var (jscLatin, jscCyrillic) = Given.PlainWord();
        var llc = await RegisterAsync($"ООО «{llcCyrillic}»", "Cyrl", "RU");
        var jsc = await RegisterAsync($"АО «{jscCyrillic}»", "Cyrl", "RU");

        var results = (await sandbox.Data(Match, new
        {
            records = new object[]
            {
                new { reference = "ooo", names = new[] { $"Obshchestvo s Ogranichennoj Otvetstvennostyu {llcLatin}" }, kind = "LEGAL_ENTITY", country = "RU" },
                new { reference = "zao", names = new[] { $"Zakrytoe Aktsionernoe Obshchestvo {jscLatin}" }, kind = "LEGAL_ENTITY", country = "RU" },
                new { reference = "prjsc", names = new[] { $"{jscLatin} PrJSC" }, kind = "LEGAL_ENTITY", country = "RU" },
            },
        }))["matchIdentities"]!.AsArray();

        foreach (var (reference, gid, legalClass) in new[] { ("ooo", llc, "LIMITED"), ("zao", jsc, "JOINT_STOCK"), ("prjsc", jsc, "JOINT_STOCK") })
        {
            var result = results.Single(r => r!["reference"]!.GetValue<string>() == reference)!;
            Assert.Equal(("MATCH", gid), (result["decision"]!.GetValue<string>(), result["gid"]!.GetValue<string>()));
            var explanation = result["candidates"]![0]!["explanation"]!;
            Assert.Equal(legalClass, explanation["legalFormClass"]!.GetValue<string>());
            Assert.Contains("SAME_LEGAL_FORM", explanation["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task a_chinese_company_matches_its_stem_in_pinyin_where_anyascii_reads_another_syllable()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        var stem = "长" + string.Concat(bytes.Take(3).Select(b => PlainHan[b % PlainHan.Length]));
        var gid = await RegisterAsync($"{stem}机械有限公司", "Hans", "CN");
        var latin = "Chang" + string.Concat(NameStandardization.Standardize(stem[1..]).Tokens);

        var result = (await sandbox.Data(Match, new
        {
            records = new object[] { new { reference = "pinyin", names = new[] { $"{latin} Machinery Co., Ltd." }, kind = "LEGAL_ENTITY", country = "CN" } },
        }))["matchIdentities"]![0]!;

        Assert.Equal(("MATCH", gid), (result["decision"]!.GetValue<string>(), result["gid"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Obshchestvo s ogranichennoi otvetstvennostiu Belyy Medved", "OOO")]
    [InlineData("OBSHCHESTVO S OGRANICHENNOJ OTVETSTVENNOSTYU Belyj Medved", "OOO")]
    [InlineData("Zakrytoe Aktsionernoe Obshchestvo Ural", "AO")]
    [InlineData("Karpatskyi Lis PrJSC", "JSC")]
    [InlineData("Private Joint Stock Company Karpatskyi Lis", "JSC")]
    [InlineData("Thai Rungruang PCL", "PLC")]
    public void a_legal_form_transliterated_or_abbreviated_is_recognised(string name, string form) =>
        Assert.Equal(form, NameStandardization.Standardize(name, IdentityKind.LegalEntity, null).LegalForm?.Form);

    [Theory]
    [InlineData("Tatung Electronics Co., Ltd.", "大同電子股份有限公司", "TW")]
    [InlineData("Changcheng Machinery Co., Ltd.", "长城机械有限公司", "CN")]
    [InlineData("Hokkai Suisan K.K.", "北海水産株式会社", "JP")]
    public void a_chinese_or_japanese_stem_meets_its_usual_romanisation_beside_an_english_trade_word(string query, string stored, string country)
    {
        var storedKeys = NameStandardization.Readings(stored, IdentityKind.LegalEntity, country).SelectMany(r => r.ExactKeys).ToHashSet();
        Assert.Contains(NameStandardization.Readings(query, IdentityKind.LegalEntity, country), r => r.ExactKeys.Any(storedKeys.Contains));
    }
}
