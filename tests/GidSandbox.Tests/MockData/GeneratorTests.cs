using System.Text.Json;
using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Naming;
using GidSandbox.Identities.Registering;
using GidSandbox.MockData;
using GidSandbox.Standards;

namespace GidSandbox.Tests.MockData;

public sealed class GeneratorTests
{
    private static readonly string SmallSet = MockDataFiles.InRepository("mock-data", "small");

    private static MockProfile Small => MockDataFiles.ReadProfiles(MockDataFiles.InRepository("mock-data", "profiles.json"))["small"];

    [Fact]
    public async Task the_same_seed_and_size_give_the_same_bytes()
    {
        var profile = new MockProfile("determinism", 42, 400);
        var first = await Generate(profile);
        await Generate(new MockProfile("other", 43, 150)); // shares the Bogus locales; must not disturb the next run
        var second = await Generate(profile);

        foreach (var file in Directory.GetFiles(first).Select(Path.GetFileName))
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file!)), await File.ReadAllBytesAsync(Path.Combine(second, file!)));
        }
    }

    [Fact]
    public async Task another_seed_gives_another_world()
    {
        var a = await Generate(new MockProfile("a", 1, 50));
        var b = await Generate(new MockProfile("b", 2, 50));
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(a, MockDataFiles.Identities)), await File.ReadAllTextAsync(Path.Combine(b, MockDataFiles.Identities)));
    }

    [Fact]
    public async Task the_committed_small_set_is_exactly_what_the_generator_produces()
    {
        var generated = await Generate(Small);
        var committed = Directory.GetFiles(SmallSet).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Directory.GetFiles(generated).Select(Path.GetFileName).Order().ToArray(), committed);
        foreach (var file in committed)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(generated, file!));
            var actual = await File.ReadAllBytesAsync(Path.Combine(SmallSet, file!));
            Assert.True(
                expected.SequenceEqual(actual),
                $"mock-data/small/{file} differs from the generator's output; regenerate it with: dotnet run --project src/GidSandbox -- generate-mock-data small");
        }
    }

    [Fact]
    public void two_parties_whose_random_streams_coincide_still_get_different_leis()
    {
        // A million parties' 31-bit stream seeds hold a few hundred equal pairs: at 1,000,000 identities two companies
        // of one such pair drew the same LEI, and the loader refused the second.
        var world = new MockWorld(Small);
        var (first, second) = (world.Lei(766_616, new Bogus.Randomizer(7)), world.Lei(12, new Bogus.Randomizer(7)));

        Assert.NotEqual(first, second);
        Assert.All(new[] { first, second }, lei => Assert.True(Lei.TryNormalize(lei, out _, out var error), error));
    }

    [Fact]
    public void the_small_set_has_about_two_thousand_identities_over_fifteen_countries_and_the_scripts_asked_for()
    {
        var registrations = Lines(MockDataFiles.Identities).ToList();
        Assert.Equal(2000, registrations.Count);
        var countries = registrations.Select(r => (r.LegalEntity?.Country ?? r.NaturalPerson!.Country)).Distinct().Count();
        Assert.True(countries >= 15, $"{countries} countries");
        var scripts = registrations.SelectMany(r => r.LegalEntity?.Names ?? r.NaturalPerson!.Names).Select(n => n.Script).ToHashSet();
        Assert.Superset(new HashSet<string> { "Latn", "Cyrl", "Grek", "Hans", "Jpan", "Kore", "Arab", "Hebr", "Thai", "Deva" }, scripts);
        Assert.Contains(registrations, r => r.LegalEntity?.Parent is not null);
        Assert.All(registrations.Select(r => r.LegalEntity is { } le ? le.ContactEmail : r.NaturalPerson!.ContactEmail).OfType<string>(),
            email => Assert.Matches(@"@([a-z0-9-]+\.)?example\.(org|com)$", email));
    }

    [Fact]
    public void every_generated_gid_lei_and_orcid_has_a_valid_check_character()
    {
        var registrations = Lines(MockDataFiles.Identities).ToList();
        Assert.All(registrations, r => Assert.True(Gid.TryParse(r.Gid, out _, out var error), error));
        var leis = registrations.Select(r => r.LegalEntity?.Lei).OfType<string>().ToList();
        var orcids = registrations.Select(r => r.NaturalPerson?.Orcid).OfType<string>().ToList();
        Assert.NotEmpty(leis);
        Assert.NotEmpty(orcids);
        Assert.All(leis, lei => Assert.True(Lei.TryNormalize(lei, out _, out var error), error));
        Assert.All(orcids, orcid => Assert.True(Orcid.TryNormalize(orcid, out _, out var error), error));
    }

    [Fact]
    public void no_orcid_lei_or_gid_is_drawn_twice_in_a_world_of_30000_nor_again_in_the_small_one()
    {
        // When ORCID digits were drawn at random, two parties of this world (the medium profile's seed) drew 0000-0000-3628-3349.
        var medium = MockDataFiles.ReadProfiles(MockDataFiles.InRepository("mock-data", "profiles.json"))["medium"];
        var registrations = new[] { medium with { Identities = 30_000 }, Small }
            .SelectMany(profile => new MockWorld(profile).Parties())
            .SelectMany(party => party.Registrations)
            .ToList();
        var orcids = registrations.Select(r => r.NaturalPerson?.Orcid).OfType<string>().ToList();
        var leis = registrations.Select(r => r.LegalEntity?.Lei).OfType<string>().ToList();

        Assert.Equal(32_000, registrations.Count);
        Assert.True(orcids.Count > 3_000 && leis.Count > 3_000, $"{orcids.Count} ORCID iDs, {leis.Count} LEIs");
        Assert.Empty(Repeated(orcids));
        Assert.Empty(Repeated(leis));
        Assert.Empty(Repeated(registrations.Select(r => r.Gid!)));
    }

    [Fact]
    public async Task every_line_of_a_larger_world_passes_the_api_validation()
    {
        var world = await Generate(new MockProfile("validity", 20261127, 20_000));
        var problems = new List<string>();
        foreach (var file in MockDataFiles.LoadOrder)
        {
            var n = 0;
            foreach (var text in File.ReadLines(Path.Combine(world, file)))
            {
                n++;
                try
                {
                    var line = JsonSerializer.Deserialize<MockLine>(text, MockLine.Json)!;
                    var gid = line.Gid is null ? default : Gid.Parse(line.Gid);
                    _ = line.Type switch
                    {
                        MockLine.RegisterLegalEntity => (object)RegisterLegalEntity.From(line.LegalEntity!, gid, line.Office),
                        MockLine.RegisterNaturalPerson => RegisterNaturalPerson.From(line.NaturalPerson!, gid, line.Office),
                        MockLine.AddName => AddName.From(new AddNameInput { Gid = gid, Name = line.Name! }),
                        MockLine.LinkExternalId => LinkExternalId.From(new LinkExternalIdInput { Gid = gid, Identifier = line.Identifier! }),
                        _ => line,
                    };
                }
                catch (Refusal refusal)
                {
                    problems.Add($"{file}:{n}: {refusal.Message}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void the_ground_truth_agrees_with_the_registrations_links_and_merges()
    {
        var registrations = Lines(MockDataFiles.Identities).ToDictionary(r => r.Gid!);
        var history = Lines(MockDataFiles.History).ToList();
        var truth = File.ReadAllLines(Path.Combine(SmallSet, MockDataFiles.GroundTruth)).Skip(1).Select(l => l.Split(',')).ToList();

        Assert.Equal(registrations.Count, truth.Count);
        Assert.All(truth, row => Assert.Equal(registrations[row[0]].Party, row[1]));
        var merges = history.Where(h => h.Type == MockLine.AcceptMerge).ToList();
        Assert.NotEmpty(merges);
        // Each merge joins two managing offices: one asks, the other accepts, after it.
        Assert.All(merges, m => Assert.Single(history, r => r.Type == MockLine.RequestMerge && r.Gid == m.Gid && r.Merged == m.Merged && r.Office != m.Office && r.At < m.At));
        Assert.Contains(history, h => h.Type == MockLine.AcceptManagementTransfer);
        Assert.All(merges, m => Assert.Equal(registrations[m.Gid!].Party, registrations[m.Merged!].Party));
        Assert.All(history, h => Assert.Equal(registrations[h.Gid!].Party, h.Party));
        var duplicated = registrations.Values.GroupBy(r => r.Party).Where(g => g.Count() > 1).ToList();
        Assert.True(duplicated.Count > merges.Count, "some true duplicates stay unmerged for merge testing");
        Assert.All(duplicated, g => Assert.Single(g, r => r.Variant is null));
        Assert.All(history.Where(h => h.Type == MockLine.LinkExternalId), h => Assert.NotEqual(registrations[h.Gid!].Office, h.Office));
    }

    private static List<string> Repeated(IEnumerable<string> values) =>
        [.. values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}")];

    private static IEnumerable<MockLine> Lines(string file) =>
        File.ReadLines(Path.Combine(SmallSet, file)).Select(l => JsonSerializer.Deserialize<MockLine>(l, MockLine.Json)!);

    private static async Task<string> Generate(MockProfile profile)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-mock-{Guid.NewGuid():N}");
        await MockDataFiles.WriteAsync(new MockWorld(profile), directory);
        return directory;
    }
}
