using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

public class SkeletonTests
{
    private static Scored Best(string query, string stored, string storedCountry, IdentityKind kind = IdentityKind.NaturalPerson, string? queryCountry = null)
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0001", Kind = kind, Country = storedCountry };
        profile = profile.WithNames(profile.Standardized(new Name(1, stored, "Zzzz", null, kind == IdentityKind.LegalEntity ? NameType.Legal : NameType.Primary, true)));
        return Scoring.Score(new MatchQuery([query], kind, queryCountry, []), profile);
    }

    [Theory]
    [InlineData("כהן", "Cohen")]
    [InlineData("כהן", "Kohen")]
    [InlineData("כהן", "Kahn")]
    [InlineData("לוי", "Levy")]
    [InlineData("דוד", "David")]
    [InlineData("יוסף", "Yosef")]
    [InlineData("יוסף", "Joseph")]
    [InlineData("מזרחי", "Mizrachi")]
    [InlineData("פרץ", "Perez")]
    [InlineData("שרה", "Sarah")]
    [InlineData("אברהם", "Avraham")]
    [InlineData("אברהם", "Abraham")]
    [InlineData("יצחק", "Yitzchak")]
    [InlineData("חיים", "Haim")]
    public void a_hebrew_word_and_its_popular_romanisations_have_one_skeleton(string hebrew, string latin) =>
        Assert.Contains(Skeletons.LatinForHebrew(latin.ToLowerInvariant()), Skeletons.HebrewWord(hebrew));

    [Theory]
    [InlineData("สมชาย", "Somchai")]
    [InlineData("ใจดี", "Jaidee")]
    [InlineData("ใจดี", "Chaidi")]
    [InlineData("ทองดี", "Tongdee")]
    [InlineData("วิชัย", "Vichai")]
    [InlineData("ประเสริฐ", "Prasert")]
    [InlineData("ประเสริฐ", "Prasoet")]
    [InlineData("สุขสวัสดิ์", "Suksawat")]
    [InlineData("สุขสวัสดิ์", "Suksawad")]
    [InlineData("วงศ์ไทย", "Wongtai")]
    [InlineData("แก้วมณี", "Kaeomani")]
    [InlineData("สมพร", "Somporn")]
    [InlineData("สมพร", "Somphon")]
    public void a_thai_word_and_its_rtgs_and_passport_spellings_have_one_skeleton(string thai, string latin) =>
        Assert.Equal(Assert.Single(Skeletons.ThaiWord(NameStandardization.Normalize(thai))), Skeletons.LatinForThai(latin.ToLowerInvariant()));

    [Fact]
    public void a_hebrew_name_stored_alone_meets_its_romanisation_as_a_skeleton_and_other_names_do_not()
    {
        var cohen = Best("Kohen David", "כהן דוד", "IL", queryCountry: "IL");
        var other = Best("Cohen Daniel", "כהן דוד", "IL", queryCountry: "IL");

        Assert.Equal((Scoring.SkeletonScore, "CONSONANT_SKELETON"), (cohen.Score, Assert.Single(cohen.Features)));
        Assert.True(other.Score < Scoring.AgreeingName);
    }

    [Fact]
    public void a_thai_company_meets_its_english_name_with_the_legal_form_compared_as_usual()
    {
        var siam = Best("Siam Pattana Company Limited", "บริษัท สยามพัฒนา จำกัด", "TH", IdentityKind.LegalEntity, "TH");

        Assert.Equal(Scoring.SkeletonScore, siam.Score);
        Assert.Contains("SAME_LEGAL_FORM", siam.Features);
    }

    [Fact]
    public void skeletons_of_two_names_in_latin_letters_never_meet()
    {
        // A stored name in Latin letters keeps its skeleton under marked keys that only a native name looks up: Maria and Mario share one.
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0001", Kind = IdentityKind.NaturalPerson, Country = "IL" };
        profile = profile.WithNames(profile.Standardized(new Name(1, "Mario Levi", "Latn", null, NameType.Primary, true)));

        Assert.All(profile.Names.Where(n => n.Standard.IsSkeleton), n => Assert.True(Skeletons.IsOfLatin(n.Standard)));
        Assert.All(profile.ExactKeys.Where(k => k.Any(char.IsUpper)), k => Assert.StartsWith(Skeletons.StoredLatinMark, k));
        Assert.True(Scoring.Score(new MatchQuery(["Maria Levi"], IdentityKind.NaturalPerson, "IL", []), profile).Score < Scoring.SkeletonScore);
    }

    [Fact]
    public void a_name_in_latin_letters_of_a_party_in_israel_is_met_by_a_query_in_hebrew_letters()
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0001", Kind = IdentityKind.NaturalPerson, Country = "IL" };
        profile = profile.WithNames(profile.Standardized(new Name(1, "Avraham Shalev", "Latn", null, NameType.Primary, true)));
        var query = new MatchQuery(["אברהם שלו"], IdentityKind.NaturalPerson, null, []);

        Assert.Contains(query.Standardized.SelectMany(s => Skeletons.LookedUpKeys(s.Standard, s.Standard.ExactKeys)), profile.ExactKeys.Contains);
        Assert.Equal(Scoring.SkeletonScore, Scoring.Score(query, profile).Score, 2);
    }

    [Fact]
    public void a_query_looks_for_skeletons_only_of_its_country_or_of_both_when_it_names_none()
    {
        static string[] Schemes(string? country) =>
            [.. new MatchQuery(["Somchai Jaidee"], IdentityKind.NaturalPerson, country, []).Standardized.Select(s => s.Standard.Scheme).OfType<string>().Where(s => s.Contains("skeleton"))];

        Assert.Equal(["th-skeleton-latin"], Schemes("TH"));
        Assert.Equal(["he-skeleton-latin"], Schemes("IL"));
        Assert.Equal(["he-skeleton-latin", "th-skeleton-latin", "ar-skeleton-latin"], Schemes(null));
        Assert.Empty(Schemes("DE"));
    }
}
