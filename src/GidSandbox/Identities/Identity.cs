using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace GidSandbox.Identities;

/// <summary>
/// An identity as its events make it. Marten keeps it as an inline snapshot, so it is both the
/// state that decisions read and the read model that queries return.
/// </summary>
public sealed record Identity
{
    public required string Id { get; init; }

    public required IdentityKind Kind { get; init; }

    public IdentityStatus Status { get; init; } = IdentityStatus.Active;

    public ImmutableList<Name> Names { get; init; } = [];

    public required string Country { get; init; }

    public Address? Address { get; init; }

    public string? Orcid { get; init; }

    public string? Isni { get; init; }

    public string? LegalForm { get; init; }

    public string? RegistrationAuthority { get; init; }

    public string? RegistrationNumber { get; init; }

    public string? Lei { get; init; }

    public string? Parent { get; init; }

    public ImmutableList<ExternalIdentifier> ExternalIdentifiers { get; init; } = [];

    public string? MergedInto { get; init; }

    public string? DeactivationReason { get; init; }

    /// <summary>Set once the identity is erased: the only thing it still holds besides its GID, kind and links.</summary>
    public Erasure? Erasure { get; init; }

    public bool Synthetic { get; init; }

    /// <summary>A natural person's own say on being identified by the GID, once they recorded one (an applicant signed in).</summary>
    public Consent? Consent { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>The office that registered the identity.</summary>
    public string RegisteringOffice { get; init; } = "";

    /// <summary>
    /// The one office that manages the identity: the registering office until a transfer. Only it (or governance)
    /// changes the address and contact, deactivates, reactivates or merges the identity away; for a natural person,
    /// the only office that sees its personal details.
    /// </summary>
    public string ManagingOffice
    {
        get => _managingOffice is { Length: > 0 } office ? office : RegisteringOffice;
        init => _managingOffice = value;
    }

    private readonly string? _managingOffice;

    /// <summary>The office that asked to take over management, until the managing office accepts or declines.</summary>
    public string? TransferRequestedBy { get; init; }

    /// <summary>Merges with an identity another office manages, waiting for this identity's managing office to accept.</summary>
    public ImmutableList<MergeRequest> MergeRequests { get; init; } = [];

    /// <summary>Who named <see cref="Parent"/>, and when: the registering office, at registration.</summary>
    public string? ParentAssertedBy { get; init; }

    public NodaTime.Instant? ParentAssertedAt { get; init; }

    /// <summary>When the registering office registered it (its first names' assertion).</summary>
    public NodaTime.Instant? RegisteredAt { get; init; }

    /// <summary>The GIDs merged into this one, in the order they were.</summary>
    public ImmutableList<string> MergedFrom { get; init; } = [];

    /// <summary>The identities a review found to be other parties: no longer proposed as its duplicates.</summary>
    public ImmutableList<string> NotDuplicates { get; init; } = [];

    /// <summary>The stream version, set by Marten.</summary>
    public long Version { get; set; }

    [JsonIgnore]
    public Gid Gid => Gid.Parse(Id);

    [JsonIgnore]
    public Name? PrimaryName => Names.FirstOrDefault(n => n.IsPrimary);

    /// <summary>The highest name id ever given in this stream, so a removed name's id is never reused.</summary>
    public int LastNameId { get; init; }

    [JsonIgnore]
    public int NextNameId => LastNameId + 1;

    /// <summary>The global identifiers given in the identity's own fields (LEI, ORCID, ISNI), as identifiers.</summary>
    [JsonIgnore]
    public IEnumerable<ExternalIdentifier> FieldIdentifiers => ExternalIdentifier.Globals(Lei, Orcid, Isni, RegisteringOffice);

    /// <summary>Every identifier the identity holds: its fields' global identifiers and the linked ones.</summary>
    [JsonIgnore]
    public IEnumerable<ExternalIdentifier> AllIdentifiers => FieldIdentifiers.Concat(ExternalIdentifiers);

    /// <summary>Refuses writes to an identity that was merged or deactivated.</summary>
    public void EnsureActive()
    {
        if (Status == IdentityStatus.Merged)
        {
            throw Refusal.Conflict($"{Id} was merged into {MergedInto}; make changes to {MergedInto} instead.");
        }

        if (Status == IdentityStatus.Erased)
        {
            throw Refusal.Conflict($"{Id} was erased on {Erasure?.ErasedAt:uuuu-MM-dd} (decision {Erasure?.DecisionReference}); its GID is never reused and it takes no changes.");
        }

        if (Status == IdentityStatus.Deactivated)
        {
            throw Refusal.Conflict($"{Id} is deactivated ({DeactivationReason}); reactivate it before changing it.");
        }
    }

    /// <summary>The identity after <paramref name="events"/>; the one fold used by Marten, decisions and tests.</summary>
    public static Identity Project(Identity? state, IEnumerable<object> events) =>
        events.Aggregate(state, Project) ?? throw new InvalidOperationException("An identity stream must start with a registration.");

    public static Identity? Project(Identity? state, object @event) => (state, @event) switch
    {
        (null, NaturalPersonRegistered e) => Started(e),
        (null, LegalEntityRegistered e) => Started(e),
        (not null, NameAdded e) => state.After(e),
        (not null, NameRemoved e) => state.After(e),
        (not null, AddressChanged e) => state.After(e),
        (not null, ExternalIdentifierLinked e) => state.After(e),
        (not null, ExternalIdentifierUnlinked e) => state.After(e),
        (not null, IdentityMerged e) => state.After(e),
        (not null, IdentityAbsorbed e) => state.After(e),
        (not null, IdentityDeactivated e) => state.After(e),
        (not null, IdentityReactivated) => state.Reactivated(),
        (not null, IdentityErased e) => state.After(e),
        (not null, ManagementTransferRequested e) => state with { TransferRequestedBy = e.ToOffice },
        (not null, ManagementTransferDeclined) => state with { TransferRequestedBy = null },
        (not null, ManagementTransferred e) => state with { ManagingOffice = e.ToOffice, TransferRequestedBy = null },
        (not null, MergeRequested e) => state with { MergeRequests = state.MergeRequests.RemoveAll(r => r.SamePair(e.Survivor, e.Merged)).Add(new MergeRequest(e.Survivor, e.Merged, e.RequestedBy)) },
        (not null, MergeRequestDeclined e) => state with { MergeRequests = state.MergeRequests.RemoveAll(r => r.SamePair(e.Survivor, e.Merged)) },
        (not null, ConsentRecorded e) => state with { Consent = new Consent(e.Given, e.At) },
        (not null, DuplicateDismissed e) => state.NotDuplicates.Contains(e.Other.Value) ? state : state with { NotDuplicates = state.NotDuplicates.Add(e.Other.Value) },
        _ => state,
    };

    private static Identity Started(NaturalPersonRegistered e) => new()
    {
        Id = e.Gid.Value,
        Kind = IdentityKind.NaturalPerson,
        Names = [.. e.Names.Select(n => n.AssertedBy is null ? n with { AssertedBy = e.RegisteringOffice } : n)],
        LastNameId = e.Names.Max(n => n.Id),
        Country = e.Country,
        Address = e.Address is { AssertedBy: null } a ? a with { AssertedBy = e.RegisteringOffice } : e.Address,
        Orcid = e.Orcid,
        Isni = e.Isni,
        ContactEmail = e.ContactEmail,
        RegisteringOffice = e.RegisteringOffice,
        ManagingOffice = e.RegisteringOffice,
        RegisteredAt = e.Names[0].AssertedAt,
        Synthetic = e.Synthetic,
    };

    private static Identity Started(LegalEntityRegistered e) => new()
    {
        Id = e.Gid.Value,
        Kind = IdentityKind.LegalEntity,
        Names = [.. e.Names.Select(n => n.AssertedBy is null ? n with { AssertedBy = e.RegisteringOffice } : n)],
        LastNameId = e.Names.Max(n => n.Id),
        Country = e.Country,
        Address = e.Address is { AssertedBy: null } a ? a with { AssertedBy = e.RegisteringOffice } : e.Address,
        LegalForm = e.LegalForm,
        RegistrationAuthority = e.RegistrationAuthority,
        RegistrationNumber = e.RegistrationNumber,
        Lei = e.Lei,
        Parent = e.Parent?.Value,
        ParentAssertedBy = e.Parent is null ? null : e.RegisteringOffice,
        ParentAssertedAt = e.Parent is null ? null : e.Names[0].AssertedAt,
        ContactEmail = e.ContactEmail,
        RegisteringOffice = e.RegisteringOffice,
        ManagingOffice = e.RegisteringOffice,
        RegisteredAt = e.Names[0].AssertedAt,
        Synthetic = e.Synthetic,
    };

    private Identity After(NameAdded e) => this with { Names = WithName(Names, e.Name), LastNameId = Math.Max(LastNameId, e.Name.Id) };

    private Identity After(NameRemoved e) => this with { Names = Names.RemoveAll(n => n.Id == e.NameId) };

    private Identity After(AddressChanged e) => this with { Address = e.Address };

    private Identity After(ExternalIdentifierLinked e) => this with { ExternalIdentifiers = ExternalIdentifiers.Add(e.Identifier) };

    private Identity After(ExternalIdentifierUnlinked e) => this with
    {
        ExternalIdentifiers = ExternalIdentifiers.Remove(e.Identifier),
        Lei = e.Identifier.Scheme == ExternalIdentifier.Lei && Lei == e.Identifier.Value ? null : Lei,
        Orcid = e.Identifier.Scheme == ExternalIdentifier.Orcid && Orcid == e.Identifier.Value ? null : Orcid,
        Isni = e.Identifier.Scheme == ExternalIdentifier.Isni && Isni == e.Identifier.Value ? null : Isni,
    };

    private Identity After(IdentityMerged e) => this with
    {
        Status = IdentityStatus.Merged,
        MergedInto = e.Survivor.Value,
        ExternalIdentifiers = [],
        MergeRequests = [],
        TransferRequestedBy = null,
    };

    private Identity After(IdentityAbsorbed e) => this with
    {
        Names = Names.AddRange(e.Names),
        LastNameId = e.Names.Select(n => n.Id).Append(LastNameId).Max(),
        ExternalIdentifiers = ExternalIdentifiers.AddRange(e.ExternalIdentifiers),
        Lei = Lei ?? e.Lei,
        Orcid = Orcid ?? e.Orcid,
        Isni = Isni ?? e.Isni,
        MergeRequests = MergeRequests.RemoveAll(r => r.SamePair(Gid, e.Merged)),
        MergedFrom = MergedFrom.Add(e.Merged.Value),
    };

    private Identity After(IdentityDeactivated e) => this with { Status = IdentityStatus.Deactivated, DeactivationReason = e.Reason };

    /// <summary>Keeps what says which identity this was and where its links lead; nothing of the person.</summary>
    private Identity After(IdentityErased e) => this with
    {
        Status = IdentityStatus.Erased,
        Erasure = new Erasure(e.ErasedAt, e.DecisionReference, e.LegalBasis, e.RequestReference),
        Names = [],
        Country = Erasing.ErasureMasks.UnknownCountry,
        Address = null,
        Orcid = null,
        Isni = null,
        ContactEmail = null,
        ExternalIdentifiers = [],
        DeactivationReason = null,
        MergeRequests = [],
        TransferRequestedBy = null,
        Consent = null,
    };

    private Identity Reactivated() => this with { Status = IdentityStatus.Active, DeactivationReason = null };

    private static ImmutableList<Name> WithName(ImmutableList<Name> names, Name added) =>
        added.IsPrimary
            ? names.Select(n => n with { IsPrimary = false }).ToImmutableList().Add(added)
            : names.Add(added);
}

/// <summary>A merge one managing office asked for, waiting for the other's acceptance.</summary>
public sealed record MergeRequest(Gid Survivor, Gid Merged, string RequestedBy)
{
    public bool SamePair(Gid survivor, Gid merged) => Survivor == survivor && Merged == merged;
}
