using GidSandbox.GraphQL;
using GidSandbox.Identities.Linking;
using GidSandbox.Matching;
using GidSandbox.Standards;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Identities.Registering;

public sealed class RegisterNaturalPersonInput
{
    public IReadOnlyList<NameInput> Names { get; set; } = [];

    public string Country { get; set; } = "";

    public AddressInput? Address { get; set; }

    public string? Orcid { get; set; }

    public string? Isni { get; set; }

    public string? ContactEmail { get; set; }

    public IReadOnlyList<ExternalIdentifierInput>? ExternalIdentifiers { get; set; }

    public string? IdempotencyKey { get; set; }

    public DuplicateOverrideInput? DuplicateOverride { get; set; }
}

public sealed record RegisterNaturalPerson(
    Gid Gid,
    IReadOnlyList<Name> Names,
    string Country,
    Address? Address,
    string? Orcid,
    string? Isni,
    string? ContactEmail,
    string RegisteringOffice,
    IReadOnlyList<ExternalIdentifier> ExternalIdentifiers) : IRegistration
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [];

    public IReadOnlyList<ExternalIdentifier> Claims =>
        [.. ExternalIdentifiers, .. ExternalIdentifier.Globals(null, Orcid, Isni, RegisteringOffice)];

    /// <summary>The caller's reason to register despite possible duplicates; the handler adds the candidates it found.</summary>
    public DuplicateOverride? DuplicateOverride { get; init; }

    public static RegisterNaturalPerson From(RegisterNaturalPersonInput input, Gid gid, string registeringOffice)
    {
        var problems = new Problems();
        var names = InputRules.ParseNames(problems, "input.names", input.Names, NameType.Primary);
        var country = InputRules.ParseCountry(problems, "input.country", input.Country);
        var address = InputRules.ParseAddress(problems, "input.address", input.Address);
        string? orcid = null, isni = null;
        if (input.Orcid is not null && !Standards.Orcid.TryNormalize(input.Orcid, out orcid, out var orcidProblem))
        {
            problems.Add("input.orcid", orcidProblem!);
        }

        if (input.Isni is not null && !Standards.Isni.TryNormalize(input.Isni, out isni, out var isniProblem))
        {
            problems.Add("input.isni", isniProblem!);
        }

        var email = InputRules.ParseContactEmail(problems, "input.contactEmail", input.ContactEmail);
        var identifiers = InputRules.ParseExternalIdentifiers(problems, "input.externalIdentifiers", input.ExternalIdentifiers);
        var duplicateOverride = DuplicateCheck.Parse(problems, "input.duplicateOverride", input.DuplicateOverride);
        problems.ThrowIfAny();
        return new RegisterNaturalPerson(gid, names, country, address, orcid, isni, email, registeringOffice, identifiers) { DuplicateOverride = duplicateOverride };
    }

    /// <summary>The registration's events: every name, the address and each identifier asserted by the registering office, now.</summary>
    public Decision Decide(Facts facts, Writer by)
    {
        ExternalIdentifierClaim.EnsureFree(facts, Gid, Claims);
        var (names, address, identifiers) = Provenance.Stamp(Names, Address, ExternalIdentifiers, RegisteringOffice, by.At);
        return new Decision(Gid, [new Appended(Gid,
        [
            new NaturalPersonRegistered(Gid, names, Country, address, Orcid, Isni, ContactEmail, RegisteringOffice, Synthetic: true, DuplicateOverride),
            .. identifiers.Select(x => new ExternalIdentifierLinked(x)),
        ], Starts: true)]);
    }

    public async Task<IRegistration> CheckForDuplicatesAsync(IDocumentSession session, Facts facts, CancellationToken ct) =>
        this with { DuplicateOverride = await DuplicateCheck.CheckAsync(session, IdentityKind.NaturalPerson, Country, Names, DuplicateOverride, ct) };

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("registerNaturalPerson")
            .Description("Registers a natural person (inventor, applicant, agent) and gives it a new GID.")
            .Argument<NonNullGraphType<RegisterNaturalPersonInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegisterNaturalPersonInput>("input");
                var request = ctx.WriteRequest(input.IdempotencyKey, null);
                var command = From(input, Gid.NewGid(), request.Actor.Office);
                return await Writes.RunAsync(ctx.Store(), request, ctx.Writer(), "registerNaturalPerson", input, command, ctx.CancellationToken);
            });
}

public sealed class RegisterNaturalPersonInputGraphType : InputObjectGraphType<RegisterNaturalPersonInput>
{
    public RegisterNaturalPersonInputGraphType()
    {
        Name = "RegisterNaturalPersonInput";
        Field(x => x.Names, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<NameInputGraphType>>>));
        Field(x => x.Country, type: typeof(NonNullGraphType<CountryCodeGraphType>));
        Field(x => x.Address, type: typeof(AddressInputGraphType));
        Field(x => x.Orcid, nullable: true).Description("ORCID iD, e.g. 0000-0002-1825-0097.");
        Field(x => x.Isni, nullable: true).Description("ISNI, e.g. 0000 0001 2103 2683.");
        Field(x => x.ContactEmail, nullable: true).Description("Mock data only: an address in a reserved example domain (RFC 2606), e.g. ann@example.org.");
        Field(x => x.ExternalIdentifiers, type: typeof(ListGraphType<NonNullGraphType<ExternalIdentifierInputGraphType>>));
        Field(x => x.DuplicateOverride, type: typeof(DuplicateOverrideInputGraphType)).Description("Register even though the duplicate check finds a look-alike (POSSIBLE_DUPLICATE); recorded on the registration.");
        Field(x => x.IdempotencyKey, nullable: true).Description("Repeat a request with the same key to get its first result instead of a second registration.");
    }
}
