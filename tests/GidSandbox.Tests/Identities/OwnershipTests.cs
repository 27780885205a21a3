using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

/// <summary>The attacks on other offices' records, through the real HTTP pipeline: each one fails and leaves nothing behind.</summary>
[Collection(SandboxCollection.Name)]
public sealed class OwnershipTests(SandboxFixture sandbox)
{
    private const string Us = "office-ib";

    private const string ChangeAddress = """
        mutation ($input: ChangeAddressInput!) { changeAddress(input: $input) { identity { version } } }
        """;

    private const string History = "query ($gid: Gid!) { identityHistory(gid: $gid) { type } }";

    private async Task<JsonObject> APersonOfUs(object address)
    {
        await sandbox.EnsureTermsAccepted(Us);
        var data = await sandbox.Data(Given.RegisterNaturalPerson, new { input = new { names = new[] { new { text = $"Hanako {Given.UniqueWord()}", script = "Latn" } }, country = "JP", address } }, Us);
        return data["registerNaturalPerson"]!["identity"]!.AsObject();
    }

    [Fact]
    public async Task another_office_cannot_confirm_a_guess_of_a_persons_hidden_address()
    {
        var address = new { lines = new[] { "1-1 Chiyoda" }, city = "Tokyo", country = "JP" };
        var person = await APersonOfUs(address);

        var right = await sandbox.Error(ChangeAddress, new { input = new { gid = person.Gid(), address } });
        var wrong = await sandbox.Error(ChangeAddress, new { input = new { gid = person.Gid(), address = address with { city = "Osaka" } } });
        var removed = await sandbox.Error(ChangeAddress, new { input = new { gid = person.Gid(), address = (object?)null } });

        Assert.Equal(("FORBIDDEN", right["message"]!.GetValue<string>()), (wrong.Code(), wrong["message"]!.GetValue<string>()));
        Assert.Equal("FORBIDDEN", removed.Code());
        Assert.Single((await sandbox.Data(History, new { gid = person.Gid() }))["identityHistory"]!.AsArray());
        var refusals = (await sandbox.Data("{ refusedWrites(office: \"EP\", first: 20) { operation code message } }", client: Clients.Governance))["refusedWrites"]!.AsArray();
        Assert.Contains(refusals, r => r!["operation"]!.GetValue<string>() == "changeAddress" && r["message"]!.GetValue<string>().Contains(person.Gid(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_office_number_keeps_resolving_to_the_party_of_its_issuer()
    {
        await sandbox.EnsureTermsAccepted(Us);
        var number = Given.ApplicantNumber("IB");
        var jpParty = (await sandbox.Data(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = $"ACME {Given.UniqueWord()} KK", script = "Latn" } }, country = "JP", externalIdentifiers = new[] { Given.ExternalId(number, "IB") } } }, Us))["registerLegalEntity"]!["identity"]!.AsObject();
        var epCompany = await sandbox.ALegalEntity();

        var unlink = await sandbox.Error("mutation ($input: UnlinkExternalIdInput!) { unlinkExternalId(input: $input) { identity { gid } } }",
            new { input = new { gid = jpParty.Gid(), identifier = Given.ExternalId(number, "IB"), reason = "Mine now." } });
        var link = await sandbox.Error("mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { gid } } }",
            new { input = new { gid = epCompany.Gid(), identifier = Given.ExternalId(Given.ApplicantNumber("IB"), "JP") } });
        var deactivate = await sandbox.Error("mutation ($input: DeactivateIdentityInput!) { deactivateIdentity(input: $input) { identity { gid } } }",
            new { input = new { gid = jpParty.Gid(), reason = "Not needed." } });

        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], new[] { unlink.Code(), link.Code(), deactivate.Code() });
        var resolved = await sandbox.Data("query ($v: String!) { resolveExternalId(scheme: \"applicant-number\", issuer: \"IB\", value: $v) { gid status } }", new { v = number }, Us);
        Given.AssertJson($$"""{ "resolveExternalId": { "gid": "{{jpParty.Gid()}}", "status": "ACTIVE" } }""", resolved);
    }

    [Fact]
    public async Task an_lei_registered_once_is_refused_on_a_second_registration_naming_its_holder()
    {
        const string lei = "5299000J2N45DDNE4Y28";
        var registerWithLei = """
            mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid lei } } }
            """;
        var first = await sandbox.GraphQL(registerWithLei, new { input = new { names = new[] { new { text = $"Leiholder {Given.UniqueWord()} AG", script = "Latn" } }, country = "CH", lei } });
        var holder = first["data"]?["registerLegalEntity"]?["identity"]?["gid"]?.GetValue<string>()
            ?? (await sandbox.Data("query ($v: String!) { resolveExternalId(scheme: \"LEI\", issuer: \"EP\", value: $v) { gid } }", new { v = lei }))["resolveExternalId"]!["gid"]!.GetValue<string>();

        var second = await sandbox.Error(registerWithLei, new { input = new { names = new[] { new { text = $"Other {Given.UniqueWord()} SA", script = "Latn" } }, country = "CH", lei } });

        Assert.Equal("CONFLICT", second.Code());
        Assert.Contains(holder, second["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_document_with_two_writes_is_refused_whole_and_stores_nothing()
    {
        var company = await sandbox.ALegalEntity();

        var response = await sandbox.GraphQL("""
            mutation ($gid: Gid!) {
              a: addName(input: { gid: $gid, name: { text: "Second Name", script: "Latn" } }) { identity { version } }
              b: suspendOffice(office: "GB", reason: "x") { office }
            }
            """, new { gid = company.Gid() }, expectedStatus: 400);

        var error = Assert.Single(response["errors"]!.AsArray())!.AsObject();
        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Contains("one write", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, (await sandbox.Identity(company.Gid()))!.Version());
    }

    [Fact]
    public async Task a_transfer_and_a_merge_across_two_offices_need_both_and_show_in_the_history()
    {
        await sandbox.EnsureTermsAccepted(Us);
        var survivor = await sandbox.ALegalEntity();
        var duplicate = (await sandbox.Data(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = $"Dup {Given.UniqueWord()} KK", script = "Latn" } }, country = "JP" } }, Us))["registerLegalEntity"]!["identity"]!.AsObject();
        const string merge = "mutation ($input: MergeIdentitiesInput!) { FIELD(input: $input) { identity { gid status managingOffice mergeRequests { survivor merged requestedBy } } } }";
        var input = new { input = new { survivor = survivor.Gid(), merged = duplicate.Gid(), reason = "One party." } };

        Assert.Equal("FORBIDDEN", (await sandbox.Error(merge.Replace("FIELD", "mergeIdentities", StringComparison.Ordinal), input)).Code());
        var requested = await sandbox.Data(merge.Replace("FIELD", "requestMerge", StringComparison.Ordinal), input);
        Given.AssertJson($$"""{ "requestMerge": { "identity": { "gid": "{{duplicate.Gid()}}", "status": "ACTIVE", "managingOffice": "IB", "mergeRequests": [ { "survivor": "{{survivor.Gid()}}", "merged": "{{duplicate.Gid()}}", "requestedBy": "EP" } ] } } }""", requested);
        var accepted = await sandbox.Data(merge.Replace("FIELD", "acceptMerge", StringComparison.Ordinal), input, Us);
        Assert.Equal(survivor.Gid(), accepted["acceptMerge"]!["identity"]!["gid"]!.GetValue<string>());

        var transfer = "mutation ($input: ManagementTransferInput!) { FIELD(input: $input) { identity { managingOffice transferRequestedBy } } }";
        var gidInput = new { input = new { gid = survivor.Gid(), reason = "The party files with IB." } };
        await sandbox.Data(transfer.Replace("FIELD", "requestManagementTransfer", StringComparison.Ordinal), gidInput, Us);
        var handedOver = await sandbox.Data(transfer.Replace("FIELD", "acceptManagementTransfer", StringComparison.Ordinal), gidInput);

        Given.AssertJson("""{ "acceptManagementTransfer": { "identity": { "managingOffice": "IB", "transferRequestedBy": null } } }""", handedOver);
        var types = (await sandbox.Data(History, new { gid = survivor.Gid() }))["identityHistory"]!.AsArray().Select(e => e!["type"]!.GetValue<string>());
        Assert.Equal(["LegalEntityRegistered", "IdentityAbsorbed", "ManagementTransferRequested", "ManagementTransferred"], types);
    }

    [Fact]
    public async Task every_assertion_shows_its_source()
    {
        await sandbox.EnsureTermsAccepted(Us);
        var company = await sandbox.ALegalEntity(externalIdentifiers: Given.ExternalId(Given.ApplicantNumber()));
        await sandbox.Data("mutation ($input: AddNameInput!) { addName(input: $input) { identity { gid } } }",
            new { input = new { gid = company.Gid(), name = new { text = $"IB {Given.UniqueWord()}", script = "Latn" } } }, Us);

        var identity = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { managingOffice names { assertedBy assertedAt } externalIdentifiers { assertedBy } } }", new { gid = company.Gid() }))["identity"]!;

        Assert.Equal("EP", identity["managingOffice"]!.GetValue<string>());
        Assert.Equal(["EP", "IB"], identity["names"]!.AsArray().Select(n => n!["assertedBy"]!.GetValue<string>()));
        Assert.All(identity["names"]!.AsArray(), n => Assert.NotNull(n!["assertedAt"]));
        Assert.Equal("EP", identity["externalIdentifiers"]![0]!["assertedBy"]!.GetValue<string>());
    }
}
