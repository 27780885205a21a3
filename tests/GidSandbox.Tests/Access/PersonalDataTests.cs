using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Access;

/// <summary>Terms 4.1 and 2.3: personal details stay with the registering office; e-mail is mock data only.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PersonalDataTests(SandboxFixture sandbox)
{
    private const string Details = "address { city } contactEmail personalDetailsWithheld registeringOffice";

    private async Task<JsonObject> APersonRegisteredByEp()
    {
        var data = await sandbox.Data($$"""
            mutation { registerNaturalPerson(input: {
              names: [{ text: "Erika Mustermann {{Given.UniqueWord()}}", script: "Latn" }], country: "DE",
              address: { lines: ["Heidestraße 17"], city: "Köln", country: "DE" }, contactEmail: "erika@example.org" })
              { identity { gid {{Details}} } } }
            """);
        return data["registerNaturalPerson"]!["identity"]!.AsObject();
    }

    [Fact]
    public async Task the_registering_office_and_governance_see_a_persons_details_and_other_offices_do_not()
    {
        var person = await APersonRegisteredByEp();
        var query = $"query ($gid: Gid!) {{ identity(gid: $gid) {{ {Details} }} }}";

        var own = await sandbox.Data(query, new { gid = person.Gid() });
        var governance = await sandbox.Data(query, new { gid = person.Gid() }, Clients.Governance);
        var other = await sandbox.Data(query, new { gid = person.Gid() }, Clients.OfficeWithoutMerge);
        var association = await sandbox.Data(query, new { gid = person.Gid() }, Clients.Association);

        const string visible = """{ "identity": { "address": { "city": "Köln" }, "contactEmail": "erika@example.org", "personalDetailsWithheld": false, "registeringOffice": "EP" } }""";
        const string withheld = """{ "identity": { "address": null, "contactEmail": null, "personalDetailsWithheld": true, "registeringOffice": "EP" } }""";
        Given.AssertJson(visible, own);
        Given.AssertJson(visible, governance);
        Given.AssertJson(withheld, other);
        Given.AssertJson(withheld, association);
    }

    [Fact]
    public async Task another_office_cannot_reach_the_details_through_aliases_batches_history_or_as_of()
    {
        var person = await APersonRegisteredByEp();
        var history = (await sandbox.Data("query ($gid: Gid!) { identityHistory(gid: $gid) { recordedAt } }", new { gid = person.Gid() }))["identityHistory"]!;
        var at = history[0]!["recordedAt"]!.GetValue<string>();

        var data = await sandbox.Data("""
            query ($gid: Gid!, $at: Instant!) {
              sneaky: identity(gid: $gid) { home: address { lines } mail: contactEmail }
              identities(gids: [$gid]) { ...Details }
              identityAsOf(gid: $gid, at: $at) { ...Details }
              identityHistory(gid: $gid) { data }
            }
            fragment Details on Identity { address { city } contactEmail }
            """, new { gid = person.Gid(), at }, Clients.OfficeWithoutMerge);

        Given.AssertJson("""{ "home": null, "mail": null }""", data["sneaky"]);
        Given.AssertJson("""[{ "address": null, "contactEmail": null }]""", data["identities"]);
        Given.AssertJson("""{ "address": null, "contactEmail": null }""", data["identityAsOf"]);
        var recorded = data["identityHistory"]![0]!["data"]!;
        Assert.Null(recorded["address"]);
        Assert.Null(recorded["contactEmail"]);
        Assert.StartsWith("Erika Mustermann ", recorded["names"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_legal_entitys_address_is_public()
    {
        var data = await sandbox.Data("""
            mutation { registerLegalEntity(input: { names: [{ text: "Open Address AG", script: "Latn" }], country: "CH",
              address: { lines: ["Chemin des Colombettes 34"], city: "Genève", country: "CH" } }) { identity { gid } } }
            """);
        var gid = data["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();

        var seen = await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { address { city } personalDetailsWithheld } }", new { gid }, Clients.Association);

        Given.AssertJson("""{ "identity": { "address": { "city": "Genève" }, "personalDetailsWithheld": false } }""", seen);
    }

    [Theory]
    [InlineData("ann@gmail.com")]
    [InlineData("ann@example.co.uk")]
    [InlineData("not-an-address")]
    public async Task a_contact_email_outside_the_reserved_example_domains_is_refused(string email)
    {
        var streams = await sandbox.CountStreams();

        var error = await sandbox.Error(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = "Ann Example", script = "Latn" } }, country = "GB", contactEmail = email },
        });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.contactEmail"], error.Fields());
        Assert.Equal(streams, await sandbox.CountStreams());
    }

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("ann@patents.example")]
    [InlineData("ann@office.test")]
    public async Task reserved_example_domains_are_accepted(string email)
    {
        var data = await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = $"Ann {Given.UniqueWord()}", script = "Latn" } }, country = "GB", contactEmail = email },
        });

        Assert.Equal("ACTIVE", data["registerNaturalPerson"]!["identity"]!["status"]!.GetValue<string>());
    }
}
