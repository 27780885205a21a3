using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GidSandbox.Identities;

namespace GidSandbox.Tests.Identities;

public sealed class GidTests
{
    private static readonly Arbitrary<Gid> Gids =
        Gen.ArrayOf(Gen.Choose(0, 9), 15).Select(digits => Gid.FromDigits(string.Concat(digits))).ToArbitrary();

    private static readonly Gen<char> AnyCheckCharacter = Gen.Elements("0123456789X".ToCharArray());

    private static string Compact(Gid gid) => gid.Value["GID-".Length..].Replace("-", "", StringComparison.Ordinal);

    private static bool Parses(string text) => Gid.TryParse(text, out _, out _);

    [Property(MaxTest = 500)]
    public Property every_gid_parses_back_from_every_accepted_spelling() => Prop.ForAll(Gids, gid =>
    {
        var digits = Compact(gid);
        return new[]
        {
            gid.Value, gid.Value.ToLowerInvariant(), digits, digits.ToLowerInvariant(), $"GID {digits}", $"  {gid.Value}  ",
            $"{digits[..4]} {digits[4..8]} {digits[8..12]} {digits[12..]}", $"gid-{digits[..8]}-{digits[8..]}",
        }.All(spelling => Gid.Parse(spelling) == gid);
    });

    [Property(MaxTest = 300)]
    public Property every_single_character_change_is_detected() => Prop.ForAll(
        Gids, Gen.Choose(0, 15).ToArbitrary(), AnyCheckCharacter.ToArbitrary(),
        (gid, position, replacement) =>
        {
            var characters = Compact(gid).ToCharArray();
            if (characters[position] == replacement)
            {
                return true;
            }

            characters[position] = replacement;
            return !Parses(new string(characters));
        });

    [Property(MaxTest = 300)]
    public Property every_adjacent_transposition_is_detected() => Prop.ForAll(
        Gids, Gen.Choose(0, 14).ToArbitrary(),
        (gid, position) =>
        {
            var characters = Compact(gid).ToCharArray();
            if (characters[position] == characters[position + 1])
            {
                return true;
            }

            (characters[position], characters[position + 1]) = (characters[position + 1], characters[position]);
            return !Parses(new string(characters));
        });

    [Fact]
    public void new_gids_are_valid_canonical_and_not_sequential()
    {
        var gids = Enumerable.Range(0, 2000).Select(_ => Gid.NewGid()).ToList();

        Assert.All(gids, gid => Assert.Matches(@"^GID-\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", gid.Value));
        Assert.All(gids, gid => Assert.Equal(gid, Gid.Parse(gid.Value)));
        Assert.Equal(gids.Count, gids.Distinct().Count());
        // Each of the 15 digit positions takes every digit: random, not a counter.
        Assert.All(Enumerable.Range(0, 15), position =>
            Assert.Equal(10, gids.Select(g => Compact(g)[position]).Distinct().Count()));
    }

    [Fact]
    public void the_check_character_follows_iso_7064_mod_11_2()
    {
        // The worked example of ISO 7064 MOD 11-2 as ORCID publishes it: 0000-0002-1825-0097.
        Assert.Equal("GID-0000-0002-1825-0097", Gid.FromDigits("000000021825009").Value);
        Assert.Equal("GID-0000-0002-1694-233X", Gid.FromDigits("000000021694233").Value);
    }

    [Theory]
    [InlineData("", "A GID is empty; expected GID-dddd-dddd-dddd-dddC.")]
    [InlineData("GID-1234-5678-9012-34", "A GID has 15 digits and one check character; 'GID-1234-5678-9012-34' has 14; expected GID-dddd-dddd-dddd-dddC.")]
    [InlineData("GID-1234-56Q8-9012-3456", "'GID-1234-56Q8-9012-3456' contains 'Q' at position 12; a GID has only digits, hyphens, spaces and a final check character 0-9 or X.")]
    [InlineData("GID-12X4-5678-9012-3456", "'GID-12X4-5678-9012-3456' has X among its digits; only the final check character can be X.")]
    [InlineData("GID-0000-0002-1825-0098", "The check character of 'GID-0000-0002-1825-0098' is '8' but should be '7'; the GID was probably mistyped.")]
    public void a_malformed_gid_is_refused_with_a_message_that_says_what_is_wrong(string input, string message)
    {
        Assert.False(Gid.TryParse(input, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => Gid.Parse(input)).Message);
    }

    [Fact]
    public void a_gid_round_trips_through_json_in_canonical_form()
    {
        var gid = Gid.FromDigits("000000021694233");

        var json = System.Text.Json.JsonSerializer.Serialize(new { gid });

        Assert.Equal("""{"gid":"GID-0000-0002-1694-233X"}""", json);
        Assert.Equal(gid, System.Text.Json.JsonSerializer.Deserialize<Gid>("\"0000000216942 33x\""));
    }

    [Fact]
    public void every_full_gid_the_readme_and_the_docs_show_is_valid_and_a_mistyped_one_names_the_expected_check_character()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "README.md")))
        {
            directory = directory.Parent;
        }

        var documents = Directory.GetFiles(Path.Combine(directory.FullName, "docs"), "*.md").Append(Path.Combine(directory.FullName, "README.md"));
        var shown = documents.SelectMany(d => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(d), @"GID-\d{4}-\d{4}-\d{4}-\d{3}[\dX]"))
            .Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(shown);
        Assert.All(shown, gid => Assert.True(Parses(gid), $"The documents show {gid}, whose check character is wrong."));
        Assert.False(Gid.TryParse("GID-1234-5678-9012-345X", out _, out var error));
        Assert.Contains("should be '1'", error, StringComparison.Ordinal);
    }
}
