using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>Korean names as offices mix the schemes: the surname in its family's spelling, the given name in another scheme.</summary>
public class KoreanSurnameTests
{
    private static List<StandardName> Shared(string query, string stored, IdentityKind kind = IdentityKind.NaturalPerson)
    {
        var storedKeys = NameStandardization.Readings(stored, kind, "KR").SelectMany(r => r.ExactKeys).ToHashSet();
        return [.. NameStandardization.Readings(query, kind, null).Where(r => r.ExactKeys.Any(storedKeys.Contains))];
    }

    [Theory]
    [InlineData("Yi Seo-yeon", "이서연")]
    [InlineData("Rhee Seoyeon", "이서연")]
    [InlineData("Ri So-yon", "이서연")]
    [InlineData("Pak Jun-seo", "박준서")]
    [InlineData("Bahk Junseo", "박준서")]
    [InlineData("Chung Ho-young", "정호영")]
    [InlineData("Gim Gyeongsu", "김경수")]
    [InlineData("Kim Kyung-soo", "김경수")]
    [InlineData("Gang Dong-won", "강동원")]
    [InlineData("Cho Sung-chul", "조성철")]
    [InlineData("Lim Hee-jung", "임희정")]
    [InlineData("Sohn Tae-hyuk", "손태혁")]
    [InlineData("Chun Kwang-soo", "전광수")]
    [InlineData("Namkung Min", "남궁민")]
    [InlineData("Rhee Seoyeon", "이 서연")]
    public void a_surname_in_any_of_its_spellings_with_the_given_name_in_another_scheme_meets_the_hangul(string query, string stored) =>
        Assert.NotEmpty(Shared(query, stored));

    [Theory]
    [InlineData("Rhee Jun-ha", "이준호")]
    [InlineData("Pak Song-jun", "박성진")]
    [InlineData("Chung Mi-jin", "정미경")]
    [InlineData("Yang Min-jun", "장민준")]
    public void another_given_name_or_surname_shares_no_key(string query, string stored) =>
        Assert.Empty(Shared(query, stored));

    [Fact]
    public void a_company_name_gets_no_surname_spellings() =>
        Assert.DoesNotContain(Romanisation.Spellings("이한빛", IdentityKind.LegalEntity, "KR"), s => s.Scheme.StartsWith("ko-surname", StringComparison.Ordinal));

    [Fact]
    public void the_passport_spellings_of_given_names_are_read()
    {
        var spellings = Romanisation.Spellings("김경수", IdentityKind.NaturalPerson, "KR").Select(s => s.Text).ToList();
        Assert.Contains("kim kyung su", spellings);
        Assert.Contains("gim gyeong su", spellings);
        Assert.Contains("lim hee jung", Romanisation.Spellings("임희정", IdentityKind.NaturalPerson, "KR").Select(s => s.Text));
    }
}
