namespace GidSandbox.Identities;

// Events are the audit trail: past-tense facts, never edited, carrying what happened and nothing
// derived. Who acted, the correlation id and any reason travel in Marten's event metadata.

public sealed record NaturalPersonRegistered(
    Gid Gid,
    IReadOnlyList<Name> Names,
    string Country,
    Address? Address,
    string? Orcid,
    string? Isni,
    string? ContactEmail,
    string RegisteringOffice,
    bool Synthetic,
    DuplicateOverride? DuplicateOverride = null);

public sealed record LegalEntityRegistered(
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
    bool Synthetic,
    DuplicateOverride? DuplicateOverride = null);

/// <summary>
/// On a registration that went ahead although the duplicate check found look-alikes: the
/// registering office's reason and the candidates it was shown (GIDs and scores).
/// </summary>
public sealed record DuplicateOverride(string Reason, IReadOnlyList<DuplicateCandidate> Candidates);

public sealed record DuplicateCandidate(Gid Gid, double Score, string MatchedName);

public sealed record NameAdded(Name Name);

public sealed record NameRemoved(int NameId);

public sealed record AddressChanged(Address? Address);

public sealed record ExternalIdentifierLinked(ExternalIdentifier Identifier);

public sealed record ExternalIdentifierUnlinked(ExternalIdentifier Identifier);

/// <summary>Appended to the merged (losing) identity's stream.</summary>
public sealed record IdentityMerged(Gid Survivor);

/// <summary>Appended to the survivor's stream: what it took over from the merged identity (its global identifiers among them).</summary>
public sealed record IdentityAbsorbed(Gid Merged, IReadOnlyList<Name> Names, IReadOnlyList<ExternalIdentifier> ExternalIdentifiers, string? Lei = null, string? Orcid = null, string? Isni = null);

public sealed record IdentityDeactivated(string Reason);

public sealed record IdentityReactivated;

/// <summary>An office asked to take over the management of the identity; the managing office accepts or declines.</summary>
public sealed record ManagementTransferRequested(string ToOffice);

public sealed record ManagementTransferDeclined(string ToOffice);

/// <summary>Management moved: accepted by the managing office, or reassigned by governance.</summary>
public sealed record ManagementTransferred(string FromOffice, string ToOffice, bool ByGovernance);

/// <summary>
/// On the stream of the identity whose managing office must agree: the other identity's managing office asked to
/// merge <see cref="Merged"/> into <see cref="Survivor"/>.
/// </summary>
public sealed record MergeRequested(Gid Survivor, Gid Merged, string RequestedBy);

public sealed record MergeRequestDeclined(Gid Survivor, Gid Merged);

/// <summary>On both identities' streams: an office that may merge them reviewed the pair and found two parties (the reason travels in the headers).</summary>
public sealed record DuplicateDismissed(Gid Other);

/// <summary>
/// Governance decided to erase the natural person <see cref="Person"/> (this stream's own GID, or the GID it was
/// merged into): the request, the decision and its legal basis. Appended to every stream of the person; the events
/// holding their data are then masked (<see cref="GidSandbox.Audit.Chain.ErasureExecuted"/>). The GID is never reused.
/// </summary>
public sealed record IdentityErased(Gid Person, string RequestReference, NodaTime.LocalDate RequestReceivedOn, string DecisionReference, string LegalBasis, NodaTime.Instant ErasedAt);

/// <summary>The natural person themselves, signed in as an applicant, gave (or withdrew) their consent to be identified by this GID.</summary>
public sealed record ConsentRecorded(bool Given, NodaTime.Instant At);

public static class IdentityEventTypes
{
    /// <summary>Registered with Marten up front, so any stream can be read before its event types were first written.</summary>
    public static readonly Type[] All =
    [
        typeof(NaturalPersonRegistered), typeof(LegalEntityRegistered), typeof(NameAdded), typeof(NameRemoved),
        typeof(AddressChanged), typeof(ExternalIdentifierLinked), typeof(ExternalIdentifierUnlinked),
        typeof(IdentityMerged), typeof(IdentityAbsorbed), typeof(IdentityDeactivated), typeof(IdentityReactivated),
        typeof(ManagementTransferRequested), typeof(ManagementTransferDeclined), typeof(ManagementTransferred),
        typeof(MergeRequested), typeof(MergeRequestDeclined), typeof(DuplicateDismissed), typeof(IdentityErased), typeof(ConsentRecorded),
    ];
}
