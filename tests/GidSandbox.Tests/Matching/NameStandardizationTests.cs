using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

public class NameStandardizationTests
{
    private static StandardName Entity(string text, string country = "JP") => NameStandardization.Standardize(text, IdentityKind.LegalEntity, country);

    private static StandardName Person(string text) => NameStandardization.Standardize(text, IdentityKind.NaturalPerson, "JP");

    [Fact]
    public void a_copy_of_a_reading_with_other_words_has_its_own_exact_keys_not_those_derived_for_the_original()
    {
        var derived = Person("Kim Min-jun");
        Assert.Equal(["jun kim min", "kimminjun", "minjunkim", "junkimmin"], derived.ExactKeys);
        Assert.Equal("kimminjun", derived.Letters);

        var copy = derived with { Tokens = ["kim", "minjun"], SortedKey = "kim minjun" };
        Assert.Equal(["kim minjun", "kimminjun", "minjunkim"], copy.ExactKeys);
        Assert.Equal(["jun kim min", "kimminjun", "minjunkim", "junkimmin"], derived.ExactKeys);
    }

    [Fact]
    public void normalization_applies_nfkc_folds_case_and_drops_punctuation_but_keeps_the_script()
    {
        Assert.Equal("acme tokyo", NameStandardization.Normalize("ＡＣＭＥ, Tokyo!"));
        Assert.Equal("strasse", NameStandardization.Normalize("STRAßE"));
        Assert.Equal("株式会社 東芝", NameStandardization.Normalize("株式会社　東芝"));
        Assert.Equal("иванов", NameStandardization.Normalize("ИВАНОВ"));
    }

    [Theory]
    [InlineData("Müller")]
    [InlineData("Mueller")]
    [InlineData("MULLER")]
    [InlineData("müller")]
    public void umlauts_their_spelled_out_forms_and_plain_vowels_standardize_alike(string spelling) =>
        Assert.Equal("muller", Person(spelling).Key);

    [Fact]
    public void a_romanised_hangul_syllable_keeps_its_vowels_where_a_latin_spelled_out_umlaut_folds()
    {
        Assert.Equal("choe ha eun", Person("최하은").Key);
        Assert.Equal("cho ha eun", Person("Cho Ha-eun").Key);
        Assert.Equal("gothe", Person("Goethe").Key);
    }

    [Fact]
    public void a_spelled_out_umlaut_folds_inside_a_word_but_not_at_its_end()
    {
        Assert.Equal(Person("Öhler").Key, Person("Oehler").Key);
        Assert.Equal("zoe monroe", Person("Zoe Monroe").Key);
        Assert.Equal(Person("최하은").Key, Person("Choe Ha-eun").Key);
        Assert.Equal(Person("재원").Key, Person("Jae-won").Key);
    }

    [Fact]
    public void joining_syllables_folds_only_the_vowel_pairs_the_join_makes() =>
        Assert.Equal(Person("Haeun").Letters, NameStandardization.JoinLetters(Person("하은").Tokens));

    [Theory]
    [InlineData("ACME Co., Ltd.", "LTD", "T417")]
    [InlineData("ACME COMPANY LIMITED", "LTD", "T417")]
    [InlineData("ACME K.K.", "KK", "T417")]
    [InlineData("ACME Kabushiki Kaisha", "KK", "T417")]
    [InlineData("Kabushiki Kaisha ACME", "KK", "T417")]
    public void japanese_company_forms_are_recognised_taken_off_the_name_and_coded(string written, string form, string elf)
    {
        var name = Entity(written);
        Assert.Equal("acme", name.Key);
        Assert.Equal((form, elf), (name.LegalForm!.Form, name.LegalForm.Elf));
    }

    [Fact]
    public void legal_forms_in_their_own_scripts_are_recognised()
    {
        Assert.Equal(("KK", "T417"), Form(Entity("株式会社東芝")));
        Assert.Equal(("KK", "T417"), Form(Entity("東芝㈱")));
        Assert.Equal(("JSH", "5RCH"), Form(Entity("삼성전자 주식회사", "KR")));
        Assert.Equal(("JSH", "5RCH"), Form(Entity("㈜한국", "KR")));
        Assert.Equal(("OOO", "17R7"), Form(Entity("ООО «Ромашка»", "RU")));
        Assert.Equal(("YXGS", null), Form(Entity("华为技术有限公司", "CN")));
        Assert.Equal("romashka", Entity("ООО «Ромашка»", "RU").Key);
    }

    [Theory]
    [InlineData("Bosch GmbH", "DE", "GMBH", "2HBR")]
    [InlineData("Bosch Gesellschaft mit beschränkter Haftung", "DE", "GMBH", "2HBR")]
    [InlineData("Bosch GmbH", "AT", "GMBH", "AXSB")]
    [InlineData("Bosch AG", "DE", "AG", "6QQB")]
    [InlineData("Bosch S.A.", "FR", "SA", "QVPB")]
    [InlineData("Bosch Société Anonyme", "FR", "SA", "QVPB")]
    [InlineData("Bosch LLC", "US", "LLC", null)]
    [InlineData("Bosch OOO", "RU", "OOO", "17R7")]
    [InlineData("Bosch Limited", "GB", "LTD", "H0PO")]
    [InlineData("Bosch PLC", "GB", "PLC", "B6ES")]
    [InlineData("Bosch B.V.", "NL", "BV", "54M6")]
    [InlineData("Bosch S.p.A.", "IT", "SPA", "P418")]
    public void legal_forms_get_the_elf_code_of_the_country_where_one_exists(string written, string country, string form, string? elf)
    {
        var name = Entity(written, country);
        Assert.Equal("bosch", name.Key);
        Assert.Equal((form, elf), Form(name));
    }

    [Fact]
    public void a_name_that_is_only_a_legal_form_keeps_its_words() =>
        Assert.Equal(("limited", null), (Entity("Limited").Key, Entity("Limited").LegalForm));

    [Fact]
    public void natural_persons_never_lose_a_word_to_legal_form_recognition() =>
        Assert.Equal("li co", Person("Li Co").Key);

    [Theory]
    [InlineData("Иванов", "ivanov")]
    [InlineData("Παπαδόπουλος", "papadopolos")]
    [InlineData("Papadopoulos", "papadopolos")]
    [InlineData("王伟", "wang wei")]
    [InlineData("やまだ たろう", "yamada taro")]
    [InlineData("すずき しょうた", "suzuki shota")]
    [InlineData("きょうこ", "kyoko")]
    [InlineData("Bjoern Aastroem", "bjorn astrom")]
    public void other_scripts_are_transliterated_to_the_keys_their_romanisations_get(string text, string key) =>
        Assert.Equal(key, Person(text).Key);

    [Fact]
    public void person_names_in_either_order_have_the_same_sorted_key() =>
        Assert.Equal(Person("YAMADA Taro").SortedKey, Person("Taro Yamada").SortedKey);

    [Theory]
    [InlineData("!!! ... ???")]
    [InlineData("😀🎉")]
    [InlineData("%_%")]
    public void text_without_letters_or_digits_standardizes_to_nothing(string text) =>
        Assert.True(Person(text).IsEmpty);

    [Fact]
    public void connectors_are_noise() =>
        Assert.Equal(Entity("Procter & Gamble Co.", "US").Key, Entity("Procter and Gamble Company", "US").Key);

    [Fact]
    public void a_lone_y_joins_two_words_but_is_an_initial_at_either_end_of_a_name()
    {
        Assert.Equal("jose ortega gasset", Person("José Ortega y Gasset").Key);
        Assert.Equal("y yoshida", Person("Y. Yoshida").Key);
        Assert.Equal("yoshida y", Person("Yoshida, Y.").Key);
    }

    [Fact]
    public void phonetic_codes_are_american_soundex()
    {
        Assert.Equal("R163", Phonetics.Soundex("robert"));
        Assert.Equal("R163", Phonetics.Soundex("rupert"));
        Assert.Equal("A261", Phonetics.Soundex("ashcraft"));
        Assert.Equal("T522", Phonetics.Soundex("tymczak"));
        Assert.Equal("P236", Phonetics.Soundex("pfister"));
    }

    [Fact]
    public void trigram_similarity_agrees_with_pg_trgm()
    {
        // Values PostgreSQL 15 gives for similarity(a, b).
        Assert.Equal(1.0, Trigrams.Similarity("acme", "acme"));
        Assert.Equal(0.363636, Trigrams.Similarity("word", "two words"), 5);
        Assert.Equal(0.0, Trigrams.Similarity("abc", "xyz"));
    }

    [Theory]
    [InlineData("anna anna", "anna")]
    [InlineData("  two  spaces ", "two spaces")]
    [InlineData("", "acme")]
    [InlineData("a", "a b c")]
    [InlineData("mississippi", "misisipi")]
    [InlineData("kabushiki kaisha aikumi", "aikumi kabushikikaisha")]
    public void trigram_similarity_is_shared_over_all_distinct_trigrams(string a, string b)
    {
        var left = Trigrams.Of(a);
        var right = Trigrams.Of(b);
        var shared = left.Count(right.Contains);
        var expected = left.Count == 0 || right.Count == 0 ? 0 : (double)shared / (left.Count + right.Count - shared);
        Assert.Equal(expected, Trigrams.Similarity(a, b), 12);
        Assert.Equal(expected, Trigrams.Similarity(b, a), 12);
        var longName = string.Join(' ', Enumerable.Repeat("semiconductor", 40));
        Assert.Equal(1.0, Trigrams.Similarity(longName, "semiconductor"), 12);
    }

    [Fact]
    public void a_person_written_with_initials_has_the_exact_key_of_the_full_name()
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0000", Kind = IdentityKind.NaturalPerson, Country = "CN" };
        profile = profile.WithNames(profile.Standardized(new Name(1, "Li Da", "Latn", null, NameType.Primary, true)));

        Assert.Equal(["d li", "da l"], Person("Li Da").InitialledKeys());
        Assert.Contains(Person("L. Da").SortedKey, profile.ExactKeys);
        Assert.Contains(Person("Da L.").SortedKey, profile.ExactKeys);
        Assert.DoesNotContain(Person("K. Da").SortedKey, profile.ExactKeys);
    }

    [Fact]
    public void a_company_a_single_word_and_a_name_written_with_initials_have_no_further_keys_with_initials()
    {
        var profile = new MatchProfile { Id = "GID-0000-0000-0000-0000", Kind = IdentityKind.LegalEntity, Country = "JP" };
        profile = profile.WithNames(profile.Standardized(new Name(1, "Nuri Robotics", "Latn", null, NameType.Legal, true)));

        Assert.DoesNotContain("n robotics", profile.ExactKeys);
        Assert.Empty(Person("Madonna").InitialledKeys());
        Assert.Empty(Person("J. Smith").InitialledKeys());
    }

    private static (string? Form, string? Elf) Form(StandardName name) => (name.LegalForm?.Form, name.LegalForm?.Elf);
}
