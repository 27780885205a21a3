using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>Japanese names in kanji meet their romaji through the readings of common surnames and given names.</summary>
public class JapaneseNamesTests
{
    private static List<StandardName> Shared(string query, string stored, IdentityKind kind, string? queryCountry = "JP")
    {
        var storedKeys = NameStandardization.Readings(stored, kind, "JP").SelectMany(r => r.ExactKeys).ToHashSet();
        return [.. NameStandardization.Readings(query, kind, queryCountry).Where(r => r.ExactKeys.Any(storedKeys.Contains))];
    }

    [Theory]
    [InlineData("Yamada Taro", "山田太郎")]
    [InlineData("TARO YAMADA", "山田 太郎")]
    [InlineData("Sasaki Kenta", "佐々木 健太")]
    [InlineData("Saitoh Daisuke", "斎藤 大輔")]
    [InlineData("Nakashima Naoki", "中島 直樹")]
    [InlineData("Nakajima Naoki", "中島直樹")]
    [InlineData("Ohno Keiko", "大野 恵子")]
    public void a_person_in_kanji_meets_the_romaji(string query, string stored) =>
        Assert.NotEmpty(Shared(query, stored, IdentityKind.NaturalPerson));

    [Fact]
    public void a_query_in_kanji_without_a_country_meets_the_romaji() =>
        Assert.NotEmpty(Shared("山田太郎", "Yamada Taro", IdentityKind.NaturalPerson, queryCountry: null));

    [Theory]
    [InlineData("Suzuki Seiyaku K.K.", "鈴木製薬株式会社")]
    [InlineData("Suzuki Pharmaceutical Co., Ltd.", "鈴木製薬株式会社")]
    [InlineData("Matsumoto Electric", "松本電機株式会社")]
    public void a_company_named_after_a_family_meets_the_romaji(string query, string stored) =>
        Assert.NotEmpty(Shared(query, stored, IdentityKind.LegalEntity));

    [Theory]
    [InlineData("Yamada Hanae", "山田 花子")]
    [InlineData("Suzuki Kenji", "鈴木 健一")]
    [InlineData("Tanaka Yoshiko", "田中 陽子")]
    public void another_given_name_shares_no_key(string query, string stored) =>
        Assert.Empty(Shared(query, stored, IdentityKind.NaturalPerson));

    [Fact]
    public void a_chinese_name_is_not_read_as_japanese()
    {
        Assert.DoesNotContain(Romanisation.Spellings("林明", IdentityKind.NaturalPerson, null), s => s.Scheme.StartsWith("ja-names", StringComparison.Ordinal));
        Assert.DoesNotContain(Romanisation.Spellings("山田 太郎", IdentityKind.NaturalPerson, "CN"), s => s.Scheme.StartsWith("ja-names", StringComparison.Ordinal));
    }
}
