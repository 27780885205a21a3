using System.Text;
using System.Text.Json.Serialization;

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
}

public enum NameType
{
    Legal,
    Primary,
    Transliteration,
    Translation,
    Alias,
    Former,
}

/// <summary>One name of an identity. <see cref="Id"/> is stable within its identity's stream.</summary>
public sealed record Name(int Id, string Text, string Script, string? Language, NameType Type, bool IsPrimary)
{
    /// <summary>Names are kept as given but compared in Unicode NFC, ignoring case.</summary>
    public bool SameAs(string text, string script) =>
        string.Equals(Text.Normalize(NormalizationForm.FormC), text.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase)
        && Script == script;
}

public sealed record Address(IReadOnlyList<string> Lines, string? City, string? PostalCode, string? Region, string Country);

/// <summary>An office's local identifier for a party (e.g. an applicant number), the GID crosswalk.</summary>
public sealed record ExternalIdentifier(string Scheme, string Issuer, string Value)
{
    /// <summary>The key under which at most one live GID may hold this identifier.</summary>
    [JsonIgnore]
    public string Key => $"{Issuer}|{Scheme}|{Value}";
}
