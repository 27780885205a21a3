using GidSandbox.Identities;
using JasperFx.Events;
using Marten.Events.Aggregation;
using GidSandbox.Rights;
using NodaTime;

namespace GidSandbox.Challenges;

public enum ChallengeKind
{
    SuspectedDuplicate,
    WrongName,
    WrongIdentifier,
    WrongRelation,
}

public enum ChallengeOutcome
{
    AcceptedWithCorrection,
    AcceptedWithMerge,
    Rejected,
}

public enum ChallengeStatus
{
    Open,
    Resolved,
}

// Every step of a challenge is an event of its own stream, keyed by the challenge id (challenge-…).

/// <summary>A challenge raised; <see cref="PersonRequest"/> when it asks, for the person, to correct their data (a person's right to correction).</summary>
public sealed record ChallengeRaised(string ChallengeId, Gid Gid, ChallengeKind Kind, string Reason, string RaisedBy, string RegisteringOffice, LocalDate RaisedOn, LocalDate DueBy, PersonRequest? PersonRequest = null);

public sealed record ChallengeResolved(ChallengeOutcome Outcome, string Reason, string ResolvedBy, LocalDate ResolvedOn);

/// <summary>A data-quality challenge of an identity, as its events make it.</summary>
public sealed record Challenge(
    string Id, string Gid, ChallengeKind Kind, string Reason, string RaisedBy, string RegisteringOffice, LocalDate RaisedOn, LocalDate DueBy,
    ChallengeStatus Status, ChallengeOutcome? Outcome, string? Resolution, LocalDate? ResolvedOn)
{
    public const int BusinessDaysToResolve = 10;

    public long Version { get; set; }

    /// <summary>The person's request to correct their data that the challenge carries, if it does.</summary>
    public PersonRequest? PersonRequest { get; init; }

    /// <summary>A challenge's id is its stream's key.</summary>
    public static string NewId() => $"challenge-{Guid.NewGuid():N}";

    public bool IsOverdue(LocalDate today) => Status == ChallengeStatus.Open && today > DueBy;

    public static Challenge? Project(Challenge? state, object @event) => @event switch
    {
        ChallengeRaised r => new Challenge(r.ChallengeId, r.Gid.Value, r.Kind, r.Reason, r.RaisedBy, r.RegisteringOffice, r.RaisedOn, r.DueBy, ChallengeStatus.Open, null, null, null) { PersonRequest = r.PersonRequest },
        ChallengeResolved r when state is not null => state with { Status = ChallengeStatus.Resolved, Outcome = r.Outcome, Resolution = r.Reason, ResolvedOn = r.ResolvedOn },
        _ => state,
    };

    /// <summary>Any office or association may challenge a live identity; its managing office must answer within 10 Geneva business days.</summary>
    public static ChallengeRaised Raise(Identity identity, string id, ChallengeKind kind, string reason, string office, LocalDate today, PersonRequest? personRequest = null)
    {
        if (identity.Status == IdentityStatus.Erased)
        {
            throw Refusal.Conflict($"{identity.Id} was erased; nothing of it is held to challenge.");
        }

        if (identity.Status == IdentityStatus.Merged)
        {
            throw Refusal.Conflict($"{identity.Id} was merged into {identity.MergedInto}; challenge that identity instead.");
        }

        if (personRequest is not null && identity.Kind != IdentityKind.NaturalPerson)
        {
            throw Refusal.Invalid("personRequest", $"{identity.Id} is a legal entity; a person's request to correct their data concerns a natural person.");
        }

        return new ChallengeRaised(id, identity.Gid, kind, reason, office, identity.ManagingOffice, today, GenevaCalendar.AddBusinessDays(today, BusinessDaysToResolve), personRequest);
    }

    /// <summary>Only the identity's managing office, as it is now (management may have moved since), resolves, once.</summary>
    public static ChallengeResolved Resolve(Challenge challenge, string managingOffice, ChallengeOutcome outcome, string reason, string office, LocalDate today)
    {
        if (office != managingOffice)
        {
            throw new Refusal(ErrorCodes.Forbidden, $"Only {managingOffice}, the managing office of {challenge.Gid}, resolves challenges of it.");
        }

        if (challenge.Status == ChallengeStatus.Resolved)
        {
            throw Refusal.Conflict($"Challenge {challenge.Id} was already resolved ({challenge.Outcome}) on {challenge.ResolvedOn:uuuu-MM-dd}.");
        }

        return new ChallengeResolved(outcome, reason, office, today);
    }
}

/// <summary>Keeps <see cref="Challenge"/> inline, in the same transaction as its events.</summary>
public sealed partial class ChallengeProjection : SingleStreamProjection<Challenge, string>
{
    public override Challenge? Evolve(Challenge? snapshot, string id, IEvent e) =>
        Challenge.Project(snapshot, e.Data) is { } challenge ? challenge with { Version = e.Version } : null;
}
