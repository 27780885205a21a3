using NodaTime;

namespace GidSandbox.Terms;

public sealed record TermsOfUseAccepted(string Version, string Sha256);

public sealed record OfficeSuspended(string Reason);

public sealed record OfficeReinstated(string Reason);

/// <summary>An office's (or association's) standing under the Terms, from its stream keyed by its code.</summary>
public sealed record OfficeStanding(string Office, string? AcceptedVersion, bool Suspended, string? SuspensionReason, long Version)
{
    public static string StreamId(string office) => $"office-{office}";

    public static OfficeStanding Project(string office, IReadOnlyList<object> events) =>
        events.Aggregate(new OfficeStanding(office, null, false, null, 0), Apply);

    private static OfficeStanding Apply(OfficeStanding standing, object @event)
    {
        var next = @event switch
        {
            TermsOfUseAccepted accepted => standing with { AcceptedVersion = accepted.Version },
            OfficeSuspended suspended => standing with { Suspended = true, SuspensionReason = suspended.Reason },
            OfficeReinstated => standing with { Suspended = false, SuspensionReason = null },
            _ => standing,
        };
        return next with { Version = standing.Version + 1 };
    }
}

public enum TermsStatus
{
    Accepted,
    GracePeriod,
    NotAccepted,
}

/// <summary>What the Terms say of one request by one office at one moment.</summary>
public sealed record TermsDecision(TermsStatus Status, string? VersionInForce, string? Warning, Refusal? Refusal)
{
    /// <summary>governance/governance-framework.md: suspension, then acceptance of the version in force, with a grace period for the previous one.</summary>
    public static TermsDecision Decide(OfficeStanding office, TermsOfUseBook terms, LocalDate today)
    {
        var current = terms.InForce(today);
        if (office.Suspended)
        {
            return new TermsDecision(TermsStatus.NotAccepted, office.AcceptedVersion, null, new Refusal(ErrorCodes.OfficeSuspended,
                $"Office {office.Office} is suspended ({office.SuspensionReason}); it can use the sandbox again once governance reinstates it."));
        }

        if (current is null || office.AcceptedVersion == current.Version)
        {
            return new TermsDecision(TermsStatus.Accepted, current?.Version, null, null);
        }

        var previous = terms.Before(current);
        if (previous is not null && office.AcceptedVersion == previous.Version && today <= current.GraceEnds)
        {
            return new TermsDecision(TermsStatus.GracePeriod, previous.Version,
                $"Version {current.Version} of the Terms of Use took effect on {current.EffectiveDate:uuuu-MM-dd}; accept it with acceptTermsOfUse by {current.GraceEnds:uuuu-MM-dd} to keep access.",
                null);
        }

        return new TermsDecision(TermsStatus.NotAccepted, null, null, new Refusal(ErrorCodes.TermsNotAccepted,
            $"Office {office.Office} has not accepted version {current.Version} of the Terms of Use. Read it with termsOfUse and accept it with acceptTermsOfUse(version: \"{current.Version}\", sha256: \"{current.Sha256}\")."));
    }
}
