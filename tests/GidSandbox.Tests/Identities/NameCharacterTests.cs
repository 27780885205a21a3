namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class NameCharacterTests(SandboxFixture sandbox)
{
    [Theory]
    [InlineData("\u200B", "U+200B ZERO WIDTH SPACE")]
    [InlineData("\u200D", "U+200D ZERO WIDTH JOINER")]
    [InlineData("\uFEFF", "U+FEFF ZERO WIDTH NO-BREAK SPACE")]
    [InlineData("\u00AD", "U+00AD SOFT HYPHEN")]
    [InlineData("\u034F", "U+034F COMBINING GRAPHEME JOINER")]
    [InlineData("\u2028", "U+2028 LINE SEPARATOR")]
    [InlineData("\u180E", "U+180E MONGOLIAN VOWEL SEPARATOR")]
    [InlineData("\uE000", "U+E000")]
    [InlineData("\U000E0041", "U+E0041 TAG LATIN CAPITAL LETTER A")]
    [InlineData("\uFE0F", "U+FE0F VARIATION SELECTOR-16")]
    public async Task a_registration_with_an_invisible_character_in_a_name_is_refused_naming_it_and_stores_nothing(string character, string named)
    {
        var before = await sandbox.CountStreams();

        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = $"ACME{character} {Given.UniqueWord()} Widgets", script = "Latn" } }, country = "GB" },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.names[0].text"], error.Fields());
        Assert.Contains($"{named} at position 4", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await sandbox.CountStreams());
    }

    [Fact]
    public async Task invisible_characters_are_refused_in_addresses_and_reasons_too()
    {
        var before = await sandbox.CountStreams();

        var error = await sandbox.Error(Given.RegisterLegalEntity, new
        {
            input = new
            {
                names = new[] { new { text = $"ACME {Given.UniqueWord()} Widgets", script = "Latn" } },
                country = "GB",
                address = new { lines = new[] { "1 High\u200BStreet" }, city = "Lon\u00ADdon", country = "GB" },
                duplicateOverride = new { reason = "Another\u2060party" },
            },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.address.lines[0]", "input.address.city", "input.duplicateOverride.reason"], error.Fields());
        Assert.Contains("U+200B ZERO WIDTH SPACE", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_persian_name_keeps_its_zero_width_non_joiner()
    {
        var data = await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = $"می\u200Cخواهم {Given.UniqueWord()}", script = "Arab" } }, country = "IR" },
        });

        Assert.StartsWith("می\u200Cخواهم", data["registerNaturalPerson"]!["identity"]!["primaryName"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
