using System.Text.Json.Nodes;
using GidSandbox.Terms;
using Marten;
using Marten.Events;

namespace GidSandbox.Tests.Rights;

/// <summary>A person's right to see their data: governance exports everything the registry holds about them, for a verified request.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PersonalDataExportTests(SandboxFixture sandbox)
{
    private const string Export = """
        mutation ($input: ExportPersonalDataInput!) {
          exportPersonalData(input: $input) {
            gid request { reference receivedOn } producedAt
            identities { gid status names { text } address { lines city } contactEmail externalIdentifiers { issuer value } mergedInto consent { given } }
            history { gid event { type office clientId reason recordedAt data } }
            challenges { gid reason raisedBy }
            duplicateDecisions { gid event { type office } }
          }
        }
        """;

    private static object ExportOf(string gid, string reference = "REQ-SEE-1", string receivedOn = "2026-11-20") =>
        new { input = new { gid, request = new { reference, receivedOn } } };

    [Fact]
    public async Task governance_exports_every_identity_of_the_person_with_its_history_challenges_and_duplicate_decisions()
    {
        var (given, family) = (Given.UniqueWord(), Given.UniqueWord());
        var person = (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new
            {
                names = new[] { new { text = $"{given} {family}", script = "Latn" } },
                country = "CH",
                address = new { lines = new[] { $"{family}gasse 3" }, city = "Bern", postalCode = "3000", country = "CH" },
                contactEmail = $"{given.ToLowerInvariant()}@example.org",
            },
        }))["registerNaturalPerson"]!["identity"]!.AsObject().Gid();
        var deNumber = Given.ApplicantNumber("DE");
        await sandbox.Data("mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { version } } }",
            new { input = new { gid = person, identifier = Given.ExternalId(deNumber, "DE") } }, Clients.OfficeWithoutMerge);
        var duplicate = (await sandbox.ANaturalPerson($"{Given.UniqueWord()} {Given.UniqueWord()}", country: "CH")).Gid();
        await sandbox.Data("mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { version } } }",
            new { input = new { survivor = person, merged = duplicate, reason = "One person" } });
        await sandbox.Data("mutation ($gid: Gid!, $reason: String!) { raiseChallenge(gid: $gid, kind: WRONG_NAME, reason: $reason) { id } }",
            new { gid = person, reason = $"{given} is spelt otherwise here" }, Clients.OfficeWithoutMerge);

        var byMergedGid = (await sandbox.Data(Export, ExportOf(duplicate), Clients.Governance))["exportPersonalData"]!;

        Assert.Equal(person, byMergedGid["gid"]!.GetValue<string>());
        Given.AssertJson("""{ "reference": "REQ-SEE-1", "receivedOn": "2026-11-20" }""", byMergedGid["request"]);
        var identities = byMergedGid["identities"]!.AsArray();
        Assert.Equal([person, duplicate], identities.Select(i => i!["gid"]!.GetValue<string>()));
        Assert.Equal($"{family}gasse 3", identities[0]!["address"]!["lines"]![0]!.GetValue<string>());
        Assert.Equal($"{given.ToLowerInvariant()}@example.org", identities[0]!["contactEmail"]!.GetValue<string>());
        Assert.Contains(identities[0]!["externalIdentifiers"]!.AsArray(), x => x!["value"]!.GetValue<string>() == deNumber);
        Assert.Equal(person, identities[1]!["mergedInto"]!.GetValue<string>());
        var history = byMergedGid["history"]!.AsArray();
        Assert.Equal(["NaturalPersonRegistered", "ExternalIdentifierLinked", "IdentityAbsorbed"], history.Where(e => e!["gid"]!.GetValue<string>() == person).Select(e => e!["event"]!["type"]!.GetValue<string>()));
        Assert.Contains(history, e => e!["event"]!["type"]!.GetValue<string>() == "ExternalIdentifierLinked" && e["event"]!["office"]!.GetValue<string>() == "DE");
        Assert.Contains(history, e => e!["gid"]!.GetValue<string>() == duplicate && e["event"]!["type"]!.GetValue<string>() == "IdentityMerged" && e["event"]!["reason"]!.GetValue<string>() == "One person");
        Given.AssertJson($$"""[{ "gid": "{{person}}", "reason": "{{given}} is spelt otherwise here", "raisedBy": "DE" }]""", byMergedGid["challenges"]);
        Assert.Equal(["IdentityAbsorbed", "IdentityMerged"], byMergedGid["duplicateDecisions"]!.AsArray().Select(e => e!["event"]!["type"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task an_export_is_recorded_in_the_audit_trail_with_the_request_it_answered_and_not_its_content()
    {
        var name = $"Seen {Given.UniqueWord()}";
        var person = (await sandbox.ANaturalPerson(name, country: "CH")).Gid();
        var reference = $"REQ-{Guid.NewGuid():N}";

        await sandbox.Data(Export, ExportOf(person, reference), Clients.Governance);
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var trail = (await sandbox.Data("""{ auditTrail(filter: { eventTypes: ["PersonalDataExported"] }, first: 500) { edges { node { streamId office clientId data } } } }""", client: Clients.Governance))["auditTrail"]!["edges"]!.AsArray();
        var recorded = Assert.Single(trail, e => e!["node"]!["streamId"]!.GetValue<string>() == $"rights-{person}")!["node"]!;
        Assert.Equal(("IB", "governance"), (recorded["office"]!.GetValue<string>(), recorded["clientId"]!.GetValue<string>()));
        Assert.Equal(reference, recorded["data"]!["request"]!["reference"]!.GetValue<string>());
        Assert.Equal([person], recorded["data"]!["identities"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.DoesNotContain(name, recorded.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task only_governance_exports_and_a_refused_export_stores_nothing()
    {
        var person = (await sandbox.ANaturalPerson(country: "CH")).Gid();
        var applicant = await Applicant.SignIn(sandbox, person);
        var events = await sandbox.CountEvents();

        foreach (var client in new[] { Clients.Default, Clients.OfficeWithoutMerge, Clients.Association })
        {
            Assert.Equal("FORBIDDEN", (await sandbox.Error(Export, ExportOf(person), client: client)).Code());
        }

        Assert.Equal("FORBIDDEN", (await applicant.Error(Export, ExportOf(person))).Code());
        Assert.Equal(events, await sandbox.CountEvents());
    }

    [Fact]
    public async Task an_export_needs_a_request_received_by_today_and_a_natural_person_still_held()
    {
        var company = (await sandbox.ALegalEntity(country: "CH")).Gid();
        var erased = (await sandbox.ANaturalPerson(country: "CH")).Gid();
        await sandbox.Data("mutation ($input: EraseNaturalPersonInput!) { eraseNaturalPerson(input: $input) { replayed } }",
            new { input = new { gid = erased, requestReference = "REQ-1", requestReceivedOn = "2026-11-20", decisionReference = $"GOV-{Guid.NewGuid():N}", legalBasis = "Right to erasure" } }, Clients.Governance);
        var person = (await sandbox.ANaturalPerson(country: "CH")).Gid();
        var events = await sandbox.CountEvents();
        var tomorrow = TermsOfUseBook.Today(sandbox.Clock.GetCurrentInstant()).PlusDays(1).ToString("yyyy-MM-dd", null);

        var blank = await sandbox.Error(Export, ExportOf(person, reference: " ", receivedOn: tomorrow), client: Clients.Governance);
        var entity = await sandbox.Error(Export, ExportOf(company), client: Clients.Governance);
        var gone = await sandbox.Error(Export, ExportOf(erased), client: Clients.Governance);
        var unknown = await sandbox.Error(Export, ExportOf("GID-0000-0000-0000-0001"), client: Clients.Governance);
        var malformed = await sandbox.Error(Export, ExportOf("GID-not-one"), expectedStatus: 400, client: Clients.Governance);

        Assert.Equal(("VALIDATION_FAILED", "input.request.reference input.request.receivedOn"), (blank.Code(), string.Join(' ', blank.Fields())));
        Assert.Equal(("VALIDATION_FAILED", "input.gid"), (entity.Code(), string.Join(' ', entity.Fields())));
        Assert.Equal("CONFLICT", gone.Code());
        Assert.Equal("NOT_FOUND", unknown.Code());
        Assert.Equal(("VALIDATION_FAILED", "input.gid"), (malformed.Code(), string.Join(' ', malformed.Fields())));
        Assert.Equal(events, await sandbox.CountEvents());
    }
}
