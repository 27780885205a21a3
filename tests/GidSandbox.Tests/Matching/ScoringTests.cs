using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;

namespace GidSandbox.Tests.Matching;

public class ScoringTests
{
    private static double Score(string query, string candidate, IdentityKind kind = IdentityKind.LegalEntity, string? queryCountry = "JP", string candidateCountry = "JP") =>
        Scored(query, candidate, kind, queryCountry, candidateCountry).Score;

    private static Scored Scored(string query, string candidate, IdentityKind kind, string? queryCountry, string candidateCountry)
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0000", Kind = kind, Country = candidateCountry };
        profile = profile.WithNames(profile.Standardized(new Name(1, candidate, "Latn", null, NameType.Legal, true)));
        return Scoring.Score(new MatchQuery([query], kind, queryCountry, []), profile);
    }

    /// <summary>What a batch decides for the query when the candidate is the only one found.</summary>
    private static MatchDecision Alone(string query, string candidate, IdentityKind kind, string? queryCountry, string candidateCountry) =>
        MatchIdentities.Decide(null, [Scored(query, candidate, kind, queryCountry, candidateCountry)], 1).Decision;

    [Theory]
    [InlineData("ACME Co., Ltd.", "ACME COMPANY LIMITED")]
    [InlineData("ACME Co., Ltd.", "Acme Kabushiki Kaisha")]
    [InlineData("Müller GmbH", "Mueller Gesellschaft mit beschränkter Haftung")]
    public void spellings_of_one_company_score_as_the_same_name_standardized(string a, string b) => Assert.Equal(Scoring.StandardizedScore, Score(a, b));

    [Theory]
    [InlineData("ACME CO., LTD", "Acme Co. Ltd.")]
    [InlineData("Müller GmbH", "MÜLLER  GMBH")]
    [InlineData("YAMADA Taro", "Taro Yamada")]
    public void the_same_spelling_in_any_case_punctuation_or_word_order_scores_one(string a, string b) => Assert.Equal(1.0, Score(a, b));

    [Fact]
    public void the_exact_spelling_beats_a_folded_one() =>
        Assert.True(Score("Müller Optik GmbH", "Müller Optik GmbH") > Score("Müller Optik GmbH", "Mueller Optik GmbH"));

    [Theory]
    [InlineData("Nguyễn Văn Hùng", "Nguyễn Văn Hưng")]
    [InlineData("Trần Thị Lan", "Trần Thị Lân")]
    [InlineData("Işık Yılmaz", "Işik Yılmaz")]
    [InlineData("Bożena Łęcka", "Bożena Lęcka")]
    [InlineData("Çaglar Yılmaz", "Çağlar Yılmaz")]
    public void names_written_with_other_diacritics_on_both_sides_are_other_names(string a, string b) =>
        Assert.Equal(Scoring.DiacriticsDifferScore, Score(a, b, IdentityKind.NaturalPerson));

    [Theory]
    [InlineData("Nguyễn Văn Hùng")]
    [InlineData("Işık Yılmaz")]
    [InlineData("Bożena Łęcka")]
    public void the_stored_spelling_in_another_unicode_form_is_the_same_spelling_and_beats_its_twin(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(name, decomposed);
        Assert.Equal(1.0, Score(decomposed, name, IdentityKind.NaturalPerson));
        Assert.Equal(1.0, Score(name, decomposed, IdentityKind.NaturalPerson));
    }

    [Theory]
    [InlineData("Nguyen Van Hung", "Nguyễn Văn Hưng")]
    [InlineData("Caglar Yilmaz", "Çağlar Yılmaz")]
    [InlineData("Ştefan Rădulescu", "Ștefan Rădulescu")]
    public void diacritics_one_side_lacks_or_writes_with_another_letter_are_not_held_against_a_name(string a, string b) =>
        Assert.Equal(Scoring.StandardizedScore, Score(a, b, IdentityKind.NaturalPerson));

    [Theory]
    [InlineData("Kuzmin A. S.", "Kuzmin Aleksei Sergeevich", 0.92)]
    [InlineData("Кузьмин А.С.", "Кузьмин Алексей Сергеевич", 0.92)]
    [InlineData("S. Venkataraman", "Subramanian Venkataraman", 0.93)]
    [InlineData("VENKATARAMAN S", "Subramanian Venkataraman", 0.93)]
    [InlineData("Жуков Ю. А.", "Жуков Юрий Андреевич", 0.92)]
    [InlineData("A. Kuzmin", "Aleksei Sergeevich Kuzmin", Scoring.PartialInitialsScore)]
    public void initials_agree_with_the_words_they_start_below_a_full_agreement(string query, string candidate, double expected) =>
        Assert.Equal(expected, Score(query, candidate, IdentityKind.NaturalPerson, "RU", "RU"));

    [Theory]
    [InlineData("B. Venkataraman", "Subramanian Venkataraman")]
    [InlineData("S. Venkataraman", "Subramanian Krishnan")]
    public void an_initial_of_another_letter_or_no_word_in_common_is_no_agreement(string query, string candidate) =>
        Assert.InRange(Score(query, candidate, IdentityKind.NaturalPerson), 0, MatchIdentities.PossibleThreshold - 0.01);

    [Fact]
    public void a_record_below_possible_is_no_match_and_still_lists_what_search_would_show()
    {
        var scored = Scored("Northwind Optical Systems Research", "Northwind Optical", IdentityKind.LegalEntity, "SE", "SE");
        Assert.InRange(scored.Score, Scoring.ShownScore, MatchIdentities.PossibleThreshold - 0.0001);

        var result = MatchIdentities.Decide(null, [scored], 3);

        Assert.Equal(MatchDecision.NoMatch, result.Decision);
        Assert.Equal(scored.Profile.Id, Assert.Single(result.Candidates).Profile.Id);
    }

    [Fact]
    public void a_candidate_search_would_not_show_is_not_listed() =>
        Assert.Empty(MatchIdentities.Decide(null, [Scored("Northwind Optical", "Southgate Marine Holdings", IdentityKind.LegalEntity, "SE", "SE")], 3).Candidates);

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

    [Theory]
    [InlineData("Maria Garcia", "Mario Garcia")]
    [InlineData("Ivan Ivanova", "Ivan Ivanov")]
    [InlineData("Anna Kowalska", "Anna Kowalski")]
    public void one_letter_at_the_end_of_a_person_name_is_another_name_not_a_typo(string a, string b) =>
        Assert.InRange(Score(a, b, IdentityKind.NaturalPerson), 0, Scoring.TypoScore - 0.01);

    [Theory]
    [InlineData("Sphie Johnson", "Sophie Johnson")]
    [InlineData("Jonh Smith", "John Smith")]
    [InlineData("Maria Rsosi", "Maria Rossi")]
    [InlineData("Markus Zeloer", "Markus Zeller")]
    [InlineData("Tobias Wagaer", "Tobias Wagner")]
    public void one_typo_in_a_person_name_with_the_rest_and_the_country_agreeing_scores_as_a_typo(string a, string b)
    {
        Assert.Equal(Scoring.TypoScore, Score(a, b, IdentityKind.NaturalPerson, "IT", "IT"));
        Assert.Equal(MatchDecision.Match, Alone(a, b, IdentityKind.NaturalPerson, "IT", "IT"));
        Assert.NotEqual(MatchDecision.Match, Alone(a, b, IdentityKind.NaturalPerson, "IT", "FR"));
        Assert.Equal(MatchDecision.Match, Alone(a, b, IdentityKind.NaturalPerson, null, "IT"));
    }

    [Theory]
    [InlineData("Iurii Zhukov", "Юрий Андреевич Жуков")]
    [InlineData("Yuri Zhukov", "Юрий Андреевич Жуков")]
    [InlineData("Juri Schukow", "Юрий Андреевич Жуков")]
    [InlineData("Iouri Joukov", "Юрий Андреевич Жуков")]
    [InlineData("Yuliya Smirnova", "Смирнова Юлия Сергеевна")]
    [InlineData("Юрий Жуков", "Juri Andrejewitsch Schukow")]
    [InlineData("Zhukov Yuri Andreyevich", "Yuri Zhukov")]
    public void a_person_written_without_the_patronymic_the_other_name_has_is_matched_below_every_word_agreeing(string query, string candidate)
    {
        Assert.Equal(Scoring.PatronymicLeftOutScore, Score(query, candidate, IdentityKind.NaturalPerson, "RU", "RU"));
        Assert.Equal(MatchDecision.Match, Alone(query, candidate, IdentityKind.NaturalPerson, "RU", "RU"));
    }

    [Theory]
    [InlineData("Andrei Petrovich Volkov", "Andrei Sergeevich Volkov", "RU")]
    [InlineData("Андрей Петрович Волков", "Андрей Сергеевич Волков", "RU")]
    [InlineData("Hans Müller", "Hans Heinrich Müller", "DE")]
    public void two_fathers_sons_and_a_left_out_middle_name_are_not_a_patronymic_left_out(string query, string candidate, string country) =>
        Assert.InRange(Score(query, candidate, IdentityKind.NaturalPerson, country, country), 0, MatchIdentities.PossibleThreshold - 0.0001);

    [Theory]
    [InlineData("Chen Chih-hao", "陳志豪")]
    [InlineData("Lin Chien-hung", "林建宏")]
    [InlineData("Chang Hsiu-ying", "張秀英")]
    [InlineData("Huang Kuo-chiang", "黃國強")]
    public void a_chinese_name_in_wade_giles_meets_its_characters(string query, string candidate) =>
        Assert.Equal(MatchDecision.Match, Alone(query, candidate, IdentityKind.NaturalPerson, "TW", "TW"));

    [Fact]
    public void a_name_in_capitals_is_spelled_as_both_its_dotted_and_its_dotless_i_twins()
    {
        var dotless = Scored("ASLI YILDIRIM", "Aslı Yıldırım", IdentityKind.NaturalPerson, "TR", "TR");
        var dotted = Scored("ASLI YILDIRIM", "Asli Yildirim", IdentityKind.NaturalPerson, "TR", "TR") with { Profile = dotless.Profile with { Id = "GID-0000-0000-0000-0001" } };
        Assert.Equal((1.0, 1.0), (dotless.Score, dotted.Score));
        Assert.Equal(MatchDecision.Possible, MatchIdentities.Decide(null, [dotless, dotted], 2).Decision);
        Assert.Equal(1.0, Score("IŞIK YILMAZ", "Işık Yılmaz", IdentityKind.NaturalPerson, "TR", "TR"));
    }

    [Fact]
    public void split_and_rotated_romanisations_have_the_same_letters() =>
        Assert.Equal(Scoring.StandardizedScore, Score("Haeun YOON", "Yoon Ha-eun", IdentityKind.NaturalPerson, "KR", "KR"));

    [Fact]
    public void hangul_choe_is_not_the_surname_cho() =>
        Assert.NotEqual(MatchDecision.Match, Alone("Cho Ha-eun", "최하은", IdentityKind.NaturalPerson, "KR", "KR"));

    [Fact]
    public void a_different_legal_form_and_a_different_country_lower_the_score()
    {
        Assert.Equal(Math.Round(Scoring.StandardizedScore * 0.9, 4), Score("Bosch GmbH", "Bosch AG", queryCountry: "DE", candidateCountry: "DE"));
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
