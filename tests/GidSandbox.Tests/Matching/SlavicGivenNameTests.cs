using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

/// <summary>
/// An East Slavic given name written in Cyrillic meets the forms records abroad write it in (Alexander, Eugene, Pierre)
/// and a Ukrainian name its Russian form; another given name, and a company of that name, do not.
/// </summary>
public sealed class SlavicGivenNameTests
{
    private static HashSet<string> Keys(string name, IdentityKind kind, string country) =>
        NameStandardization.Readings(name, kind, country).SelectMany(r => r.ExactKeys).ToHashSet();

    [Theory]
    [InlineData("Воронцов Александр", "RU", "Alexander Vorontsov")]
    [InlineData("Воронцов Александр", "RU", "Woronzow Alexander")]
    [InlineData("Гусев Евгений", "RU", "Eugene Gusev")]
    [InlineData("Орлова Екатерина", "RU", "Catherine Orlova")]
    [InlineData("Лукин Пётр", "RU", "Pierre Loukine")]
    [InlineData("Ткаченко Володимир", "UA", "Vladimir Tkachenko")]
    [InlineData("Бондаренко Олександр", "UA", "Aleksandr Bondarenko")]
    public void a_given_name_meets_the_form_records_abroad_write_it_in(string cyrillic, string country, string latin)
    {
        var stored = Keys(cyrillic, IdentityKind.NaturalPerson, country);
        Assert.Contains(NameStandardization.Readings(latin, IdentityKind.NaturalPerson, country), r => r.ExactKeys.Any(stored.Contains));
    }

    [Theory]
    [InlineData("Воронцов Алексей", IdentityKind.NaturalPerson, "Alexander Vorontsov")]
    [InlineData("Дроздов Григорий", IdentityKind.NaturalPerson, "Michael Drozdov")]
    [InlineData("Александр", IdentityKind.LegalEntity, "Alexander")]
    public void another_given_name_or_a_company_of_that_name_does_not(string cyrillic, IdentityKind kind, string latin)
    {
        var stored = Keys(cyrillic, kind, "RU");
        Assert.DoesNotContain(NameStandardization.Readings(latin, kind, "RU"), r => r.ExactKeys.Any(stored.Contains));
    }
}
