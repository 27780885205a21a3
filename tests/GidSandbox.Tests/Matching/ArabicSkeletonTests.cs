using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>
/// Names in Arabic, Persian or Urdu letters are kept as consonant skeletons that their spellings in Latin letters meet,
/// registered and matched over GraphQL; a candidate met only so does not stand in the way of one met as spelt.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ArabicSkeletonTests(SandboxFixture sandbox)
{
    private const string Match = """
        query ($records: [MatchRecordInput!]!) {
          matchIdentities(records: $records) { reference decision gid candidates { gid score explanation { features } } }
        }
        """;

    /// <summary>
    /// A made-up word: Arabic consonants with no vowel written, and its Latin spelling with the vowel the caller gives
    /// after each consonant; it starts with neither ال nor لل, which are read as the article.
    /// </summary>
    private static (string Latin, string Arabic) Word(char vowel)
    {
        const string latin = "bdfklmnrst";
        const string arabic = "بدفكلمنرست";
        var bytes = Guid.NewGuid().ToByteArray();
        var picks = Enumerable.Range(0, 5).Select(i => bytes[i] % latin.Length).ToList();
        picks[0] = picks[0] == latin.IndexOf('l', StringComparison.Ordinal) ? 0 : picks[0];
        var spelt = string.Concat(picks.Select(i => $"{latin[i]}{vowel}"));
        return (char.ToUpperInvariant(spelt[0]) + spelt[1..], string.Concat(picks.Select(i => arabic[i])));
    }

    private async Task<string> RegisterAsync(string name, string script, string country, string? anotherPartyThan = null) =>
        (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new
            {
                names = new[] { new { text = name, script } },
                country,
                duplicateOverride = anotherPartyThan is null ? null : new { reason = $"Another person than {anotherPartyThan}, of the same consonants." },
            },
        }))["registerNaturalPerson"]!["identity"]!.AsObject().Gid();

    private async Task<Dictionary<string, (string Decision, string? Gid, string[] Features)>> MatchAsync(params object[] records) =>
        (await sandbox.Data(Match, new { records }))["matchIdentities"]!.AsArray().ToDictionary(
            r => r!["reference"]!.GetValue<string>(),
            r => (r!["decision"]!.GetValue<string>(), r["gid"]?.GetValue<string>(),
                r["candidates"]!.AsArray().FirstOrDefault()?["explanation"]!["features"]!.AsArray().Select(f => f!.GetValue<string>()).ToArray() ?? []));

    [Fact]
    public async Task a_person_stored_in_arabic_letters_alone_is_matched_by_a_spelling_in_latin_letters()
    {
        var (given, givenArabic) = Word('a');
        var (family, familyArabic) = Word('i');
        var gid = await RegisterAsync($"{givenArabic} ال{familyArabic}", "Arab", "JO");

        var results = await MatchAsync(
            new { reference = "spaced", names = new[] { $"{given} Al {family}" }, kind = "NATURAL_PERSON" },
            new { reference = "glued", names = new[] { $"{given} Al{family.ToLowerInvariant()}" }, kind = "NATURAL_PERSON", country = "JO" },
            new { reference = "elsewhere", names = new[] { $"{given} Al {family}" }, kind = "NATURAL_PERSON", country = "DE" });

        Assert.Equal(("MATCH", gid), (results["spaced"].Decision, results["spaced"].Gid));
        Assert.Equal(["CONSONANT_SKELETON"], results["spaced"].Features);
        Assert.Equal(("MATCH", gid), (results["glued"].Decision, results["glued"].Gid));
        Assert.NotEqual("MATCH", results["elsewhere"].Decision);
    }

    [Fact]
    public async Task a_person_met_as_spelt_is_matched_beside_another_whose_arabic_name_has_the_same_consonants()
    {
        var (given, givenArabic) = Word('a');
        var (family, familyArabic) = Word('u');
        var latin = await RegisterAsync($"{given.Replace('a', 'i')} {family}", "Latn", "LB");
        // Its duplicate check sees the Latin-registered person by skeleton (as a query in Arabic letters would).
        var arabic = await RegisterAsync($"{givenArabic} {familyArabic}", "Arab", "LB", anotherPartyThan: latin);

        // One letter doubled: the Latin-registered person as a romanisation variant (0.95), the other by skeleton (0.90).
        var doubled = given.Replace('a', 'i');
        doubled = doubled[..2] + doubled[1] + doubled[2..];
        var results = await MatchAsync(new { reference = "query", names = new[] { $"{doubled} {family}" }, kind = "NATURAL_PERSON", country = "LB" });

        Assert.Equal(("MATCH", latin), (results["query"].Decision, results["query"].Gid));
        Assert.NotEqual(arabic, latin);
    }

    [Theory]
    [InlineData("رنا", "Rana")]
    [InlineData("الخطيب", "Alkhatib")]
    [InlineData("باسل", "Bassel")]
    [InlineData("حداد", "Hadad")]
    [InlineData("رشيد", "Rachid")]
    [InlineData("رشيد", "Rashid")]
    [InlineData("رضایی", "Rezaei")]
    [InlineData("قریشی", "Qureshi")]
    [InlineData("نواف", "Nawaf")]
    [InlineData("محمد", "Muhammad")]
    [InlineData("یوسف", "Youssef")]
    public void an_arabic_word_and_its_usual_spellings_have_one_skeleton(string arabic, string latin) =>
        Assert.Contains(Assert.Single(Skeletons.LatinForArabic([NameStandardization.FoldSpellings(latin.ToLowerInvariant())])), Skeletons.ArabicWord(arabic));

    [Theory]
    [InlineData("محمود", "Mohammed")]
    [InlineData("حسين", "Hassan")]
    [InlineData("باسم", "Basel")]
    public void listed_names_and_other_consonants_keep_apart(string arabic, string latin) =>
        Assert.DoesNotContain(Assert.Single(Skeletons.LatinForArabic([latin.ToLowerInvariant()])), Skeletons.ArabicWord(arabic));

    [Fact]
    public void a_query_looks_for_the_arabic_skeleton_only_for_countries_written_in_arabic_letters_or_none()
    {
        static bool Looks(string? country) =>
            new MatchQuery(["Rana Al Khatib"], IdentityKind.NaturalPerson, country, []).Standardized.Any(s => s.Standard.Scheme == "ar-skeleton-latin");

        Assert.True(Looks(null));
        Assert.True(Looks("IR"));
        Assert.False(Looks("DE"));
    }
}
