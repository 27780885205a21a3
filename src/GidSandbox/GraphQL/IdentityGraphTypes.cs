using GidSandbox.Access;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.GraphQL;

public sealed class IdentityGraphType : ObjectGraphType<Identity>
{
    public const int MaxSubsidiaries = 200;

    public IdentityGraphType()
    {
        Name = "Identity";
        Description = "A natural person or legal entity appearing in IP records, with its one persistent GID.";
        Field<NonNullGraphType<GidGraphType>>("gid").Resolve(ctx => ctx.Source.Gid);
        Field(x => x.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<IdentityKind>>));
        Field(x => x.Status, type: typeof(NonNullGraphType<EnumerationGraphType<IdentityStatus>>));
        Field(x => x.Names, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<NameGraphType>>>));
        Field<NameGraphType>("primaryName").Description("Null once the identity is erased.").Resolve(ctx => ctx.Source.PrimaryName);
        Field(x => x.Country, type: typeof(NonNullGraphType<CountryCodeGraphType>)).Description("Residence or nationality of a person; jurisdiction of an entity.");
        Field<AddressGraphType>("address")
            .Description("Null for a natural person registered by another office (personalDetailsWithheld is then true).")
            .Resolve(ctx => Visible(ctx) ? ctx.Source.Address : null);
        Field<StringGraphType>("contactEmail")
            .Description("Mock data only; for a natural person, shown to the registering office and governance alone.")
            .Resolve(ctx => Visible(ctx) ? ctx.Source.ContactEmail : null);
        Field<NonNullGraphType<BooleanGraphType>>("personalDetailsWithheld")
            .Description("True when this natural person's address and contact details are withheld from you (Terms of Use 4.1).")
            .Resolve(ctx => !Visible(ctx));
        Field(x => x.RegisteringOffice).Description("The office that registered the identity.");
        Field(x => x.ManagingOffice).Description("The one office that manages the identity (the registering office until a transfer): only it, or governance, changes the address and contact, deactivates, reactivates or merges it away, and resolves its challenges.");
        Field(x => x.TransferRequestedBy, nullable: true).Description("The office that asked to take over the management, until the managing office answers.");
        Field(x => x.MergeRequests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MergeRequestGraphType>>>)).Description("Merges with an identity another office manages, waiting for this identity's managing office (acceptMerge or declineMerge).");
        Field(x => x.Orcid, nullable: true);
        Field(x => x.Isni, nullable: true);
        Field(x => x.LegalForm, nullable: true).Description("ISO 20275 Entity Legal Form code.");
        Field<StringGraphType>("legalFormName")
            .Description("The legal form's name as people read it, from the ISO 20275 code list (\"Gesellschaft mit beschränkter Haftung (GmbH)\"); null for a code the sandbox does not know.")
            .Resolve(ctx => Standards.ElfCodes.NameOf(ctx.Source.LegalForm));
        Field(x => x.RegistrationAuthority, nullable: true);
        Field(x => x.RegistrationNumber, nullable: true);
        Field(x => x.Lei, nullable: true);
        Field<GidGraphType>("parent").Resolve(ctx => ctx.Source.Parent);
        Field(x => x.ParentAssertedBy, nullable: true).Description("The office that named the parent.");
        Field(x => x.ParentAssertedAt, type: typeof(InstantGraphType)).Description("When the parent was named.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GidGraphType>>>>("subsidiaries")
            .Description($"The legal entities that name this one as their parent, as the registry holds them now (under identityAsOf too), by GID; at most {MaxSubsidiaries}.")
            .Resolve(ctx => ((GidUserContext)ctx.UserContext).Subsidiaries.Load(ctx, ctx.Source.Id));
        Field(x => x.ExternalIdentifiers, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ExternalIdentifierGraphType>>>));
        Field<GidGraphType>("mergedInto").Resolve(ctx => ctx.Source.MergedInto).Description("Where a merged identity lives on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GidGraphType>>>>("mergedFrom").Resolve(ctx => ctx.Source.MergedFrom).Description("The GIDs merged into this one, oldest first; they resolve to their own records with mergedInto.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GidGraphType>>>>("notDuplicates").Resolve(ctx => ctx.Source.NotDuplicates).Description("Identities a review found to be other parties (dismissDuplicate): duplicateCandidates no longer pairs them with this one.");
        Field(x => x.RegisteredAt, type: typeof(InstantGraphType)).Description("When the registering office registered it.");
        Field(x => x.DeactivationReason, nullable: true);
        Field(x => x.Erasure, type: typeof(ErasureGraphType)).Description("For an ERASED identity: when, and under which governance decision. Nothing else of the person is kept.");
        Field(x => x.Consent, type: typeof(Rights.ConsentGraphType)).Description("A natural person's own consent to be identified by the GID, as they last recorded it signed in as an applicant; null until they do.");
        Field(x => x.Synthetic).Description("True for every record of the sandbox: mock data only.");
        Field(x => x.Version).Description("The stream version; pass it as expectedVersion to change the identity.");
    }

    private static bool Visible(IResolveFieldContext<Identity> ctx) =>
        PersonalData.VisibleTo(((GidUserContext)ctx.UserContext).Caller, ctx.Source);
}

public sealed class ErasureGraphType : ObjectGraphType<Erasure>
{
    public ErasureGraphType()
    {
        Name = "Erasure";
        Field(x => x.ErasedAt, type: typeof(NonNullGraphType<InstantGraphType>));
        Field(x => x.DecisionReference).Description("The governance decision that erased the person.");
        Field(x => x.LegalBasis);
        Field(x => x.RequestReference).Description("The person's request the decision answered.");
    }
}

public sealed class NameGraphType : ObjectGraphType<Name>
{
    public NameGraphType()
    {
        Name = "Name";
        Field(x => x.Id).Description("Stable within the identity; used to remove the name.");
        Field(x => x.Text);
        Field(x => x.Script, type: typeof(NonNullGraphType<ScriptCodeGraphType>));
        Field(x => x.Language, nullable: true).Description("BCP 47 language tag.");
        Field(x => x.Type, type: typeof(NonNullGraphType<EnumerationGraphType<NameType>>));
        Field("primary", x => x.IsPrimary);
        this.AddProvenance();
    }
}

public sealed class MergeRequestGraphType : ObjectGraphType<MergeRequest>
{
    public MergeRequestGraphType()
    {
        Name = "MergeRequest";
        Field<NonNullGraphType<GidGraphType>>("survivor").Resolve(ctx => ctx.Source.Survivor);
        Field<NonNullGraphType<GidGraphType>>("merged").Resolve(ctx => ctx.Source.Merged);
        Field(x => x.RequestedBy).Description("The managing office that asked for the merge.");
    }
}

public static class ProvenanceFields
{
    /// <summary>Who asserted an item and when (the registering office, for items recorded before sources were kept).</summary>
    public static void AddProvenance<T>(this ObjectGraphType<T> type)
    {
        type.Field<StringGraphType>("assertedBy").Description("The office that asserted it: only that office (or governance) changes or removes it.")
            .Resolve(ctx => ctx.Source switch { Name n => n.AssertedBy, Address a => a.AssertedBy, ExternalIdentifier x => x.AssertedBy, _ => null });
        type.Field<InstantGraphType>("assertedAt").Description("When it was asserted.")
            .Resolve(ctx => ctx.Source switch { Name n => n.AssertedAt, Address a => a.AssertedAt, ExternalIdentifier x => x.AssertedAt, _ => null });
    }
}

public sealed class AddressGraphType : ObjectGraphType<Address>
{
    public AddressGraphType()
    {
        Name = "Address";
        Field(x => x.Lines, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(x => x.City, nullable: true);
        Field(x => x.PostalCode, nullable: true);
        Field(x => x.Region, nullable: true);
        Field(x => x.Country, type: typeof(NonNullGraphType<CountryCodeGraphType>));
        this.AddProvenance();
    }
}

public sealed class ExternalIdentifierGraphType : ObjectGraphType<ExternalIdentifier>
{
    public ExternalIdentifierGraphType()
    {
        Name = "ExternalIdentifier";
        Description = "An identifier of the party: an office's local identifier (e.g. an applicant number), or an LEI, ORCID or ISNI.";
        Field(x => x.Scheme).Description("e.g. applicant-number; LEI, ORCID and ISNI are global schemes.");
        Field(x => x.Issuer).Description("WIPO ST.3 code of the issuing office (for LEI, ORCID and ISNI, the office that linked it).");
        Field(x => x.Value);
        this.AddProvenance();
    }
}

public sealed class IdentityPayloadGraphType : ObjectGraphType<IdentityPayload>
{
    public IdentityPayloadGraphType()
    {
        Name = "IdentityPayload";
        Field(x => x.Identity, type: typeof(NonNullGraphType<IdentityGraphType>));
        Field(x => x.Replayed).Description("True when this answers a retry with an idempotency key already used: nothing new was stored.");
    }
}

public sealed class NameInputGraphType : InputObjectGraphType<NameInput>
{
    public NameInputGraphType()
    {
        Name = "NameInput";
        Field(x => x.Text).Description("The name as written, at most 500 characters. Refused (VALIDATION_FAILED naming the code point): control, bidirectional and format characters (U+200B zero width space, U+FEFF, U+00AD soft hyphen, U+2060-2064, U+180E, U+FFF9-FFFB, tags U+E0000-E007F), U+034F, Hangul fillers, U+2028/2029, private-use, unassigned and noncharacter code points; ZWNJ/ZWJ only where a script needs them (after a virama, between joining Arabic-script letters, in emoji) and variation selectors only after what they vary. Each word in one script (Han, kana and Hangul mix as Japanese and Korean do, with Latin); a name declared Latn has Latin letters only; look-alike letters of other scripts are compared as the Latin they imitate. See docs/names.md.");
        Field(x => x.Script, type: typeof(NonNullGraphType<ScriptCodeGraphType>));
        Field(x => x.Language, nullable: true).Description("BCP 47 language tag, e.g. ja, ja-Latn.");
        Field(x => x.Type, type: typeof(EnumerationGraphType<NameType>)).Description("Defaults to LEGAL for entities and PRIMARY for persons at registration, ALIAS when added later.");
        Field(x => x.Primary, nullable: true).DefaultValue(false);
    }
}

public sealed class AddressInputGraphType : InputObjectGraphType<AddressInput>
{
    public AddressInputGraphType()
    {
        Name = "AddressInput";
        Field(x => x.Lines, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(x => x.City, nullable: true);
        Field(x => x.PostalCode, nullable: true);
        Field(x => x.Region, nullable: true);
        Field(x => x.Country, type: typeof(NonNullGraphType<CountryCodeGraphType>));
    }
}

public sealed class ExternalIdentifierInputGraphType : InputObjectGraphType<ExternalIdentifierInput>
{
    public ExternalIdentifierInputGraphType()
    {
        Name = "ExternalIdentifierInput";
        Field(x => x.Scheme).Description("e.g. applicant-number; or LEI, ORCID, ISNI for a global identifier (checked, at most one live identity each).");
        Field(x => x.Issuer).Description("WIPO ST.3 code of the issuing office, e.g. EP, JP, KR: your own office, since only the issuer links its identifiers.");
        Field(x => x.Value);
    }
}

public static class WriteInputFields
{
    /// <summary>Adds the fields every write to an existing identity takes.</summary>
    public static void AddWriteFields<T>(this InputObjectGraphType<T> type)
        where T : IdentityWriteInput
    {
        type.Field(x => x.Gid, type: typeof(NonNullGraphType<GidGraphType>));
        type.Field(x => x.ExpectedVersion, nullable: true).Description("The version you read; a stale one is refused with CONFLICT.");
        type.Field(x => x.IdempotencyKey, nullable: true).Description("Repeat a request with the same key to get its first result instead of applying it twice.");
        type.Field(x => x.Reason, nullable: true).Description("Why; required for corrections (removals, unlinks, merges, deactivations).");
    }
}
