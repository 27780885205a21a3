using GidSandbox.Terms;

namespace GidSandbox.Tests.Rights;

/// <summary>A person's right to correction goes through the challenge process, with the person's request recorded on the challenge.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CorrectionRequestTests(SandboxFixture sandbox)
{
    private const string Raise = """
        mutation ($gid: Gid!, $request: PersonRequestInput) {
          raiseChallenge(gid: $gid, kind: WRONG_NAME, reason: "The person asks to be named as in their passport", personRequest: $request) { id raisedBy status personRequest { reference receivedOn } }
        }
        """;

    [Fact]
    public async Task governance_raises_a_challenge_for_the_person_and_the_managing_office_resolves_it_as_any_other()
    {
        var person = (await sandbox.ANaturalPerson(country: "CH")).Gid();

        var raised = (await sandbox.Data(Raise, new { gid = person, request = new { reference = "REQ-FIX-7", receivedOn = "2026-11-21" } }, Clients.Governance))["raiseChallenge"]!;
        var id = raised["id"]!.GetValue<string>();
        var resolved = (await sandbox.Data("mutation ($id: ID!) { resolveChallenge(challengeId: $id, outcome: ACCEPTED_WITH_CORRECTION, reason: \"Name added as in the passport\") { status personRequest { reference } } }", new { id }))["resolveChallenge"]!;
        var listed = (await sandbox.Data("query ($gid: Gid!) { challenges(gid: $gid) { personRequest { reference receivedOn } } }", new { gid = person }, Clients.OfficeWithoutMerge))["challenges"]!;

        Given.AssertJson($$"""{ "id": "{{id}}", "raisedBy": "IB", "status": "OPEN", "personRequest": { "reference": "REQ-FIX-7", "receivedOn": "2026-11-21" } }""", raised);
        Given.AssertJson("""{ "status": "RESOLVED", "personRequest": { "reference": "REQ-FIX-7" } }""", resolved);
        Given.AssertJson("""[{ "personRequest": { "reference": "REQ-FIX-7", "receivedOn": "2026-11-21" } }]""", listed);
    }

    [Fact]
    public async Task a_challenge_without_a_person_request_carries_none()
    {
        var person = (await sandbox.ANaturalPerson(country: "CH")).Gid();

        var raised = (await sandbox.Data(Raise, new { gid = person, request = (object?)null }, Clients.OfficeWithoutMerge))["raiseChallenge"]!;

        Assert.Null(raised["personRequest"]);
    }

    [Fact]
    public async Task a_person_request_needs_a_reference_a_day_not_after_today_and_a_natural_person_and_a_refused_one_stores_nothing()
    {
        var person = (await sandbox.ANaturalPerson(country: "CH")).Gid();
        var company = (await sandbox.ALegalEntity(country: "CH")).Gid();
        var tomorrow = TermsOfUseBook.Today(sandbox.Clock.GetCurrentInstant()).PlusDays(1).ToString("yyyy-MM-dd", null);
        var events = await sandbox.CountEvents();

        var bad = await sandbox.Error(Raise, new { gid = person, request = new { reference = "", receivedOn = tomorrow } }, client: Clients.Governance);
        var entity = await sandbox.Error(Raise, new { gid = company, request = new { reference = "REQ-2", receivedOn = "2026-11-21" } }, client: Clients.Governance);

        Assert.Equal(("VALIDATION_FAILED", "personRequest.reference personRequest.receivedOn"), (bad.Code(), string.Join(' ', bad.Fields())));
        Assert.Equal(("VALIDATION_FAILED", "personRequest"), (entity.Code(), string.Join(' ', entity.Fields())));
        Assert.Equal(events, await sandbox.CountEvents());
    }
}
