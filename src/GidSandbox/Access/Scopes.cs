namespace GidSandbox.Access;

/// <summary>The scopes a client may be granted (README, docs/ownership.md), and the audience every access token is for.</summary>
public static class Scopes
{
    public const string Read = "gid:read";
    public const string Write = "gid:write";
    public const string Merge = "gid:merge";
    public const string AuditRead = "audit:read";
    public const string GovernanceAdmin = "governance:admin";
    public const string Audience = "gid-api";

    public static readonly string[] All = [Read, Write, Merge, AuditRead, GovernanceAdmin];
}

/// <summary>Who a client is: an IP office, an industry association, or governance.</summary>
public enum ParticipantRole
{
    Office,
    Association,
    Governance,
}

/// <summary>The claims the sandbox puts in access tokens besides the standard ones.</summary>
public static class GidClaims
{
    public const string Office = "office";
    public const string Role = "gid_role";
}
