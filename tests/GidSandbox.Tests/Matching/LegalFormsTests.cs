using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Standards;

namespace GidSandbox.Tests.Matching;

public class LegalFormsTests
{
    private static StandardName Entity(string text, string? country) => NameStandardization.Standardize(text, IdentityKind.LegalEntity, country);

    [Theory]
    [InlineData("株式会社エイクミ", "JP", "eikumi", "KK", "T417")]
    [InlineData("エイクミ株式会社", "JP", "eikumi", "KK", "T417")]
    [InlineData("株式会社 エイクミ", "JP", "eikumi", "KK", "T417")]
    [InlineData("有限会社サクラ", "JP", "sakura", "YK", "DYQK")]
    [InlineData("合同会社ミライ", "JP", "mirai", "GK", "7QQ0")]
    [InlineData("주식회사새롬", "KR", "sae lom", "JSH", "5RCH")]
    [InlineData("华信科技有限公司", "CN", "hua xin ke ji", "YXGS", null)]
    [InlineData("华信科技股份有限公司", "CN", "hua xin ke ji", "GFYXGS", null)]
    public void a_legal_form_glued_to_a_name_in_cjk_script_is_taken_off(string name, string country, string key, string form, string? elf)
    {
        var standard = Entity(name, country);
        Assert.Equal((key, form, elf), (standard.Key, standard.LegalForm?.Form, standard.LegalForm?.Elf));
    }

    [Theory]
    [InlineData("Solaris K.K.", "JP", "KK")]
    [InlineData("Sakura Y.K.", "JP", "YK")]
    [InlineData("Mirai G.K.", "JP", "GK")]
    [InlineData("Wisla Technologie sp. z o.o.", "PL", "SPZOO")]
    [InlineData("Vltava Strojirny s.r.o.", "CZ", "SRO")]
    [InlineData("Vltava Strojirny spol. s r.o.", "CZ", "SRO")]
    [InlineData("Anadolu Kimya A.Ş.", "TR", "AS")]
    [InlineData("Nordlys A/S", "NO", "AS")]
    [InlineData("Lumiere Industries S.A.S.", "FR", "SAS")]
    [InlineData("Lumiere Industries Ste Anonyme", "FR", "SA")]
    [InlineData("Αιγαίο Ναυτιλιακή Α.Ε.", "GR", "SA")]
    [InlineData("ООО «Ромашка»", "RU", "OOO")]
    [InlineData("Romashka OOO", "RU", "OOO")]
    [InlineData("ТОВ «Сонячна енергія»", "UA", "TOV")]
    [InlineData("شركة النور المحدودة", "SA", "ARLTD")]
    [InlineData("บริษัท สยาม จำกัด", "TH", "THLTD")]
    public void dotted_native_and_transliterated_forms_are_recognised(string name, string country, string form) =>
        Assert.Equal(form, Entity(name, country).LegalForm?.Form);

    [Fact]
    public void a_short_form_that_is_a_word_elsewhere_counts_only_in_its_countries()
    {
        Assert.Equal(("atlas", "AS"), (Entity("Atlas AS", "NO").Key, Entity("Atlas AS", "NO").LegalForm?.Form));
        Assert.Equal(("atlas as", null), (Entity("Atlas AS", "US").Key, Entity("Atlas AS", "US").LegalForm?.Form));
    }

    [Theory]
    [InlineData("Romashka OOO", "RU", "Romashka LLC", "US")]
    [InlineData("Romashka OOO", "RU", "Romashka GmbH", "DE")]
    [InlineData("Severny PAO", "RU", "Severny PJSC", null)]
    [InlineData("Severny AO", "RU", "Severny Aktiengesellschaft", "DE")]
    [InlineData("АО «Северсталь Тех»", "RU", "JSC Severstal Tekh", "RU")]
    [InlineData("Toho Seiki Kabushiki Kaisha", "JP", "Toho Seiki Co., Ltd.", "JP")]
    [InlineData("Hanbit Jusik Hoesa", "KR", "Hanbit Corporation", "KR")]
    [InlineData("Nordlys AS", "NO", "Nordlys Aktiebolag", "SE")]
    [InlineData("Revontuli Oy", "FI", "Revontuli GmbH", "DE")]
    public void forms_of_one_class_in_other_languages_are_the_same(string one, string oneCountry, string other, string? otherCountry)
    {
        var (a, b) = (Entity(one, oneCountry).LegalForm!, Entity(other, otherCountry).LegalForm!);
        Assert.True(a.CompatibleWith(b), $"{a} and {b}");
        Assert.True(b.CompatibleWith(a), $"{b} and {a}");
    }

    [Theory]
    [InlineData("Bosch GmbH", "Bosch AG")]
    [InlineData("Romashka OOO", "Romashka AO")]
    [InlineData("Meier KG", "Meier GmbH")]
    [InlineData("Smith LLP", "Smith LLC")]
    [InlineData("Smith LP", "Smith Ltd")]
    public void forms_of_different_classes_differ_and_the_score_says_so(string one, string other)
    {
        var (a, b) = (Entity(one, "DE"), Entity(other, "DE"));
        Assert.False(a.LegalForm!.CompatibleWith(b.LegalForm!), $"{a.LegalForm} and {b.LegalForm}");
        var scored = Scoring.ScoreName(one, a, other, b, false, null, "DE");
        Assert.Contains("LEGAL_FORM_DIFFERS", scored.Features);
        Assert.Equal(Scoring.LegalFormConflictFactor, scored.Parts.LegalForm);
    }

    [Fact]
    public void the_class_and_name_of_a_form_are_read_from_the_data()
    {
        Assert.Equal(LegalForms.Limited, LegalForms.ClassOf("OOO"));
        Assert.Equal(LegalForms.JointStock, LegalForms.ClassOf("KK"));
        Assert.Equal(LegalForms.Company, LegalForms.ClassOf("LTD"));
        Assert.Equal("PARTNERSHIP", LegalForms.ClassOf("OHG"));
        Assert.Equal("Kabushiki kaisha (joint-stock company)", Entity("Solaris K.K.", "JP").LegalForm?.Name);
    }

    [Theory]
    [InlineData("2HBR", "Gesellschaft mit beschränkter Haftung (GmbH)")]
    [InlineData("T417", "株式会社 (kabusikigaisya)")]
    [InlineData("17R7", "Общества с ограниченной ответственностью (Obshchestva s ogranichennoy otvetstvennost'yu)")]
    [InlineData("H0PO", "Private Limited Company (Ltd)")]
    [InlineData("8888", "Other legal form (not on the ISO 20275 list)")]
    [InlineData("ZZZZ", null)]
    public void an_elf_code_is_shown_by_its_name(string code, string? name) =>
        Assert.Equal(name, ElfCodes.NameOf(code));
}
