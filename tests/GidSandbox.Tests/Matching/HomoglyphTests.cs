using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Matching;

// "АСМЕ" and "АСME" below are written with Cyrillic А (U+0410), С (U+0421) and, in the first, М and Е.
[Collection(SandboxCollection.Name)]
public sealed class HomoglyphTests(SandboxFixture sandbox)
{
    private const string Latin = "ACME Widgets Corporation";
    private const string AllCyrillic = "АСМЕ Widgets Corporation";
    private const string Mixed = "АСME Widgets Corporation";

    private Task<JsonObject> Register(string name, string script, string country) =>
        sandbox.GraphQL(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = name, script } }, country } });

    private static JsonObject ErrorOf(JsonObject response) => response["errors"]![0]!.AsObject();

    [Fact]
    public async Task a_latin_name_with_cyrillic_look_alike_letters_is_refused_whatever_script_it_claims()
    {
        var before = await sandbox.CountStreams();

        var mixedAsLatin = ErrorOf(await Register(Mixed, "Latn", "NZ"));
        var mixedAsCyrillic = ErrorOf(await Register(Mixed, "Cyrl", "NZ"));
        var cyrillicAsLatin = ErrorOf(await Register(AllCyrillic, "Latn", "NZ"));

        Assert.Equal(("VALIDATION_FAILED", "input.names[0].text"), (mixedAsLatin.Code(), mixedAsLatin.Fields().Single()));
        Assert.Contains("The word 'АСME' mixes Cyrillic (А, С) and Latin (M, E) letters", mixedAsLatin["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("VALIDATION_FAILED", mixedAsCyrillic.Code());
        Assert.Contains("declared Latn but has letters of another script: Cyrillic (А, С, М, Е)", cyrillicAsLatin["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_cyrillic_spelling_that_looks_like_a_registered_latin_name_is_its_possible_duplicate()
    {
        var latin = await sandbox.ALegalEntity(Latin, "AU");
        var before = await sandbox.CountStreams();

        var error = ErrorOf(await Register(AllCyrillic, "Cyrl", "AU"));

        Assert.Equal("POSSIBLE_DUPLICATE", error.Code());
        Given.AssertJson($$"""[ { "gid": "{{latin.Gid()}}", "score": 1, "matchedName": "{{Latin}}" } ]""", error["extensions"]!["candidates"]);
        Assert.Equal(before, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_latin_name_that_looks_like_a_registered_cyrillic_spelling_is_its_possible_duplicate()
    {
        var cyrillic = (await sandbox.Data(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = AllCyrillic, script = "Cyrl" } }, country = "CA" } }))
            ["registerLegalEntity"]!["identity"]!.AsObject();

        var error = ErrorOf(await Register(Latin, "Latn", "CA"));

        Assert.Equal("POSSIBLE_DUPLICATE", error.Code());
        Given.AssertJson($$"""[ { "gid": "{{cyrillic.Gid()}}", "score": 1, "matchedName": "{{AllCyrillic}}" } ]""", error["extensions"]!["candidates"]);
    }

    [Fact]
    public async Task searching_for_a_homoglyph_spelling_finds_the_latin_party_first()
    {
        var latin = await sandbox.ALegalEntity(Latin, "IE");

        foreach (var spelling in new[] { Mixed, AllCyrillic })
        {
            var found = await sandbox.Data(
                "query ($name: String!) { searchIdentities(name: $name, country: \"IE\") { edges { score node { gid } explanation { matchedName } } } }",
                new { name = spelling });

            var first = found["searchIdentities"]!["edges"]![0]!;
            Given.AssertJson($$"""{ "score": 1, "node": { "gid": "{{latin.Gid()}}" }, "explanation": { "matchedName": "{{Latin}}" } }""", first);
        }
    }
}
