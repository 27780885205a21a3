using NodaTime;

namespace GidSandbox.Identities;

/// <summary>Every assertion on an identity carries its source: the office that asserted it and when.</summary>
public static class Provenance
{
    public static (IReadOnlyList<Name> Names, Address? Address, IReadOnlyList<ExternalIdentifier> Identifiers) Stamp(
        IReadOnlyList<Name> names, Address? address, IReadOnlyList<ExternalIdentifier> identifiers, string office, Instant at) =>
        ([.. names.Select(n => n with { AssertedBy = office, AssertedAt = at })],
         address is null ? null : address with { AssertedBy = office, AssertedAt = at },
         [.. identifiers.Select(x => x with { AssertedBy = office, AssertedAt = at })]);
}
