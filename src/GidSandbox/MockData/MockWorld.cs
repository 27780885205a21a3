using System.Globalization;
using Bogus;
using GidSandbox.Identities;
using GidSandbox.Identities.Registering;
using GidSandbox.Standards;
using NodaTime;

namespace GidSandbox.MockData;

/// <summary>A named size and seed of the mock world (mock-data/profiles.json).</summary>
public sealed record MockProfile(string Name, int Seed, int Identities);

/// <summary>One row of an office's local applicant file, with the ground truth of who it is.</summary>
public sealed record OfficeApplicant(string Office, string Number, string Name, string Country, string Party, string? Gid, string? Variant);

/// <summary>One real-world party of the mock world, with what the offices record of it.</summary>
public sealed record MockParty(string Id, IReadOnlyList<MockLine> Registrations, IReadOnlyList<MockLine> History, IReadOnlyList<OfficeApplicant> Applicants);

/// <summary>
/// The deterministic mock world: party <c>i</c> depends only on the seed and <c>i</c> (its own
/// Bogus randomizer), so any size streams in constant memory and the same seed and size give the
/// same bytes. Registrations happen from <see cref="Start"/> over 18 simulated days; later writes
/// (links, aliases, merges, renames, deactivations) follow each party's registration by hours or days.
/// </summary>
public sealed partial class MockWorld(MockProfile profile)
{
    public static readonly Instant TermsAccepted = Instant.FromUtc(2026, 11, 1, 7, 0);
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 2, 0, 0);
    private static readonly Duration Span = Duration.FromDays(18);
    private const int Year = 2026;

    /// <summary>The size of a world's ranges of applicant numbers and ORCID iDs; a party has at least one registration.</summary>
    public const int MaxParties = 1_000_000;

    private static readonly string[] Renamings = ["Holdings", "Group", "International", "Global", "Innovations"];

    private readonly Dictionary<string, Faker> _fakers = [];

    public MockProfile Profile => profile;

    /// <summary>Each participant accepts the Terms of Use before the first registration.</summary>
    public IEnumerable<MockLine> TermsAcceptances() =>
        MockOffices.All.Select((office, n) => new MockLine
        {
            Type = MockLine.AcceptTermsOfUse,
            At = TermsAccepted + Duration.FromMinutes(17 * n),
            Office = office.Code,
            TermsVersion = "1.0",
        });

    /// <summary>Parties in order until their registrations make exactly the profile's number of identities.</summary>
    public IEnumerable<MockParty> Parties()
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(profile.Identities, MaxParties); // the identifier ranges hold no more
        var remaining = profile.Identities;
        for (var i = 1; remaining > 0; i++)
        {
            var party = Party(i, allowDuplicate: remaining >= 2);
            remaining -= party.Registrations.Count;
            yield return party;
        }
    }

    public static string PartyId(int i) => string.Create(CultureInfo.InvariantCulture, $"P{i:D7}");

    /// <summary>The GID of party <paramref name="i"/>'s first (slot 0) or duplicate (slot 1) registration.</summary>
    public Gid GidOf(int i, int slot) =>
        Gid.FromDigits((Mix(profile.Seed, i, slot, 0x61D) % 1_000_000_000_000_000UL).ToString("D15", CultureInfo.InvariantCulture));

    private MockParty Party(int i, bool allowDuplicate)
    {
        var plan = Plan(i);
        var r = new Randomizer(SeedOf(i, 2));
        var faker = FakerFor(plan.Country.Locale, r);
        var names = plan.Legal ? LegalEntityNames(plan, faker, r) : PersonNames(plan.Country, faker, r);
        var at = Start + Duration.FromSeconds((long)(Span.TotalSeconds * (i - 1.0) / profile.Identities)) + Duration.FromMinutes(r.Number(0, 59));
        var office = r.Bool(0.2f) ? r.ArrayElement(["EP", "US", "IB"]) : plan.Country.Office;
        var number = MockOffices.ApplicantNumber(office, Ordinal(i, 0), plan.Legal, Year);
        var gid = GidOf(i, 0);
        var address = Address(plan.Country, faker);
        var registration = Registration(i, plan, names, office, at, gid, number, address, r);

        var registrations = new List<MockLine> { registration };
        var history = new List<MockLine>();
        var applicants = new List<OfficeApplicant> { new(office, number, names.ForOffice(office, plan.Country), plan.Country.Code, PartyId(i), gid.Value, null) };
        var known = new List<string>(names.All);
        var last = at;

        if (allowDuplicate && r.Bool(0.04f))
        {
            var other = r.ArrayElement(MockOffices.Registering.Where(o => o.Code != office).ToArray()).Code;
            var (kind, text) = Variant(names, r);
            var dupAt = at + Duration.FromHours(r.Number(1, 48));
            var dupNumber = MockOffices.ApplicantNumber(other, Ordinal(i, 1), plan.Legal, Year);
            var duplicate = Duplicate(i, plan, text, other, dupAt, dupNumber, kind);
            registrations.Add(duplicate);
            known.Add(text); // a merge brings the duplicate's name over as an alias
            applicants.Add(new(other, dupNumber, text, plan.Country.Code, PartyId(i), duplicate.Gid, kind));
            if (r.Bool(0.5f))
            {
                last = dupAt + Duration.FromHours(r.Number(24, 72));
                _ = r.ArrayElement(MockOffices.Merging); // the draw of the merging office before merges took two managing offices; kept so the rest of the world stays as it was
                history.AddRange(CrossOfficeMerge(i, gid.Value, office, duplicate.Gid!, other, kind, last));
            }
        }

        if (r.Bool(0.2f))
        {
            var others = MockOffices.Registering.Where(o => o.Code != office && registrations.All(x => x.Office != o.Code)).ToArray();
            foreach (var (other, n) in r.ArrayElements(others, r.Number(1, 2)).Select((o, n) => (o.Code, n)))
            {
                var (kind, text) = Variant(names, r);
                var otherNumber = MockOffices.ApplicantNumber(other, Ordinal(i, 2 + n), plan.Legal, Year);
                var linked = r.Bool(0.6f);
                applicants.Add(new(other, otherNumber, text, plan.Country.Code, PartyId(i), linked ? gid.Value : null, kind));
                if (!linked)
                {
                    continue;
                }

                var linkAt = at + Duration.FromHours(r.Number(1, 72));
                history.Add(new MockLine
                {
                    Type = MockLine.LinkExternalId,
                    At = linkAt,
                    Office = other,
                    Gid = gid.Value,
                    Party = PartyId(i),
                    Identifier = new ExternalIdentifierInput { Scheme = MockOffices.Scheme, Issuer = other, Value = otherNumber },
                });
                if (!known.Any(k => SameName(k, text)))
                {
                    known.Add(text);
                    history.Add(new MockLine
                    {
                        Type = MockLine.AddName,
                        At = linkAt + Duration.FromMinutes(5),
                        Office = other,
                        Gid = gid.Value,
                        Party = PartyId(i),
                        Variant = kind,
                        Name = new NameInput { Text = text, Script = "Latn", Type = NameType.Alias },
                        Reason = $"Spelling used in {other} files.",
                    });
                }
            }
        }

        if (plan.Role == "company" && r.Bool(0.03f))
        {
            var renamed = string.Format(CultureInfo.InvariantCulture, names.Form!.Latin, $"{names.Stem} {r.ArrayElement(Renamings)}");
            if (!known.Any(k => SameName(k, renamed)))
            {
                history.Add(new MockLine
                {
                    Type = MockLine.AddName,
                    At = at + Duration.FromDays(r.Number(2, 4)),
                    Office = office,
                    Gid = gid.Value,
                    Party = PartyId(i),
                    Name = new NameInput { Text = renamed, Script = "Latn", Type = NameType.Legal, Primary = true },
                    Reason = "The company changed its name.",
                });
            }
        }

        if (history.Count == 0 && registrations.Count == 1 && r.Bool(0.01f))
        {
            history.Add(new MockLine
            {
                Type = MockLine.DeactivateIdentity,
                At = at + Duration.FromDays(3),
                Office = office,
                Gid = gid.Value,
                Party = PartyId(i),
                Reason = "Registered in error: the application was withdrawn before filing.",
            });
        }

        if (registrations.Count == 1 && history.All(h => h.Type != MockLine.DeactivateIdentity) && office != plan.Country.Office
            && MockOffices.Registering.Any(o => o.Code == plan.Country.Office) && r.Bool(0.25f))
        {
            // Registered by a regional or international office; the party's national office takes over its management.
            var asked = at + Duration.FromDays(r.Number(5, 9));
            history.Add(new MockLine { Type = MockLine.RequestManagementTransfer, At = asked, Office = plan.Country.Office, Gid = gid.Value, Party = PartyId(i), Reason = $"The party files with {plan.Country.Office}; it keeps the record up to date." });
            history.Add(new MockLine { Type = MockLine.AcceptManagementTransfer, At = asked + Duration.FromHours(r.Number(2, 30)), Office = office, Gid = gid.Value, Party = PartyId(i), Reason = $"{plan.Country.Office} is the party's national office." });
        }

        history.Sort((a, b) => a.At.CompareTo(b.At));
        return new MockParty(PartyId(i), registrations, history, applicants);
    }

    /// <summary>
    /// A duplicate registered by another office merges into the first registration: the two managing offices agree,
    /// one asking (it needs merge rights) and the other accepting. Where neither office merges, the pair stays for the
    /// duplicate report.
    /// </summary>
    private static IEnumerable<MockLine> CrossOfficeMerge(int i, string survivor, string survivorOffice, string merged, string mergedOffice, string kind, Instant at)
    {
        var mayMerge = (string code) => MockOffices.Merging.Any(o => o.Code == code);
        var (asking, accepting) = mayMerge(mergedOffice) ? (mergedOffice, survivorOffice) : mayMerge(survivorOffice) ? (survivorOffice, mergedOffice) : (null, null);
        if (asking is null || accepting is null)
        {
            yield break;
        }

        var line = new MockLine { At = at, Gid = survivor, Merged = merged, Party = PartyId(i), Reason = $"Same party registered twice ({kind} variant of the name)." };
        yield return line.With(MockLine.RequestMerge, asking, at);
        yield return line.With(MockLine.AcceptMerge, accepting, at + Duration.FromHours(2 + (i % 29)));
    }

    private MockLine Registration(int i, PartyPlan plan, PartyNames names, string office, Instant at, Gid gid, string number, AddressInput address, Randomizer r)
    {
        ExternalIdentifierInput[] identifiers = [new() { Scheme = MockOffices.Scheme, Issuer = office, Value = number }];
        var line = new MockLine { Type = plan.Legal ? MockLine.RegisterLegalEntity : MockLine.RegisterNaturalPerson, At = at, Office = office, Gid = gid.Value, Party = PartyId(i), Role = plan.Role };
        if (plan.Legal)
        {
            line.LegalEntity = new RegisterLegalEntityInput
            {
                Names = names.Inputs,
                Country = plan.Country.Code,
                Address = address,
                LegalForm = names.Form?.Elf,
                Lei = plan.Role is "company" or "institute" && r.Bool(0.35f) ? Lei(i, r) : null,
                Parent = plan.Role == "company" && plan.Country.IsLatin && r.Bool(0.15f) ? ParentOf(i, r) : null,
                ContactEmail = r.Bool(0.4f) ? $"ip@{Slug(names.Stem)}-{i}.example.com" : null,
                ExternalIdentifiers = identifiers,
            };
        }
        else
        {
            line.NaturalPerson = new RegisterNaturalPersonInput
            {
                Names = names.Inputs,
                Country = plan.Country.Code,
                Address = address,
                Orcid = r.Bool(plan.Role == "inventor" ? 0.3f : 0.05f) ? Orcid(i, r) : null,
                ContactEmail = r.Bool(0.3f) ? $"{Slug(names.Latin)}.{i}@example.org" : null,
                ExternalIdentifiers = identifiers,
            };
        }

        return line;
    }

    /// <summary>The second registration of a party by another office, under its spelling and with less detail.</summary>
    private MockLine Duplicate(int i, PartyPlan plan, string text, string office, Instant at, string number, string kind)
    {
        NameInput[] names = [new() { Text = text, Script = "Latn" }];
        ExternalIdentifierInput[] identifiers = [new() { Scheme = MockOffices.Scheme, Issuer = office, Value = number }];
        var line = new MockLine
        {
            Type = plan.Legal ? MockLine.RegisterLegalEntity : MockLine.RegisterNaturalPerson,
            At = at,
            Office = office,
            Gid = GidOf(i, 1).Value,
            Party = PartyId(i),
            Role = plan.Role,
            Variant = $"duplicate: {kind}",
        };
        if (plan.Legal)
        {
            line.LegalEntity = new RegisterLegalEntityInput { Names = names, Country = plan.Country.Code, ExternalIdentifiers = identifiers };
        }
        else
        {
            line.NaturalPerson = new RegisterNaturalPersonInput { Names = names, Country = plan.Country.Code, ExternalIdentifiers = identifiers };
        }

        return line;
    }

    /// <summary>A parent among the recent companies, or none; the parent's first registration is always loaded before.</summary>
    private Gid? ParentOf(int i, Randomizer r)
    {
        for (var attempt = 0; attempt < 5 && i > 1; attempt++)
        {
            var j = i - 1 - r.Number(0, Math.Min(199, i - 2));
            if (Plan(j).Role == "company")
            {
                return GidOf(j, 0);
            }
        }

        return null;
    }

    private sealed record PartyPlan(Country Country, bool Legal, string Role);

    /// <summary>What a party is, from a randomizer of its own, so a subsidiary can ask it of its parent cheaply.</summary>
    private PartyPlan Plan(int i)
    {
        var r = new Randomizer(SeedOf(i, 1));
        var country = Countries.Pick(r.Double());
        var legal = r.Bool(0.45f);
        var role = legal
            ? r.WeightedRandom(["company", "university", "institute", "government"], [0.75f, 0.1f, 0.08f, 0.07f])
            : r.WeightedRandom(["inventor", "applicant", "agent"], [0.6f, 0.25f, 0.15f]);
        return new PartyPlan(country, legal, role);
    }

    private Faker FakerFor(string locale, Randomizer r)
    {
        if (!_fakers.TryGetValue(locale, out var faker))
        {
            _fakers[locale] = faker = new Faker(locale);
        }

        faker.Random = r;
        return faker;
    }

    private static AddressInput Address(Country country, Faker faker) => new()
    {
        Lines = [Clean(faker.Address.StreetAddress())],
        City = Clean(faker.Address.City()),
        PostalCode = Clean(faker.Address.ZipCode()),
        Country = country.Code,
    };

    /// <summary>
    /// Some Bogus locales put direction marks (U+200F) into Arabic text; the API refuses them in
    /// names and addresses, so they are taken out here rather than left to fail a load.
    /// </summary>
    private static string Clean(string text) =>
        string.Concat(text.Where(c => c is not ('\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))).Trim();

    /// <summary>
    /// An LEI from the made-up LOU prefix MOCK, with MOD 97-10 check digits that the API's validator accepts: five random
    /// characters, then the world's block and party <paramref name="i"/>'s own number shuffled (as <see cref="Orcid"/>), so
    /// no two parties share one. Each party's random stream has a 31-bit seed; a million parties hold a few hundred pairs
    /// of equal seeds, and fully random LEIs made the loader refuse the second of such a pair as a CONFLICT.
    /// </summary>
    internal string Lei(int i, Randomizer r)
    {
        var random = r.String2(12, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"); // twelve drawn, as before, so the rest of the world stays as it was
        var body = string.Create(CultureInfo.InvariantCulture, $"MOCK00{random[..5]}{Block}{Shuffle(i - 1):D6}");
        var check = Enumerable.Range(0, 100).Select(n => n.ToString("D2", CultureInfo.InvariantCulture)).First(c => Iso7064.IsValidMod97(body + c));
        return body + check;
    }

    /// <summary>
    /// An ORCID-style iD in the block 0000-0000-…, with its MOD 11-2 check character: party <paramref name="i"/>'s own
    /// number in a range of 1,000,000 chosen by the seed modulo 9 (as <see cref="Ordinal"/>), shuffled so that neighbouring
    /// parties do not hold neighbouring iDs. Random digits were drawn twice in a world of 100,000 identities, and the
    /// loader refused the second registration as a CONFLICT.
    /// </summary>
    private string Orcid(int i, Randomizer r)
    {
        _ = r.String2(7, "0123456789"); // the draw of the random digits this replaced; kept so the rest of the world stays as it was
        var digits = (Block + 1) * 1_000_000L + Shuffle(i - 1);
        var body = digits.ToString("D15", CultureInfo.InvariantCulture);
        var compact = body + Iso7064.Mod11Check(body);
        return $"{compact[..4]}-{compact[4..8]}-{compact[8..12]}-{compact[12..]}";
    }

    /// <summary>A permutation of 0…999,999 keyed by the seed: four Feistel rounds over its two halves of three digits.</summary>
    private int Shuffle(int n)
    {
        var (left, right) = (n / 1000, n % 1000);
        for (var round = 0; round < 4; round++)
        {
            (left, right) = (right, (left + (int)(Mix(profile.Seed, right, round, 0x0C1D) % 1000)) % 1000);
        }

        return (left * 1000) + right;
    }

    /// <summary>
    /// The applicant ordinal of party <paramref name="i"/>'s <paramref name="slot"/>-th office record:
    /// worlds whose seeds differ modulo 9 use disjoint ranges of 4,000,000 (up to 1,000,000 parties),
    /// so two profiles loaded into one registry never claim the same applicant number.
    /// </summary>
    private long Ordinal(int i, int slot) => (Block * 4_000_000L) + (i * 4L) + slot;

    /// <summary>Which of nine disjoint ranges of identifiers this world's seed takes.</summary>
    private int Block => ((profile.Seed % 9) + 9) % 9;

    private int SeedOf(int i, int stream) => (int)(Mix(profile.Seed, i, stream, 0x5EED) & 0x7FFF_FFFF);

    private static ulong Mix(int seed, int i, int slot, int salt)
    {
        // SplitMix64 over the four inputs: stable across runs and platforms, unlike string.GetHashCode.
        var x = ((ulong)(uint)seed << 32) ^ (uint)i;
        x = Step(x ^ ((ulong)(uint)slot << 40) ^ (uint)salt);
        return Step(x);

        static ulong Step(ulong z)
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static bool SameName(string a, string b) =>
        string.Equals(NameText.Normalize(a), NameText.Normalize(b), StringComparison.OrdinalIgnoreCase);
}
