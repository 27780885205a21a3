using GidSandbox.Challenges;
using GidSandbox.Identities;
using NodaTime;

namespace GidSandbox.Tests.Challenges;

public sealed class ChallengeDecisionTests
{
    private static readonly LocalDate Today = new(2026, 12, 17);

    private static Identity AnIdentity(IdentityStatus status = IdentityStatus.Active) => new()
    {
        Id = Gid.NewGid().Value,
        Kind = IdentityKind.LegalEntity,
        Country = "JP",
        RegisteringOffice = "JP",
        Status = status,
        MergedInto = status == IdentityStatus.Merged ? Gid.NewGid().Value : null,
    };

    [Fact]
    public void a_challenge_is_due_ten_geneva_business_days_later_with_the_registering_office_to_answer()
    {
        var raised = Challenge.Raise(AnIdentity(), "challenge-1", ChallengeKind.WrongName, "Misspelt", "INTA", Today);

        Assert.Equal(("JP", "INTA", new LocalDate(2027, 1, 5)), (raised.RegisteringOffice, raised.RaisedBy, raised.DueBy));
    }

    [Fact]
    public void a_merged_identity_is_not_challenged()
    {
        var refusal = Assert.Throws<Refusal>(() => Challenge.Raise(AnIdentity(IdentityStatus.Merged), "challenge-1", ChallengeKind.WrongName, "x", "INTA", Today));

        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
    }

    [Fact]
    public void only_the_managing_office_resolves_and_only_once()
    {
        var challenge = Challenge.Project(null, Challenge.Raise(AnIdentity(), "challenge-1", ChallengeKind.SuspectedDuplicate, "Same as GID-…", "EP", Today))!;
        var resolved = Challenge.Project(challenge, Challenge.Resolve(challenge, "JP", ChallengeOutcome.AcceptedWithMerge, "Merged", "JP", Today.PlusDays(1)))!;

        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<Refusal>(() => Challenge.Resolve(challenge, "JP", ChallengeOutcome.Rejected, "No", "EP", Today)).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<Refusal>(() => Challenge.Resolve(resolved, "JP", ChallengeOutcome.Rejected, "No", "JP", Today)).Code);
        Assert.Equal((ChallengeStatus.Resolved, ChallengeOutcome.AcceptedWithMerge), (resolved.Status, resolved.Outcome));
    }

    [Fact]
    public void an_open_challenge_is_overdue_only_after_its_due_day()
    {
        var challenge = Challenge.Project(null, Challenge.Raise(AnIdentity(), "challenge-1", ChallengeKind.WrongIdentifier, "Wrong LEI", "EP", Today))!;

        Assert.False(challenge.IsOverdue(challenge.DueBy));
        Assert.True(challenge.IsOverdue(challenge.DueBy.PlusDays(1)));
    }
}
