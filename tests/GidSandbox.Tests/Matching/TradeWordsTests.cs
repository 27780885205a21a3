using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>Company names in Han, kana or Hangul meet their English and Japanese spellings, trade words translated.</summary>
public class TradeWordsTests
{
    private static List<StandardName> Shared(string query, string stored, string country)
    {
        var storedKeys = NameStandardization.Readings(stored, IdentityKind.LegalEntity, country).SelectMany(r => r.ExactKeys).ToHashSet();
        return [.. NameStandardization.Readings(query, IdentityKind.LegalEntity, country).Where(r => r.ExactKeys.Any(storedKeys.Contains))];
    }

    [Theory]
    [InlineData("Huaxin Technology Co., Ltd.", "华信科技有限公司", "CN")]
    [InlineData("Huaxin Technologies Limited", "华信科技有限公司", "CN")]
    [InlineData("Hengda Electronics", "恒达电子有限公司", "CN")]
    [InlineData("Hongyuan Precision Machinery Co., Ltd.", "宏远精密机械有限公司", "CN")]
    [InlineData("Xinguang Technology Group", "新光科技集团有限公司", "CN")]
    [InlineData("Yongchang Industrial Co., Ltd.", "永昌實業股份有限公司", "TW")]
    [InlineData("Asahina Electric Co., Ltd.", "アサヒナ電機株式会社", "JP")]
    [InlineData("Asahina Denki K.K.", "アサヒナ電機株式会社", "JP")]
    [InlineData("Midori Chemical Industries", "ミドリ化学工業株式会社", "JP")]
    [InlineData("Midori Kagaku Kogyo", "ミドリ化学工業株式会社", "JP")]
    [InlineData("Eikumi Holdings", "エイクミホールディングス株式会社", "JP")]
    [InlineData("Hansol Electronics Co., Ltd.", "한솔전자 주식회사", "KR")]
    [InlineData("Daegwang Chemicals", "대광화학 주식회사", "KR")]
    [InlineData("Donga Pharmaceuticals", "동아제약", "KR")]
    public void a_trade_word_in_english_or_read_in_japanese_meets_the_native_name(string query, string stored, string country) =>
        Assert.NotEmpty(Shared(query, stored, country));

    [Theory]
    [InlineData("Huatong Electric Co., Ltd.", "华通电子有限公司", "CN")]
    [InlineData("Hangyeol Pharmaceutical", "한결화학 주식회사", "KR")]
    [InlineData("Aoba Chemical", "アオバ電子株式会社", "JP")]
    [InlineData("Huaxin Electronics", "华信科技有限公司", "CN")]
    public void another_trade_shares_no_key(string query, string stored, string country) =>
        Assert.Empty(Shared(query, stored, country));

    [Fact]
    public void the_legal_form_is_still_recognised_in_the_translated_reading()
    {
        var translated = NameStandardization.Readings("한솔전자 주식회사", IdentityKind.LegalEntity, "KR").Where(r => r.Scheme == "trade-en-1").ToList();
        Assert.Equal("han sol electronics", Assert.Single(translated).Key);
        Assert.NotNull(translated[0].LegalForm);
    }

    [Fact]
    public void a_person_is_not_read_with_trade_words() =>
        Assert.DoesNotContain(Romanisation.Spellings("王电子", IdentityKind.NaturalPerson, "CN"), s => s.Scheme.StartsWith("trade", StringComparison.Ordinal));

    [Theory]
    [InlineData("Helix Industries", "Helix Industrial")]
    [InlineData("Helix Technologies", "Helix Technology")]
    public void english_names_of_other_forms_of_a_trade_word_stay_apart(string query, string stored) =>
        Assert.Empty(Shared(query, stored, "US"));
}
