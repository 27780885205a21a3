using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;

namespace GidSandbox.Tests.Matching;

public class ScoringTests
{
    private static double Score(string query, string candidate, IdentityKind kind = IdentityKind.LegalEntity, string queryCountry = "JP", string candidateCountry = "JP")
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0000", Kind = kind, Country = candidateCountry };
        profile = profile.WithNames(profile.Standardized(new Name(1, candidate, "Latn", null, NameType.Legal, true)));
        return Scoring.Score(new MatchQuery([query], kind, queryCountry, []), profile).Score;
    }

    [Theory]
    [InlineData("ACME Co., Ltd.", "ACME COMPANY LIMITED")]
    [InlineData("ACME Co., Ltd.", "Acme Kabushiki Kaisha")]
    [InlineData("Müller GmbH", "Mueller Gesellschaft mit beschränkter Haftung")]
    public void spellings_of_one_company_score_one(string a, string b) => Assert.Equal(1.0, Score(a, b));

    [Fact]
    public void person_names_in_either_order_score_one() =>
        Assert.Equal(1.0, Score("YAMADA Taro", "Taro Yamada", IdentityKind.NaturalPerson));

    [Fact]
    public void an_initial_scores_below_the_full_name_but_well_above_another_name()
    {
        var initial = Score("J. Smith", "John Smith", IdentityKind.NaturalPerson);
        Assert.InRange(initial, 0.5, 0.99);
        Assert.True(initial > Score("Jane Doe", "John Smith", IdentityKind.NaturalPerson));
    }

    [Fact]
    public void one_misspelt_long_word_in_a_company_name_scores_as_a_typo_but_not_one() =>
        Assert.Equal(Scoring.TypoScore, Score("Mitsubsihi Electric", "Mitsubishi Electric"));

    [Fact]
    public void two_letters_swapped_into_a_spelled_out_umlaut_at_the_end_of_a_word_score_as_a_typo() =>
        Assert.Equal(Scoring.TypoScore, Score("Moonstnoe Systems", "Moonstone Systems"));

    [Fact]
    public void one_letter_between_two_person_names_is_not_taken_for_a_typo() =>
        Assert.InRange(Score("Maria Garcia", "Mario Garcia", IdentityKind.NaturalPerson), 0, Scoring.TypoScore - 0.01);

    [Fact]
    public void split_and_rotated_romanisations_have_the_same_letters() =>
        Assert.Equal(1.0, Score("Haeun YOON", "Yoon Ha-eun", IdentityKind.NaturalPerson, "KR", "KR"));

    [Fact]
    public void hangul_choe_is_not_the_surname_cho() =>
        Assert.InRange(Score("Cho Ha-eun", "최하은", IdentityKind.NaturalPerson, "KR", "KR"), 0, MatchIdentities.MatchThreshold - 0.01);

    [Fact]
    public void a_different_legal_form_and_a_different_country_lower_the_score()
    {
        Assert.Equal(0.9, Score("Bosch GmbH", "Bosch AG", queryCountry: "DE", candidateCountry: "DE"));
        Assert.Equal(0.85, Score("Bosch", "Bosch", queryCountry: "DE", candidateCountry: "FR"));
    }

    [Fact]
    public void an_exact_identifier_hit_scores_one_whatever_the_name()
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0000", Kind = IdentityKind.LegalEntity, Country = "JP", ExternalIdentifiers = [new("applicant-number", "JP", "1")] };
        profile = profile.WithNames(profile.Standardized(new Name(1, "ACME", "Latn", null, NameType.Legal, true)));
        var scored = Scoring.Score(new MatchQuery(["Other Name"], IdentityKind.LegalEntity, "JP", [new("applicant-number", "JP", "1")]), profile);
        Assert.Equal((1.0, 1.0), (scored.Score, scored.Parts.Identifier));
        Assert.Contains("IDENTIFIER JP applicant-number 1", scored.Features);
    }

    [Fact]
    public void edits_count_a_swap_of_neighbours_as_one() =>
        Assert.Equal((1, 1, 2), (Scoring.Edits("abcd", "abdc"), Scoring.Edits("abcd", "abce"), Scoring.Edits("abcd", "ab")));
}
