using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>A Greek given name registered in its formal form meets its everyday form and back, over GraphQL.</summary>
[Collection(SandboxCollection.Name)]
public sealed class GreekGivenNameTests(SandboxFixture sandbox)
{
    private const string Match = """
        query ($records: [MatchRecordInput!]!) { matchIdentities(records: $records) { reference decision gid } }
        """;

    // Syllables every Greek scheme writes alike (a consonant and α or ο), so that only the given name needs the rule.
    private static (string Latin, string Greek) Family()
    {
        const string latin = "klmnprt";
        const string greek = "κλμνπρτ";
        var bytes = Guid.NewGuid().ToByteArray();
        var picks = Enumerable.Range(0, 4).Select(i => (bytes[i] % latin.Length, bytes[i + 4] % 2)).ToList();
        var l = string.Concat(picks.Select(p => $"{latin[p.Item1]}{"ao"[p.Item2]}")) + "kis";
        var g = string.Concat(picks.Select(p => $"{greek[p.Item1]}{"αο"[p.Item2]}")) + "κης";
        return (char.ToUpperInvariant(l[0]) + l[1..], char.ToUpperInvariant(g[0]) + g[1..]);
    }

    [Fact]
    public async Task a_formal_given_name_meets_its_everyday_form_and_another_given_name_does_not()
    {
        var (latin, greek) = Family();
        var formal = (await sandbox.Data(Given.RegisterNaturalPerson, new { input = new { names = new[] { new { text = $"{greek} Γεώργιος", script = "Grek" } }, country = "GR" } }))
            ["registerNaturalPerson"]!["identity"]!.AsObject().Gid();
        var (latin2, greek2) = Family();
        var everyday = (await sandbox.Data(Given.RegisterNaturalPerson, new { input = new { names = new[] { new { text = $"Γιάννης {greek2}", script = "Grek" } }, country = "GR" } }))
            ["registerNaturalPerson"]!["identity"]!.AsObject().Gid();

        var results = (await sandbox.Data(Match, new
        {
            records = new object[]
            {
                new { reference = "giorgos", names = new[] { $"Giorgos {latin}" }, kind = "NATURAL_PERSON", country = "GR" },
                new { reference = "ioannis", names = new[] { $"Ioannis {latin2}" }, kind = "NATURAL_PERSON", country = "GR" },
                new { reference = "other", names = new[] { $"Stelios {latin}" }, kind = "NATURAL_PERSON", country = "GR" },
            },
        }))["matchIdentities"]!.AsArray().ToDictionary(r => r!["reference"]!.GetValue<string>(), r => (r!["decision"]!.GetValue<string>(), r["gid"]?.GetValue<string>()));

        Assert.Equal(("MATCH", formal), results["giorgos"]);
        Assert.Equal(("MATCH", everyday), results["ioannis"]);
        Assert.NotEqual("MATCH", results["other"].Item1);
    }

    [Theory]
    [InlineData("Γιάννης Αλεξίου", "Yannis Alexiou")]
    [InlineData("Γεώργιος Παπαδάκης", "Yiorgos Papadakis")]
    [InlineData("Δημήτριος Βασιλείου", "Dimitris Vassiliou")]
    [InlineData("Κατερίνα Δρόσου", "Aikaterini Drosou")]
    public void a_given_name_is_read_in_its_other_form_and_greek_gi_as_y(string greek, string latin)
    {
        var stored = NameStandardization.Readings(greek, IdentityKind.NaturalPerson, "GR").SelectMany(r => r.ExactKeys).ToHashSet();
        Assert.Contains(NameStandardization.Readings(latin, IdentityKind.NaturalPerson, "GR"), r => r.ExactKeys.Any(stored.Contains));
    }
}
