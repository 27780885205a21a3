using System.Text;
using System.Text.Json.Serialization;
using NodaTime;

namespace GidSandbox.Identities;

public enum IdentityKind
{
    NaturalPerson,
    LegalEntity,
}

public enum IdentityStatus
{
    Active,
    Merged,
    Deactivated,

    /// <summary>A natural person erased on a governance decision: the GID resolves, with nothing but the erasure.</summary>
    Erased,
}

/// <summary>When and under which governance decision an identity was erased: all it still says of the person.</summary>
/// <summary>The person's consent as they last recorded it: given or withdrawn, and when.</summary>
public sealed record Consent(bool Given, Instant At);

public sealed record Erasure(Instant ErasedAt, string DecisionReference, string LegalBasis, string RequestReference);

public enum NameType
{
    Legal,
    Primary,
    Transliteration,
    Translation,
    Alias,
    Former,
}

/// <summary>
/// One name of an identity. <see cref="Id"/> is stable within its identity's stream.
/// <see cref="AssertedBy"/> is the office whose assertion it is: only that office (or governance) removes it.
/// </summary>
public sealed record Name(int Id, string Text, string Script, string? Language, NameType Type, bool IsPrimary)
{
    public string? AssertedBy { get; init; }

    public Instant? AssertedAt { get; init; }

    /// <summary>Names are kept as given but compared in Unicode NFC, ignoring case.</summary>
    public bool SameAs(string text, string script) =>
        string.Equals(Text.Normalize(NormalizationForm.FormC), text.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase)
        && Script == script;
}

/// <summary>An address, with the office that asserted it; two addresses are the same when their text is, whoever asserted them.</summary>
public sealed record Address(IReadOnlyList<string> Lines, string? City, string? PostalCode, string? Region, string Country)
{
    public string? AssertedBy { get; init; }

    public Instant? AssertedAt { get; init; }

    public bool Equals(Address? other) =>
        other is not null && Lines.SequenceEqual(other.Lines) && City == other.City && PostalCode == other.PostalCode && Region == other.Region && Country == other.Country;

    public override int GetHashCode() => HashCode.Combine(string.Join('\n', Lines), City, PostalCode, Region, Country);
}

/// <summary>
/// An identifier of the party: an office's local number (the GID crosswalk; only its issuer links and
/// unlinks it) or a global one (LEI, ORCID, ISNI: any office links it, at most one live identity holds a value).
/// Two identifiers are the same when their key is, whoever asserted them.
/// </summary>
public sealed record ExternalIdentifier(string Scheme, string Issuer, string Value)
{
    public string? AssertedBy { get; init; }

    public Instant? AssertedAt { get; init; }

    /// <summary>LEI, ORCID or ISNI: the issuer named is not part of the identifier.</summary>
    [JsonIgnore]
    public bool IsGlobal => GlobalSchemes.Contains(Scheme);

    /// <summary>The key under which at most one live GID may hold this identifier.</summary>
    [JsonIgnore]
    public string Key => IsGlobal ? $"{Scheme}|{Value}" : $"{Issuer}|{Scheme}|{Value}";

    public bool Equals(ExternalIdentifier? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public const string Lei = "LEI";
    public const string Orcid = "ORCID";
    public const string Isni = "ISNI";

    public static readonly IReadOnlySet<string> GlobalSchemes = new HashSet<string>([Lei, Orcid, Isni], StringComparer.Ordinal);

    /// <summary>The global identifiers an identity carries in its own fields (LEI, ORCID, ISNI), asserted by <paramref name="office"/>.</summary>
    public static IReadOnlyList<ExternalIdentifier> Globals(string? lei, string? orcid, string? isni, string office) =>
        [.. new[] { (Lei, lei), (Orcid, orcid), (Isni, isni) }
            .Where(x => x.Item2 is not null)
            .Select(x => new ExternalIdentifier(x.Item1, office, x.Item2!) { AssertedBy = office })];
}
