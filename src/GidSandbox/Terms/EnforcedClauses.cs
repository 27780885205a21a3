namespace GidSandbox.Terms;

/// <summary>
/// The clauses of the Terms of Use in force that the software enforces, and where. A test holds
/// this list and the clauses marked "(enforced)" in the Terms text to each other, so neither can
/// promise what the other does not do.
/// </summary>
public static class EnforcedClauses
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["2.1"] = "Identities/Registering: every registration event carries Synthetic = true",
        ["2.3"] = "Identities/Inputs.cs: contact e-mail addresses must be in an RFC 2606 example domain (VALIDATION_FAILED)",
        ["3.1"] = "Access/ScopeRule.cs: queries need gid:read, mutations gid:write, merges gid:merge (FORBIDDEN)",
        ["3.2"] = "Access/Participants.cs: associations are enrolled with gid:read only",
        ["3.3"] = "Access/ScopeRule.cs: audit trail, verification and reports need audit:read; Terms and suspensions need governance:admin",
        ["4.1"] = "Access/PersonalData.cs: restricted details withheld from other offices; Feed/GoldenCopy.cs withholds them from exports",
        ["5.1"] = "Access/Quotas.cs: per-office token bucket (RATE_LIMITED, Retry-After)",
        ["6.1"] = "Terms/OfficeStanding.cs: TERMS_NOT_ACCEPTED until the version in force is accepted by version and SHA-256",
        ["6.2"] = "Terms/OfficeStanding.cs: grace period with a warning in extensions, then TERMS_NOT_ACCEPTED",
        ["7.1"] = "Terms/OfficeStanding.cs: OFFICE_SUSPENDED until reinstated",
        ["8.1"] = "Identities/Writing.cs: office, client, Terms version, correlation id and reason on every event",
        ["8.3"] = "Audit/EventsTableGuard.cs and Audit/Chain: append-only events table, hash chain, verifyAuditTrail and the verify command",
    };
}
