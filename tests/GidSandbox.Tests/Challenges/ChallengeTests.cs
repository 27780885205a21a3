using System.Text.Json.Nodes;
using GidSandbox.Challenges;
using GidSandbox.Terms;
using NodaTime;

namespace GidSandbox.Tests.Challenges;

[Collection(SeparateSandboxCollection.Name)]
public sealed class ChallengeTests(SeparateSandboxFixture sandbox)
{
    private const string Fields = "id gid kind reason raisedBy registeringOffice raisedOn dueBy status outcome resolution resolvedOn";
    private const string Raise = $"mutation ($gid: Gid!, $kind: ChallengeKind!, $reason: String!) {{ raiseChallenge(gid: $gid, kind: $kind, reason: $reason) {{ {Fields} }} }}";
    private const string Resolve = $"mutation ($id: ID!, $outcome: ChallengeOutcome!, $reason: String!) {{ resolveChallenge(challengeId: $id, outcome: $outcome, reason: $reason) {{ {Fields} }} }}";

    private async Task<JsonNode> Raised(string gid, string client = Clients.Association, string kind = "WRONG_NAME") =>
        (await sandbox.Data(Raise, new { gid, kind, reason = "The name is misspelt" }, client))["raiseChallenge"]!;

    [Fact]
    public async Task an_association_challenges_an_identity_and_the_registering_office_resolves_it_every_step_an_event()
    {
        var company = await sandbox.ALegalEntity("Challenged Ltd", "GB");
        var today = TermsOfUseBook.Today(sandbox.Clock.GetCurrentInstant());

        var raised = await Raised(company.Gid());
        var resolved = (await sandbox.Data(Resolve, new { id = raised["id"]!.GetValue<string>(), outcome = "ACCEPTED_WITH_CORRECTION", reason = "Name corrected" }))["resolveChallenge"]!;
        var listed = (await sandbox.Data("query ($gid: Gid!) { challenges(gid: $gid) { id status } }", new { gid = company.Gid() }))["challenges"]!.AsArray();
        var trail = (await sandbox.Data("{ auditTrail(filter: { eventTypes: [\"ChallengeRaised\", \"ChallengeResolved\"] }, first: 500) { edges { node { streamId type office reason } } } }",
            client: Clients.Governance))["auditTrail"]!["edges"]!.AsArray().Select(e => e!["node"]!).Where(n => n["streamId"]!.GetValue<string>() == raised["id"]!.GetValue<string>()).ToList();

        Assert.Equal(("INTA", "EP", "OPEN", "WRONG_NAME"), (raised["raisedBy"]!.GetValue<string>(), raised["registeringOffice"]!.GetValue<string>(), raised["status"]!.GetValue<string>(), raised["kind"]!.GetValue<string>()));
        Assert.Equal(GenevaCalendar.AddBusinessDays(today, 10).ToString("uuuu-MM-dd", null), raised["dueBy"]!.GetValue<string>());
        Assert.Equal(("RESOLVED", "ACCEPTED_WITH_CORRECTION", "Name corrected"), (resolved["status"]!.GetValue<string>(), resolved["outcome"]!.GetValue<string>(), resolved["resolution"]!.GetValue<string>()));
        Assert.Equal("RESOLVED", Assert.Single(listed)!["status"]!.GetValue<string>());
        Assert.Equal([("ChallengeRaised", "INTA", "The name is misspelt"), ("ChallengeResolved", "EP", "Name corrected")],
            trail.Select(n => (n["type"]!.GetValue<string>(), n["office"]!.GetValue<string>(), n["reason"]!.GetValue<string>())));
    }

    [Fact]
    public async Task only_the_registering_office_resolves_once_and_with_a_reason()
    {
        var company = await sandbox.ALegalEntity("Contested Ltd", "GB");
        var id = (await Raised(company.Gid(), Clients.OfficeWithoutMerge, "SUSPECTED_DUPLICATE"))["id"]!.GetValue<string>();

        var otherOffice = await sandbox.Error(Resolve, new { id, outcome = "REJECTED", reason = "Not ours" }, client: Clients.OfficeWithoutMerge);
        var noReason = await sandbox.Error(Resolve, new { id, outcome = "REJECTED", reason = " " });
        await sandbox.Data(Resolve, new { id, outcome = "REJECTED", reason = "Different companies: other registration number" });
        var twice = await sandbox.Error(Resolve, new { id, outcome = "ACCEPTED_WITH_MERGE", reason = "Changed our mind" });
        var unknown = await sandbox.Error(Resolve, new { id = "challenge-nope", outcome = "REJECTED", reason = "x" });

        Assert.Equal(("FORBIDDEN", "VALIDATION_FAILED", "CONFLICT", "NOT_FOUND"), (otherOffice.Code(), noReason.Code(), twice.Code(), unknown.Code()));
        Assert.Contains("Only EP", otherOffice["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_challenge_of_an_unknown_identity_or_without_a_reason_is_refused_and_stores_nothing()
    {
        var events = await sandbox.CountEvents();

        var unknown = await sandbox.Error(Raise, new { gid = GidSandbox.Identities.Gid.NewGid().Value, kind = "WRONG_NAME", reason = "x" }, client: Clients.Association);
        var noReason = await sandbox.Error(Raise, new { gid = (await sandbox.ALegalEntity()).Gid(), kind = "WRONG_NAME", reason = "" }, client: Clients.Association);

        Assert.Equal(("NOT_FOUND", "VALIDATION_FAILED"), (unknown.Code(), noReason.Code()));
        Assert.Equal(events + 1, await sandbox.CountEvents()); // only the registration
    }

    [Fact]
    public async Task an_unresolved_challenge_appears_as_overdue_after_ten_business_days()
    {
        var start = sandbox.Clock.GetCurrentInstant();
        try
        {
            var company = await sandbox.ALegalEntity("Slow Ltd", "GB");
            var id = (await Raised(company.Gid()))["id"]!.GetValue<string>();
            const string overdue = "{ overdueChallenges { id dueBy } }";

            var notYet = (await sandbox.Data(overdue, client: Clients.Governance))["overdueChallenges"]!.AsArray();
            sandbox.Clock.Advance(Duration.FromDays(20));
            var late = (await sandbox.Data(overdue, client: Clients.Governance))["overdueChallenges"]!.AsArray();

            Assert.DoesNotContain(notYet, c => c!["id"]!.GetValue<string>() == id);
            Assert.Contains(late, c => c!["id"]!.GetValue<string>() == id);
        }
        finally
        {
            sandbox.Clock.Reset(start);
        }
    }
}
