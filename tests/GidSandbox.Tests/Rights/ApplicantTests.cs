using System.Text.Json.Nodes;
using GidSandbox.Terms;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace GidSandbox.Tests.Rights;

/// <summary>A natural person signed in as an applicant: their own records only, their consent, their requests.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ApplicantTests(SandboxFixture sandbox)
{
    private const string Consent = """
        mutation ($gid: Gid!, $given: Boolean!) { recordConsent(input: { gid: $gid, given: $given }) { identity { gid version consent { given at } } } }
        """;

    private async Task<string> APersonWithAnAddress(string client = Clients.Default) =>
        (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = $"Ada {Given.UniqueWord()}", script = "Latn" } }, country = "CH", address = new { lines = new[] { "Rue 1" }, city = "Genève", country = "CH" } },
        }, client))["registerNaturalPerson"]!["identity"]!.AsObject().Gid();

    [Fact]
    public async Task an_applicant_sees_their_own_record_whole_and_nothing_else()
    {
        var own = await APersonWithAnAddress();
        var other = await APersonWithAnAddress();
        var applicant = await Applicant.SignIn(sandbox, own);

        var records = (await applicant.Data("{ myRecords { gid address { city } personalDetailsWithheld } }"))["myRecords"]!;
        var lookup = await applicant.Error("query ($gid: Gid!) { identity(gid: $gid) { gid } }", new { gid = other });
        var search = await applicant.Error("{ searchIdentities(name: \"Ada\") { edges { node { gid } } } }");

        Given.AssertJson($$"""[{ "gid": "{{own}}", "address": { "city": "Genève" }, "personalDetailsWithheld": false }]""", records);
        Assert.Equal(("FORBIDDEN", "FORBIDDEN"), (lookup.Code(), search.Code()));
    }

    [Fact]
    public async Task an_applicant_records_and_withdraws_consent_and_offices_see_it_on_the_identity()
    {
        var own = await APersonWithAnAddress();
        var applicant = await Applicant.SignIn(sandbox, own);
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Format(sandbox.Clock.GetCurrentInstant());

        var given = (await applicant.Data(Consent, new { gid = own, given = true }))["recordConsent"]!["identity"]!;
        var seenByAnotherOffice = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { consent { given at } } }", new { gid = own }, Clients.OfficeWithoutMerge))["identity"]!;
        var again = await applicant.Error(Consent, new { gid = own, given = true });
        var withdrawn = (await applicant.Data(Consent, new { gid = own, given = false }))["recordConsent"]!["identity"]!;
        var history = (await sandbox.Data("query ($gid: Gid!) { identityHistory(gid: $gid) { type office } }", new { gid = own }, Clients.Governance))["identityHistory"]!.AsArray();

        Given.AssertJson($$"""{ "given": true, "at": "{{at}}" }""", given["consent"]);
        Given.AssertJson($$"""{ "consent": { "given": true, "at": "{{at}}" } }""", seenByAnotherOffice);
        Assert.Equal("CONFLICT", again.Code());
        Assert.False(withdrawn["consent"]!["given"]!.GetValue<bool>());
        Assert.Equal(2, history.Count(e => e!["type"]!.GetValue<string>() == "ConsentRecorded" && e["office"]!.GetValue<string>() == "APPLICANT"));
    }

    [Fact]
    public async Task nobody_but_the_person_records_their_consent_and_a_refusal_stores_nothing()
    {
        var own = await APersonWithAnAddress();
        var other = await APersonWithAnAddress();
        var applicant = await Applicant.SignIn(sandbox, own);
        var events = await sandbox.CountEvents();

        foreach (var client in new[] { Clients.Default, Clients.OfficeWithoutMerge, Clients.Association, Clients.Governance })
        {
            Assert.Equal("FORBIDDEN", (await sandbox.Error(Consent, new { gid = own, given = true }, client: client)).Code());
        }

        Assert.Equal("FORBIDDEN", (await applicant.Error(Consent, new { gid = other, given = true })).Code());
        Assert.Equal("FORBIDDEN", (await applicant.Error("mutation ($gid: Gid!) { requestErasure(gid: $gid) { reference } }", new { gid = other })).Code());
        Assert.Equal("FORBIDDEN", (await applicant.Error("mutation ($gid: Gid!) { requestCorrection(gid: $gid, kind: WRONG_NAME, reason: \"Not me\") { id } }", new { gid = other })).Code());
        Assert.Equal(events, await sandbox.CountEvents());
    }

    [Fact]
    public async Task an_applicant_asks_for_a_correction_which_the_managing_office_resolves()
    {
        var own = await APersonWithAnAddress(Clients.OfficeWithoutMerge);
        var applicant = await Applicant.SignIn(sandbox, own);

        var raised = (await applicant.Data("mutation ($gid: Gid!) { requestCorrection(gid: $gid, kind: WRONG_NAME, reason: \"My name is spelt Adah\") { id raisedBy registeringOffice personRequest { reference } } }", new { gid = own }))["requestCorrection"]!;
        var inbox = (await sandbox.Data("{ challengeInbox { id } }", client: Clients.OfficeWithoutMerge))["challengeInbox"]!.AsArray();
        var blank = await applicant.Error("mutation ($gid: Gid!) { requestCorrection(gid: $gid, kind: WRONG_NAME, reason: \" \") { id } }", new { gid = own });

        Assert.Equal(("APPLICANT", "DE"), (raised["raisedBy"]!.GetValue<string>(), raised["registeringOffice"]!.GetValue<string>()));
        Assert.StartsWith("PR-", raised["personRequest"]!["reference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(inbox, c => c!["id"]!.GetValue<string>() == raised["id"]!.GetValue<string>());
        Assert.Equal("VALIDATION_FAILED", blank.Code());
    }

    [Fact]
    public async Task an_applicant_asks_for_erasure_and_governance_decides_it_under_the_request_reference()
    {
        var own = await APersonWithAnAddress();
        var applicant = await Applicant.SignIn(sandbox, own);
        await applicant.Data(Consent, new { gid = own, given = true });

        var requested = (await applicant.Data("mutation ($gid: Gid!) { requestErasure(gid: $gid) { gid reference receivedOn erased } }", new { gid = own }))["requestErasure"]!;
        var reference = requested["reference"]!.GetValue<string>();
        var open = await ErasureRequest(reference);
        Assert.Equal("FORBIDDEN", (await applicant.Error("{ erasureRequests { gid } }")).Code());
        Assert.Equal("FORBIDDEN", (await sandbox.Error("{ erasureRequests { gid } }", client: Clients.Default)).Code());
        await sandbox.Data("mutation ($input: EraseNaturalPersonInput!) { eraseNaturalPerson(input: $input) { replayed } }",
            new { input = new { gid = own, requestReference = reference, requestReceivedOn = requested["receivedOn"]!.GetValue<string>(), decisionReference = $"GOV-{Guid.NewGuid():N}", legalBasis = "Right to erasure" } }, Clients.Governance);
        var decided = await ErasureRequest(reference);
        var after = (await applicant.Data("{ myRecords { status names { text } address { city } consent { given } } }"))["myRecords"]!;

        Assert.False(open["erased"]!.GetValue<bool>());
        Assert.True(decided["erased"]!.GetValue<bool>());
        Given.AssertJson("""[{ "status": "ERASED", "names": [], "address": null, "consent": null }]""", after);
    }

    [Fact]
    public async Task an_erasure_requested_in_the_hour_geneva_is_a_day_ahead_of_utc_is_decided_under_the_day_it_was_received()
    {
        var original = sandbox.Clock.GetCurrentInstant();
        // 23:30 UTC is already the next day in Geneva, the registry's day (TermsOfUseBook.Today), in every season.
        sandbox.Clock.Reset(original.InUtc().Date.At(new LocalTime(23, 30)).InUtc().ToInstant());
        try
        {
            var own = await APersonWithAnAddress();
            var applicant = await Applicant.SignIn(sandbox, own);
            var requested = (await applicant.Data("mutation ($gid: Gid!) { requestErasure(gid: $gid) { reference receivedOn } }", new { gid = own }))["requestErasure"]!;
            await sandbox.Data("mutation ($input: EraseNaturalPersonInput!) { eraseNaturalPerson(input: $input) { replayed } }",
                new { input = new { gid = own, requestReference = requested["reference"]!.GetValue<string>(), requestReceivedOn = requested["receivedOn"]!.GetValue<string>(), decisionReference = $"GOV-{Guid.NewGuid():N}", legalBasis = "Right to erasure" } }, Clients.Governance);

            Assert.Equal(original.InUtc().Date.PlusDays(1).ToString("yyyy-MM-dd", null), requested["receivedOn"]!.GetValue<string>());
            Assert.True((await ErasureRequest(requested["reference"]!.GetValue<string>()))["erased"]!.GetValue<bool>());
        }
        finally
        {
            sandbox.Clock.Reset(original);
        }
    }

    private async Task<JsonNode> ErasureRequest(string reference) =>
        (await sandbox.Data("{ erasureRequests { gid reference receivedOn erased } }", client: Clients.Governance))["erasureRequests"]!.AsArray()
            .Single(r => r!["reference"]!.GetValue<string>() == reference)!;

    [Fact]
    public void the_configured_applicants_are_natural_persons_of_the_mock_world_with_their_own_records_only()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var applicants = configuration.GetSection("Access:People").GetChildren().Where(p => p["Role"] == "Applicant").ToList();
        var registered = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "mock-data", "small", "identities.ndjson"))
            .Select(line => JsonNode.Parse(line)!).Where(l => l["type"]!.GetValue<string>() == "registerNaturalPerson").Select(l => l["gid"]!.GetValue<string>()).ToHashSet();

        Assert.True(applicants.Count >= 3);
        Assert.All(applicants, a =>
        {
            Assert.Equal(["applicant:self"], a.GetSection("Scopes").GetChildren().Select(s => s.Value));
            Assert.All(a.GetSection("Records").GetChildren(), r => Assert.Contains(r.Value!, registered));
        });
    }
}
