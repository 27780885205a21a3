using System.Collections.Immutable;
using System.Text.Json.Serialization;
using GidSandbox.Identities;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace GidSandbox.Matching;

/// <summary>One name of an identity with its standardized forms (a name with look-alike letters has two, see <see cref="NameStandardization.Readings"/>).</summary>
public sealed record ProfileName(int NameId, string Text, string Script, NameType Type, StandardName Standard);

/// <summary>
/// What the matcher knows of an identity: its names, standardized when they were projected, its
/// identifiers and whether it is still active. <see cref="SearchText"/> holds every name's key in
/// one column behind a pg_trgm GIN index, which is where candidates are found.
/// </summary>
public sealed record MatchProfile
{
    public required string Id { get; init; }

    public required IdentityKind Kind { get; init; }

    public required string Country { get; init; }

    public IdentityStatus Status { get; init; } = IdentityStatus.Active;

    public string RegisteringOffice { get; init; } = "";

    public string? Lei { get; init; }

    /// <summary>The sequence number of the registration event: which of two equally good candidates was registered first (0 when unknown).</summary>
    public long RegisteredSequence { get; init; }

    public ImmutableList<ProfileName> Names { get; init; } = [];

    public ImmutableList<ExternalIdentifier> ExternalIdentifiers { get; init; } = [];

    public int RulesVersion { get; init; } = NameStandardization.RulesVersion;

    /// <summary>Every distinct name key (legal form off) and compact key, for the trigram search that the words leave to it.</summary>
    [JsonIgnore]
    public string SearchText => Keys.SearchText;

    /// <summary>
    /// Every name's sorted key and letters (<see cref="StandardName.ExactKeys"/> of the query side),
    /// and for a natural person its keys with initials (<see cref="StandardName.InitialledKeys"/>),
    /// behind a GIN index: the exact first pass that spares most queries any further search.
    /// </summary>
    [JsonIgnore]
    public string[] ExactKeys => Keys.ExactKeys;

    /// <summary>
    /// Every word of every name key, from four letters on also with each one letter left out
    /// (<see cref="Candidates.WordVariants"/>), behind a GIN index: where look-alikes are found.
    /// </summary>
    [JsonIgnore]
    public string[] Words => Keys.Words;

    /// <summary>
    /// The three lookup columns, derived from the names when first asked for (by the upsert that writes their columns)
    /// and kept out of the document: a batch reads thousands of profiles to score them, and these were two fifths of each.
    /// </summary>
    private LookupKeys Keys => _lookupKeys is { } known && ReferenceEquals(known.Names, Names) ? known : _lookupKeys = LookupKeys.Of(Names, Kind);

    private LookupKeys? _lookupKeys;

    private sealed record LookupKeys(ImmutableList<ProfileName> Names, string SearchText, string[] ExactKeys, string[] Words)
    {
        public static LookupKeys Of(ImmutableList<ProfileName> names, IdentityKind kind)
        {
            var keys = names.Where(n => !n.Standard.IsSkeleton).SelectMany(n => new[] { n.Standard.Key, n.Standard.Compact }).Where(k => k.Length > 0).Distinct();
            var exact = names.Where(n => !n.Standard.IsEmpty)
                .SelectMany(n => Skeletons.StoredKeys(n.Standard, new[] { n.Standard.SortedKey, n.Standard.Letters }.Concat(kind == IdentityKind.NaturalPerson && !n.Standard.IsSkeleton ? n.Standard.InitialledKeys() : [])))
                .Distinct();
            var words = names.Where(n => !n.Standard.IsSkeleton).SelectMany(n => n.Standard.Tokens).Where(t => t.Length > 1).Distinct().SelectMany(Candidates.WordVariants).Distinct();
            return new(names, string.Join(" | ", keys), [.. exact], [.. words]);
        }
    }

    public MatchProfile WithNames(IEnumerable<ProfileName> names) =>
        this with { Names = names.ToImmutableList(), RulesVersion = NameStandardization.RulesVersion };

    /// <summary>The profile of a newly registered identity.</summary>
    public static MatchProfile Registered(Gid gid, IdentityKind kind, string country, string office, string? lei, IEnumerable<Name> names)
    {
        var profile = new MatchProfile { Id = gid.Value, Kind = kind, Country = country, RegisteringOffice = office, Lei = lei };
        return profile.WithNames(names.SelectMany(profile.Standardized));
    }

    /// <summary>
    /// A name's readings (<see cref="NameStandardization.Readings"/>); a name in Latin letters of a party in Israel,
    /// Thailand or a country written in Arabic letters also as the consonant skeleton of its country's script
    /// (<see cref="Skeletons.WithLatinSkeletons"/>), so a query written in that script meets it.
    /// </summary>
    public IEnumerable<ProfileName> Standardized(Name name) =>
        Skeletons.WithLatinSkeletons(name.Text, Kind, Country).Select(standard => new ProfileName(name.Id, name.Text, name.Script, name.Type, standard));
}

/// <summary>
/// Keeps <see cref="MatchProfile"/> in step with identity events, inline, so a registration is
/// matchable the moment it is stored. Rebuilding it (<c>projections --rebuild</c>) recomputes every
/// standardized name under the current rules.
/// </summary>
public sealed partial class MatchProfileProjection : SingleStreamProjection<MatchProfile, string>
{
    public override MatchProfile? Evolve(MatchProfile? profile, string id, IEvent e) => (profile, e.Data) switch
    {
        (null, NaturalPersonRegistered r) => MatchProfile.Registered(r.Gid, IdentityKind.NaturalPerson, r.Country, r.RegisteringOffice, null, r.Names) with { RegisteredSequence = e.Sequence },
        (null, LegalEntityRegistered r) => MatchProfile.Registered(r.Gid, IdentityKind.LegalEntity, r.Country, r.RegisteringOffice, r.Lei, r.Names) with { RegisteredSequence = e.Sequence },
        (not null, NameAdded a) => profile.WithNames(profile.Names.AddRange(profile.Standardized(a.Name))),
        (not null, NameRemoved r) => profile.WithNames(profile.Names.RemoveAll(n => n.NameId == r.NameId)),
        (not null, ExternalIdentifierLinked l) => profile with { ExternalIdentifiers = profile.ExternalIdentifiers.Add(l.Identifier) },
        (not null, ExternalIdentifierUnlinked u) => profile with { ExternalIdentifiers = profile.ExternalIdentifiers.Remove(u.Identifier) },
        (not null, IdentityMerged) => profile with { Status = IdentityStatus.Merged, ExternalIdentifiers = [] },
        (not null, IdentityAbsorbed a) => profile.WithNames(profile.Names.AddRange(a.Names.SelectMany(profile.Standardized))) with
        {
            ExternalIdentifiers = profile.ExternalIdentifiers.AddRange(a.ExternalIdentifiers),
        },
        (not null, IdentityDeactivated) => profile with { Status = IdentityStatus.Deactivated },
        (not null, IdentityReactivated) => profile with { Status = IdentityStatus.Active },
        (_, IdentityErased) => null, // nothing of an erased person is matched
        _ => profile,
    };
}
