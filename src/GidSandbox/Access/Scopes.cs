namespace GidSandbox.Access;

/// <summary>The scopes a client may be granted (README, docs/ownership.md), and the audience every access token is for.</summary>
public static class Scopes
{
    public const string Read = "gid:read";
    public const string Write = "gid:write";
    public const string Merge = "gid:merge";
    public const string AuditRead = "audit:read";
    public const string GovernanceAdmin = "governance:admin";

    /// <summary>A natural person signed in as an applicant: their own records only (docs/rights.md).</summary>
    public const string Applicant = "applicant:self";
    public const string Audience = "gid-api";

    public static readonly string[] All = [Read, Write, Merge, AuditRead, GovernanceAdmin, Applicant];
}

/// <summary>Who a client is: an IP office, an industry association, or governance; or, signed in, an applicant who is a natural person.</summary>
public enum ParticipantRole
{
    Office,
    Association,
    Governance,
    Applicant,
}

/// <summary>The claims the sandbox puts in access tokens besides the standard ones.</summary>
public static class GidClaims
{
    public const string Office = "office";
    public const string Role = "gid_role";

    /// <summary>An applicant's own records: one claim per GID.</summary>
    public const string Records = "gid_records";
}
