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

    public bool Synthetic { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>The office that registered the identity: for a natural person, the only office that sees its personal details.</summary>
    public string RegisteringOffice { get; init; } = "";

    /// <summary>The stream version, set by Marten.</summary>
    public long Version { get; set; }

    [JsonIgnore]
    public Gid Gid => Gid.Parse(Id);

    [JsonIgnore]
    public Name PrimaryName => Names.First(n => n.IsPrimary);

    /// <summary>The highest name id ever given in this stream, so a removed name's id is never reused.</summary>
    public int LastNameId { get; init; }

    [JsonIgnore]
    public int NextNameId => LastNameId + 1;

    /// <summary>Refuses writes to an identity that was merged or deactivated.</summary>
    public void EnsureActive()
    {
        if (Status == IdentityStatus.Merged)
        {
            throw Refusal.Conflict($"{Id} was merged into {MergedInto}; make changes to {MergedInto} instead.");
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
        _ => state,
    };

    private static Identity Started(NaturalPersonRegistered e) => new()
    {
        Id = e.Gid.Value,
        Kind = IdentityKind.NaturalPerson,
        Names = [.. e.Names],
        LastNameId = e.Names.Max(n => n.Id),
        Country = e.Country,
        Address = e.Address,
        Orcid = e.Orcid,
        Isni = e.Isni,
        ContactEmail = e.ContactEmail,
        RegisteringOffice = e.RegisteringOffice,
        Synthetic = e.Synthetic,
    };

    private static Identity Started(LegalEntityRegistered e) => new()
    {
        Id = e.Gid.Value,
        Kind = IdentityKind.LegalEntity,
        Names = [.. e.Names],
        LastNameId = e.Names.Max(n => n.Id),
        Country = e.Country,
        Address = e.Address,
        LegalForm = e.LegalForm,
        RegistrationAuthority = e.RegistrationAuthority,
        RegistrationNumber = e.RegistrationNumber,
        Lei = e.Lei,
        Parent = e.Parent?.Value,
        ContactEmail = e.ContactEmail,
        RegisteringOffice = e.RegisteringOffice,
        Synthetic = e.Synthetic,
    };

    private Identity After(NameAdded e) => this with { Names = WithName(Names, e.Name), LastNameId = Math.Max(LastNameId, e.Name.Id) };

    private Identity After(NameRemoved e) => this with { Names = Names.RemoveAll(n => n.Id == e.NameId) };

    private Identity After(AddressChanged e) => this with { Address = e.Address };

    private Identity After(ExternalIdentifierLinked e) => this with { ExternalIdentifiers = ExternalIdentifiers.Add(e.Identifier) };

    private Identity After(ExternalIdentifierUnlinked e) => this with { ExternalIdentifiers = ExternalIdentifiers.Remove(e.Identifier) };

    private Identity After(IdentityMerged e) => this with
    {
        Status = IdentityStatus.Merged,
        MergedInto = e.Survivor.Value,
        ExternalIdentifiers = [],
    };

    private Identity After(IdentityAbsorbed e) => this with
    {
        Names = Names.AddRange(e.Names),
        LastNameId = e.Names.Select(n => n.Id).Append(LastNameId).Max(),
        ExternalIdentifiers = ExternalIdentifiers.AddRange(e.ExternalIdentifiers),
    };

    private Identity After(IdentityDeactivated e) => this with { Status = IdentityStatus.Deactivated, DeactivationReason = e.Reason };

    private Identity Reactivated() => this with { Status = IdentityStatus.Active, DeactivationReason = null };

    private static ImmutableList<Name> WithName(ImmutableList<Name> names, Name added) =>
        added.IsPrimary
            ? names.Select(n => n with { IsPrimary = false }).ToImmutableList().Add(added)
            : names.Add(added);
}
