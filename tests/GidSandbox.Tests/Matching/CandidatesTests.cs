using GidSandbox.Identities;
using GidSandbox.Matching;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace GidSandbox.Tests.Matching;

public class WordVariantsTests
{
    [Theory]
    [InlineData("semiconductor", "semicnductor")]
    [InlineData("electronics", "eleectronics")]
    [InlineData("nakamura", "nakamora")]
    [InlineData("research", "reseacrh")]
    public void words_one_letter_apart_share_a_variant(string word, string misspelt) =>
        Assert.NotEmpty(Candidates.WordVariants(word).Intersect(Candidates.WordVariants(misspelt)));

    [Theory]
    [InlineData("nakamura", "nakajima")]
    [InlineData("taro", "jiro")]
    [InlineData("wei", "wai")]
    public void words_further_apart_or_too_short_for_a_typo_share_none(string word, string other) =>
        Assert.Empty(Candidates.WordVariants(word).Intersect(Candidates.WordVariants(other)));

    [Fact]
    public void a_profile_holds_its_words_with_their_variants_but_not_its_initials()
    {
        var profile = MatchProfile.Registered(Gid.Parse("GID-0000-0000-0000-0001"), IdentityKind.NaturalPerson, "GB", "GB", null,
            [new Name(1, "J. Smith", "Latn", null, NameType.Primary, true), new Name(2, "Li Smith", "Latn", null, NameType.Alias, false)]);

        Assert.Equal(["smith", "mith", "sith", "smth", "smih", "smit", "li"], profile.Words);
    }
}

/// <summary>Each step of finding candidates (docs/matching.md, Finding candidates), against the real index.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CandidatesTests(SandboxFixture sandbox)
{
    private async Task<List<string>> CandidatesOf(string name, IdentityKind kind, string country)
    {
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        var found = await Candidates.FindAsync(store, [new MatchQuery([name], kind, country, [])], CancellationToken.None);
        return [.. found[0].Where(p => p.Country == country).Select(p => p.Id)];
    }

    [Fact]
    public async Task a_name_with_a_word_one_letter_off_is_found_by_its_words()
    {
        var word = Given.UniqueWord();
        var company = await sandbox.ALegalEntity($"{word} Semiconductor Research", "US");

        Assert.Contains(company.Gid(), await CandidatesOf($"{word} Semicnductor Reseacrh", IdentityKind.LegalEntity, "US"));
    }

    [Fact]
    public async Task a_name_holding_all_the_words_but_one_is_found_and_one_holding_fewer_is_not()
    {
        var word = Given.UniqueWord();
        var person = await sandbox.ANaturalPerson($"Hans {word}", "DE");
        await sandbox.ANaturalPerson($"Jiro {word}", "DE");

        Assert.Equal([person.Gid()], await CandidatesOf($"Hans Peter {word}", IdentityKind.NaturalPerson, "DE"));
    }

    [Fact]
    public async Task the_holder_of_a_rare_word_is_a_candidate_before_the_many_holders_of_a_common_one()
    {
        var word = Given.UniqueWord();
        // More holders of "Taro" than a name keeps candidates, each with fewer words than the holder of the rare word.
        foreach (var _ in Enumerable.Range(0, Candidates.PerQueryName + 5))
        {
            await sandbox.ANaturalPerson($"Taro {Given.UniqueWord()}", "JP");
        }

        var rare = await sandbox.ANaturalPerson($"Jiro {word} {Given.UniqueWord()} {Given.UniqueWord()}", "JP");

        Assert.Contains(rare.Gid(), await CandidatesOf($"{word} Taro", IdentityKind.NaturalPerson, "JP"));
    }

    [Fact]
    public async Task a_word_held_by_more_identities_than_a_set_takes_finds_none_of_them_alone()
    {
        var (few, many) = (Given.UniqueWord(), Given.UniqueWord());
        var holders = new List<string>();
        foreach (var i in Enumerable.Range(0, Candidates.MaxHolders + 1))
        {
            var holder = await sandbox.ANaturalPerson($"{Given.UniqueWord()} {many}", "FI");
            if (i < Candidates.MaxHolders)
            {
                await sandbox.ANaturalPerson($"{Given.UniqueWord()} {few}", "FI");
            }

            holders.Add(holder.Gid());
        }

        // The other word of each query is held by no one, and too long for the trigrams to find a name by the one word shared.
        var absent = Given.UniqueWord() + Given.UniqueWord();
        Assert.Equal(Candidates.PerQueryName, (await CandidatesOf($"{absent} {few}", IdentityKind.NaturalPerson, "FI")).Count);
        Assert.Empty((await CandidatesOf($"{absent} {many}", IdentityKind.NaturalPerson, "FI")).Intersect(holders));
    }

    [Fact]
    public async Task a_set_of_words_found_common_among_people_is_left_out_for_people_but_still_searched_for_a_company()
    {
        var many = Given.UniqueWord();
        var holders = new List<string>();
        foreach (var _ in Enumerable.Range(0, Candidates.MaxHolders + 1))
        {
            holders.Add((await sandbox.ANaturalPerson($"{Given.UniqueWord()} {many}", "NO")).Gid());
        }

        var company = await sandbox.ALegalEntity($"{Given.UniqueWord()} {many}", "NO");
        var absent = Given.UniqueWord() + Given.UniqueWord();

        // The first search finds the set common; the second leaves it out without looking, and finds the same.
        var first = await CandidatesOf($"{absent} {many}", IdentityKind.NaturalPerson, "NO");
        Assert.Empty(first.Intersect(holders));
        Assert.Equal(first, await CandidatesOf($"{absent} {many}", IdentityKind.NaturalPerson, "NO"));

        // Among companies the word has one holder: the set is searched, and finds it.
        Assert.Equal([company.Gid()], await CandidatesOf($"{absent} {many}", IdentityKind.LegalEntity, "NO"));
    }

    [Fact]
    public async Task a_name_the_words_cannot_find_is_found_by_its_trigrams()
    {
        var word = Given.UniqueWord().ToLowerInvariant();
        var company = await sandbox.ALegalEntity($"{word} Robotics", "NZ");

        // Other spacing and a typo at once: no word of the query is a word of the name, or one letter from it.
        Assert.Contains(company.Gid(), await CandidatesOf($"{word[..6]} {word[6..]} Robotcs", IdentityKind.LegalEntity, "NZ"));
    }

    [Fact]
    public async Task candidates_are_of_the_kind_and_country_asked_for()
    {
        var word = Given.UniqueWord();
        var wanted = await sandbox.ALegalEntity($"{word} Maschinenbau", "AT");
        var swiss = await sandbox.ALegalEntity($"{word} Maschinenbau", "CH");
        var person = await sandbox.ANaturalPerson($"{word} Maschinenbau", "AT");

        var found = await CandidatesOf($"{word} Maschinenbaw", IdentityKind.LegalEntity, "AT");
        Assert.DoesNotContain(swiss.Gid(), found);
        Assert.DoesNotContain(person.Gid(), found);
        Assert.Equal([wanted.Gid()], found);
    }
}
