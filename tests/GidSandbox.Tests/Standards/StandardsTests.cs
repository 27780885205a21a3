using GidSandbox.Standards;

namespace GidSandbox.Tests.Standards;

public sealed class StandardsTests
{
    [Fact]
    public void every_officially_assigned_country_code_is_known_and_nothing_else()
    {
        Assert.Equal(249, CountryCodes.All.Count);
        Assert.True(CountryCodes.TryNormalize("ch", out var code));
        Assert.Equal("CH", code);
        Assert.All(new[] { "XX", "EU", "UK", "XK", "C", "CHE", "" }, bad => Assert.False(CountryCodes.TryNormalize(bad, out _)));
    }

    [Theory]
    [InlineData("latn", "Latn")]
    [InlineData("HANG", "Hang")]
    [InlineData("Jpan", "Jpan")]
    [InlineData("cyrl", "Cyrl")]
    [InlineData("Zyyy", "Zyyy")]
    public void script_codes_are_accepted_in_any_case_and_given_in_title_case(string input, string expected)
    {
        Assert.True(ScriptCodes.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("Latin")]
    [InlineData("Xyzq")]
    [InlineData("")]
    public void unknown_script_codes_are_refused(string input) => Assert.False(ScriptCodes.TryNormalize(input, out _));

    [Theory]
    [InlineData("en", "en")]
    [InlineData("ja-latn", "ja-Latn")]
    [InlineData("ZH-HANT-TW", "zh-Hant-TW")]
    [InlineData("sr-Cyrl-RS", "sr-Cyrl-RS")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("en-US-x-twain", "en-US-x-twain")]
    public void well_formed_language_tags_are_accepted_and_canonicalised(string tag, string canonical)
    {
        Assert.True(LanguageTags.IsWellFormed(tag));
        Assert.Equal(canonical, LanguageTags.Canonicalize(tag));
    }

    [Theory]
    [InlineData("englishlanguage")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("en--US")]
    [InlineData("ja-")]
    public void malformed_language_tags_are_refused(string tag) => Assert.False(LanguageTags.IsWellFormed(tag));

    [Theory]
    [InlineData("5493001KJTIIGC8Y1R12")]
    [InlineData("HWUPKR0MPOU8FGXBT394")]
    [InlineData("7ZW8QJWVPR4P1J1KQY45")]
    [InlineData("5493001kjtiigc8y1r12")]
    [InlineData("5493 001K JTII GC8Y 1R12")]
    public void published_leis_are_valid(string input)
    {
        Assert.True(Lei.TryNormalize(input, out var lei, out var error), error);
        Assert.Equal(20, lei.Length);
        Assert.Equal(lei.ToUpperInvariant(), lei);
    }

    [Theory]
    [InlineData("5493001KJTIIGC8Y1R13", "do not match")]
    [InlineData("5493001KJTIGIC8Y1R12", "do not match")]
    [InlineData("5493001KJTIIGC8Y1R1", "has 19")]
    [InlineData("5493001KJTIIGC8Y1R1$", "contains '$'")]
    [InlineData("5493001KJTIIGC8Y1RAB", "check digits")]
    public void a_mistyped_lei_is_refused_with_the_reason(string input, string reason)
    {
        Assert.False(Lei.TryNormalize(input, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000-0002-1825-0097", "0000-0002-1825-0097")]
    [InlineData("https://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700")]
    [InlineData("000000021694233x", "0000-0002-1694-233X")]
    public void orcid_ids_are_validated_and_given_canonically(string input, string expected)
    {
        Assert.True(Orcid.TryNormalize(input, out var orcid, out var error), error);
        Assert.Equal(expected, orcid);
    }

    [Theory]
    [InlineData("0000-0002-1825-0098", "should be '7'")]
    [InlineData("0000-0002-1825", "has 12 characters")]
    [InlineData("0000-000A-1825-0097", "contains 'A'")]
    public void a_wrong_orcid_is_refused_with_the_reason(string input, string reason)
    {
        Assert.False(Orcid.TryNormalize(input, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void isnis_are_validated_and_given_without_spaces()
    {
        Assert.True(Isni.TryNormalize("0000 0001 2103 2683", out var isni, out _));
        Assert.Equal("0000000121032683", isni);
        Assert.False(Isni.TryNormalize("0000 0001 2103 2684", out _, out var error));
        Assert.Contains("should be '3'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACME Co., Ltd.")]
    [InlineData("株式会社エイクミ")]
    [InlineData("محمد عبد الله")]
    [InlineData("𠮷野家")]
    [InlineData("O'Brien & Sons")]
    public void ordinary_names_in_any_script_are_accepted(string name) => Assert.Null(NameText.Problem(name));

    [Theory]
    [InlineData(null, "empty")]
    [InlineData(" \t ", "empty")]
    [InlineData("Line\nbreak", "control character U+000A")]
    [InlineData("evil\u202Egnp.exe", "bidirectional")]
    [InlineData("iso\u2066late", "bidirectional")]
    [InlineData("non\uFFFEcharacter", "noncharacter")]
    public void unusable_text_is_refused_with_the_reason(string? text, string reason) =>
        Assert.Contains(reason, NameText.Problem(text), StringComparison.Ordinal);

    [Fact]
    public void unpaired_surrogates_are_refused()
    {
        Assert.Contains("unpaired surrogate", NameText.Problem("a\uD800b"), StringComparison.Ordinal);
        Assert.Contains("unpaired surrogate", NameText.Problem("a\uDC00"), StringComparison.Ordinal);
    }

    [Fact]
    public void length_is_counted_in_characters_not_utf16_units()
    {
        Assert.Null(NameText.Problem(string.Concat(Enumerable.Repeat("𠮷", 500))));
        Assert.Contains("at most 500", NameText.Problem(new string('a', 501)), StringComparison.Ordinal);
    }
}
