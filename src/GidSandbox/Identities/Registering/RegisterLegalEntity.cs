using GidSandbox.GraphQL;
using GidSandbox.Identities.Linking;
using GidSandbox.Matching;
using GidSandbox.Standards;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Identities.Registering;

public sealed class RegisterLegalEntityInput : IWriteInput
{
    public IReadOnlyList<NameInput> Names { get; set; } = [];

    public string Country { get; set; } = "";

    public AddressInput? Address { get; set; }

    public string? LegalForm { get; set; }

    public string? RegistrationAuthority { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? Lei { get; set; }

    public Gid? Parent { get; set; }

    public string? ContactEmail { get; set; }

    public IReadOnlyList<ExternalIdentifierInput>? ExternalIdentifiers { get; set; }

    public string? IdempotencyKey { get; set; }

    public DuplicateOverrideInput? DuplicateOverride { get; set; }

    string? IWriteInput.Reason => null;
}

public sealed record RegisterLegalEntity(
    Gid Gid,
    IReadOnlyList<Name> Names,
    string Country,
    Address? Address,
    string? LegalForm,
    string? RegistrationAuthority,
    string? RegistrationNumber,
    string? Lei,
    Gid? Parent,
    string? ContactEmail,
    string RegisteringOffice,
    IReadOnlyList<ExternalIdentifier> ExternalIdentifiers) : IRegistration
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [];

    public IReadOnlyList<Gid> Reads => Parent is { } parent ? [parent] : [];

    public IReadOnlyList<ExternalIdentifier> Claims =>
        [.. ExternalIdentifiers, .. ExternalIdentifier.Globals(Lei, null, null, RegisteringOffice)];

    /// <summary>The caller's reason to register despite possible duplicates; the handler adds the candidates it found.</summary>
    public DuplicateOverride? DuplicateOverride { get; init; }

    public static RegisterLegalEntity From(RegisterLegalEntityInput input, Gid gid, string registeringOffice)
    {
        var problems = new Problems();
        var names = InputRules.ParseNames(problems, "input.names", input.Names, NameType.Legal);
        var country = InputRules.ParseCountry(problems, "input.country", input.Country);
        var address = InputRules.ParseAddress(problems, "input.address", input.Address);
        string? legalForm = null;
        if (input.LegalForm is not null)
        {
            legalForm = input.LegalForm.Trim().ToUpperInvariant();
            if (!ElfCodes.IsWellFormed(legalForm))
            {
                problems.Add("input.legalForm", $"'{InputRules.Shorten(input.LegalForm)}' is not an ISO 20275 ELF code (four letters or digits, e.g. 8888, 2HBR).");
            }
        }

        InputRules.CheckOptionalText(problems, "input.registrationAuthority", input.RegistrationAuthority);
        InputRules.CheckOptionalText(problems, "input.registrationNumber", input.RegistrationNumber);
        string? lei = null;
        if (input.Lei is not null && !Standards.Lei.TryNormalize(input.Lei, out lei, out var leiProblem))
        {
            problems.Add("input.lei", leiProblem!);
        }

        var email = InputRules.ParseContactEmail(problems, "input.contactEmail", input.ContactEmail);
        var identifiers = InputRules.ParseExternalIdentifiers(problems, "input.externalIdentifiers", input.ExternalIdentifiers);
        var duplicateOverride = DuplicateCheck.Parse(problems, "input.duplicateOverride", input.DuplicateOverride);
        problems.ThrowIfAny();
        return new RegisterLegalEntity(gid, names, country, address, legalForm, input.RegistrationAuthority, input.RegistrationNumber, lei, input.Parent, email, registeringOffice, identifiers) { DuplicateOverride = duplicateOverride };
    }

    /// <summary>The registration's events: every name, the address, the parent and each identifier asserted by the registering office, now.</summary>
    public Decision Decide(Facts facts, Writer by)
    {
        CheckParent(this, Parent is { } parent ? facts.Find(parent) : null);
        ExternalIdentifierClaim.EnsureFree(facts, Gid, Claims);
        var (names, address, identifiers) = Provenance.Stamp(Names, Address, ExternalIdentifiers, RegisteringOffice, by.At);
        return new Decision(Gid, [new Appended(Gid,
        [
            new LegalEntityRegistered(Gid, names, Country, address, LegalForm, RegistrationAuthority, RegistrationNumber, Lei, Parent, ContactEmail, RegisteringOffice, Synthetic: true, DuplicateOverride),
            .. identifiers.Select(x => new ExternalIdentifierLinked(x)),
        ], Starts: true)]);
    }

    private static void CheckParent(RegisterLegalEntity c, Identity? parent)
    {
        if (c.Parent is { } parentGid)
        {
            if (parent is null)
            {
                throw Refusal.Invalid("input.parent", $"No identity has the GID {parentGid}.");
            }

            if (parent.Kind != IdentityKind.LegalEntity)
            {
                throw Refusal.Invalid("input.parent", $"{parentGid} is a natural person; a parent must be a legal entity.");
            }

            if (parent.Status != IdentityStatus.Active)
            {
                throw Refusal.Invalid("input.parent", parent.Status == IdentityStatus.Merged
                    ? $"{parentGid} was merged into {parent.MergedInto}; name {parent.MergedInto} as the parent."
                    : $"{parentGid} is deactivated and cannot be a parent.");
            }
        }
    }

    public async Task<IRegistration> CheckForDuplicatesAsync(IDocumentSession session, Facts facts, CancellationToken ct)
    {
        CheckParent(this, Parent is { } parent ? facts.Find(parent) : null); // a wrong parent is the caller's input error, reported before any look-alike
        return this with { DuplicateOverride = await DuplicateCheck.CheckAsync(session, IdentityKind.LegalEntity, Country, Names, DuplicateOverride, ct) };
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("registerLegalEntity")
            .Description("Registers a legal entity (company, university, institute, public body) and gives it a new GID.")
            .Argument<NonNullGraphType<RegisterLegalEntityInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegisterLegalEntityInput>("input");
                var request = ctx.WriteRequest(input.IdempotencyKey, null);
                var command = From(input, Gid.NewGid(), request.Actor.Office);
                return await Writes.RunAsync(ctx.Store(), request, ctx.Writer(), "registerLegalEntity", input, command, ctx.CancellationToken);
            });
}

public sealed class RegisterLegalEntityInputGraphType : InputObjectGraphType<RegisterLegalEntityInput>
{
    public RegisterLegalEntityInputGraphType()
    {
        Name = "RegisterLegalEntityInput";
        Field(x => x.Names, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<NameInputGraphType>>>));
        Field(x => x.Country, type: typeof(NonNullGraphType<CountryCodeGraphType>)).Description("Jurisdiction, ISO 3166-1 alpha-2.");
        Field(x => x.Address, type: typeof(AddressInputGraphType));
        Field(x => x.LegalForm, nullable: true).Description("ISO 20275 Entity Legal Form code, where known.");
        Field(x => x.RegistrationAuthority, nullable: true);
        Field(x => x.RegistrationNumber, nullable: true);
        Field(x => x.Lei, nullable: true).Description("Legal Entity Identifier (ISO 17442), check digits verified.");
        Field(x => x.Parent, type: typeof(GidGraphType)).Description("The parent legal entity's GID.");
        Field(x => x.ContactEmail, nullable: true).Description("Mock data only: an address in a reserved example domain (RFC 2606).");
        Field(x => x.ExternalIdentifiers, type: typeof(ListGraphType<NonNullGraphType<ExternalIdentifierInputGraphType>>));
        Field(x => x.DuplicateOverride, type: typeof(DuplicateOverrideInputGraphType)).Description("Register even though the duplicate check finds a look-alike (POSSIBLE_DUPLICATE); recorded on the registration.");
        Field(x => x.IdempotencyKey, nullable: true);
    }
}
