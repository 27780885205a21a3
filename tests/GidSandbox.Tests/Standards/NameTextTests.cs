using GidSandbox.Matching;
using GidSandbox.Standards;

namespace GidSandbox.Tests.Standards;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("ACME\u200BWidgets", "the invisible format character U+200B ZERO WIDTH SPACE at position 4")]
    [InlineData("ACME\u200CWidgets", "the invisible joiner U+200C ZERO WIDTH NON-JOINER at position 4")]
    [InlineData("ACME\u200DWidgets", "the invisible joiner U+200D ZERO WIDTH JOINER at position 4")]
    [InlineData("\uFEFFACME Widgets", "the invisible format character U+FEFF ZERO WIDTH NO-BREAK SPACE at position 0")]
    [InlineData("ACME Wid\u00ADgets", "the invisible format character U+00AD SOFT HYPHEN at position 8")]
    [InlineData("ACME\u2060Widgets", "U+2060 WORD JOINER")]
    [InlineData("ACME\u2061Widgets", "U+2061 FUNCTION APPLICATION")]
    [InlineData("ACME\u2062Widgets", "U+2062 INVISIBLE TIMES")]
    [InlineData("ACME\u2063Widgets", "U+2063 INVISIBLE SEPARATOR")]
    [InlineData("ACME\u2064Widgets", "U+2064 INVISIBLE PLUS")]
    [InlineData("ACME\u180EWidgets", "the invisible format character U+180E MONGOLIAN VOWEL SEPARATOR")]
    [InlineData("ACME\uFFF9Widgets\uFFFAx\uFFFB", "U+FFF9 INTERLINEAR ANNOTATION ANCHOR")]
    [InlineData("ACME\u0600", "U+0600 ARABIC NUMBER SIGN")]
    [InlineData("ACME\U000E0001", "U+E0001 LANGUAGE TAG")]
    [InlineData("ACME\U000E0041", "U+E0041 TAG LATIN CAPITAL LETTER A")]
    [InlineData("ACME\U000E007F", "U+E007F CANCEL TAG")]
    [InlineData("AC\u034FME", "the invisible character U+034F COMBINING GRAPHEME JOINER at position 2")]
    [InlineData("ACME\u3164Widgets", "the invisible character U+3164 HANGUL FILLER")]
    [InlineData("ACME\u2028Widgets", "the separator U+2028 LINE SEPARATOR at position 4")]
    [InlineData("ACME\u2029Widgets", "the separator U+2029 PARAGRAPH SEPARATOR at position 4")]
    [InlineData("ACME\uE000", "the private-use character U+E000 at position 4")]
    [InlineData("ACME\U000F0000", "the private-use character U+F0000 at position 4")]
    [InlineData("ACME\u0378", "the unassigned code point U+0378 at position 4")]
    [InlineData("ACME\uFDD0", "the noncharacter U+FDD0 at position 4")]
    [InlineData("ACME\U0001FFFE", "the noncharacter U+1FFFE at position 4")]
    [InlineData("ACME\u202EWidgets", "the bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData("ACME\u061C", "the bidirectional control U+061C ARABIC LETTER MARK")]
    [InlineData("ACME\uFE0F", "the invisible variation selector U+FE0F VARIATION SELECTOR-16 at position 4")]
    [InlineData("ACME\U000E0100", "the invisible variation selector U+E0100 VARIATION SELECTOR-17 at position 4")]
    [InlineData("ACME\u180B", "the invisible variation selector U+180B MONGOLIAN FREE VARIATION SELECTOR ONE")]
    public void invisible_and_format_characters_are_refused_naming_the_code_point(string text, string expected)
    {
        var problem = NameText.Problem(text);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.EndsWith("See docs/names.md.", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("می\u200Cخواهم")] // Persian: the non-joiner between two joining letters
    [InlineData("क्\u200Dष")] // Devanagari: a joiner after a virama
    [InlineData("क्\u200Cष")] // ... and a non-joiner
    [InlineData("ශ්\u200Dරී")] // Sinhala
    [InlineData("Studio 👩\u200D💻")] // an emoji sequence
    [InlineData("♥\uFE0F Hearts")] // emoji presentation of a symbol
    [InlineData("葛\U000E0100飾区")] // an ideographic variation sequence
    [InlineData("ᠠ\u180Bᠷ")] // a Mongolian free variation selector after a Mongolian letter
    public void joiners_and_variation_selectors_are_kept_where_a_script_needs_them(string text) =>
        Assert.Null(NameText.Problem(text));

    [Theory]
    [InlineData("АСME Widgets Corporation", "Latn", "The word 'АСME' mixes Cyrillic (А, С) and Latin (M, E) letters")]
    [InlineData("АСМЕ Widgets Corporation", "Latn", "The name is declared Latn but has letters of another script: Cyrillic (А, С, М, Е)")]
    [InlineData("ΑΒΒ Ltd", "Latn", "declared Latn but has letters of another script: Greek (Α, Β)")]
    [InlineData("Pаypal", "Latn", "The word 'Pаypal' mixes")]
    [InlineData("Иван Ivаnov", "Cyrl", "The word 'Ivаnov' mixes")]
    [InlineData("Ιван", "Cyrl", "The word 'Ιван' mixes Greek (Ι) and Cyrillic (в, а, н) letters")]
    [InlineData("Σοφία Παπαδοπούλου Смирнова", "Grek", "declared Grek but has letters of another script: Cyrillic")]
    public void words_mixing_scripts_and_letters_outside_the_declared_script_are_refused(string text, string script, string expected) =>
        Assert.Contains(expected, NameScripts.Problem(text, script), StringComparison.Ordinal);

    [Theory]
    [InlineData("ACME Widgets Corporation", "Latn")]
    [InlineData("Müller-Lüdenscheidt GmbH & Co. KG", "Latn")]
    [InlineData("株式会社エイクミ", "Jpan")]
    [InlineData("NTTドコモ", "Jpan")] // Latin beside Japanese writing (UTS #39 "highly restrictive")
    [InlineData("LG전자", "Kore")]
    [InlineData("삼성電子", "Kore")]
    [InlineData("ООО Siemens", "Cyrl")] // a Latin brand in a name of another script
    [InlineData("АСМЕ Widgets Corporation", "Cyrl")]
    [InlineData("محمد عبد الله", "Arab")]
    [InlineData("3M Company", "Latn")]
    [InlineData("Anything at all", "Zyyy")]
    public void names_in_one_script_a_word_and_in_their_declared_script_are_accepted(string text, string script) =>
        Assert.Null(NameScripts.Problem(text, script));

    [Theory]
    [InlineData("АСМЕ Widgets", "ACME Widgets")] // all Cyrillic
    [InlineData("АСME Widgets", "ACME Widgets")] // Cyrillic and Latin in one word
    [InlineData("ΑΒΒ", "ABB")] // Greek
    [InlineData("Օrange", "Orange")] // Armenian Oh
    [InlineData("Сергей Иванов", "Сергей Иванов")] // Russian words with letters no Latin reader would mistake stay
    [InlineData("Ёлка", "Ёлка")]
    public void look_alike_letters_are_read_as_the_latin_letters_they_imitate(string text, string expected) =>
        Assert.Equal(expected, Confusables.ToLatin(text));

    [Fact]
    public void a_homoglyph_spelling_has_the_latin_spelling_among_its_readings()
    {
        var latin = NameStandardization.Standardize("ACME Widgets Corporation");

        Assert.Contains(NameStandardization.Readings("АСМЕ Widgets Corporation"), r => r.Key == latin.Key);
        Assert.Contains(NameStandardization.Readings("АСME Widgets Corporation"), r => r.Key == latin.Key);
        Assert.Contains(NameStandardization.Readings("АСМЕ Widgets Corporation"), r => r.Scheme == "look-alike");
        Assert.DoesNotContain(NameStandardization.Readings("ACME Widgets Corporation"), r => r.Scheme == "look-alike");
        Assert.DoesNotContain(NameStandardization.Readings("Сергей Иванов"), r => r.Scheme == "look-alike");
    }
}
