using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

/// <summary>
/// Every write on an identity managed by EP, by its managing office, another office (IB), an association and
/// governance, on their own assertions and on another's: carried out, or FORBIDDEN with nothing recorded.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class OwnershipMatrixTests(SandboxFixture sandbox)
{
    private const string Managing = Clients.Default; // EP
    private const string Other = "office-ib";

    private const string Write = """
        mutation ($input: INPUT!) { FIELD(input: $input) { identity { gid version } } }
        """;

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // operation, whose assertion it touches, caller, allowed
        { "addName", "own", Managing, true },
        { "addName", "own", Other, true },
        { "addName", "own", Clients.Association, false },
        { "addName", "own", Clients.Governance, false },
        { "addPrimaryName", "own", Managing, true },
        { "addPrimaryName", "own", Other, false },
        { "addPrimaryName", "own", Clients.Governance, false },
        { "removeName", "own", Managing, true },
        { "removeName", "own", Other, true },
        { "removeName", "another's", Managing, false },
        { "removeName", "another's", Other, false },
        { "removeName", "another's", Clients.Association, false },
        { "removeName", "another's", Clients.Governance, true },
        { "changeAddress", "managed", Managing, true },
        { "changeAddress", "managed", Other, false },
        { "changeAddress", "managed", Clients.Association, false },
        { "changeAddress", "managed", Clients.Governance, true },
        { "linkExternalId", "own", Managing, true },
        { "linkExternalId", "own", Other, true },
        { "linkExternalId", "another's", Managing, false },
        { "linkExternalId", "another's", Other, false },
        { "linkExternalId", "own", Clients.Association, false },
        { "linkExternalId", "own", Clients.Governance, false },
        { "unlinkExternalId", "own", Managing, true },
        { "unlinkExternalId", "own", Other, true },
        { "unlinkExternalId", "another's", Managing, false },
        { "unlinkExternalId", "another's", Other, false },
        { "unlinkExternalId", "another's", Clients.Association, false },
        { "unlinkExternalId", "another's", Clients.Governance, true },
        { "deactivateIdentity", "managed", Managing, true },
        { "deactivateIdentity", "managed", Other, false },
        { "deactivateIdentity", "managed", Clients.Association, false },
        { "deactivateIdentity", "managed", Clients.Governance, true },
        { "reactivateIdentity", "managed", Managing, true },
        { "reactivateIdentity", "managed", Other, false },
        { "reactivateIdentity", "managed", Clients.Association, false },
        { "reactivateIdentity", "managed", Clients.Governance, true },
        { "requestMerge", "managed", Managing, true },
        { "requestMerge", "managed", Other, true },
        { "requestMerge", "managed", Clients.Association, false },
        { "requestMerge", "managed", Clients.Governance, false },
        { "acceptManagementTransfer", "managed", Managing, true },
        { "acceptManagementTransfer", "managed", Other, false },
        { "acceptManagementTransfer", "managed", Clients.Association, false },
        { "acceptManagementTransfer", "managed", Clients.Governance, false },
        { "mergeIdentities", "managed", Managing, true },
        { "mergeIdentities", "managed", Other, false },
        { "mergeIdentities", "managed", Clients.Association, false },
        { "mergeIdentities", "managed", Clients.Governance, true },
        { "requestManagementTransfer", "managed", Other, true },
        { "requestManagementTransfer", "managed", Clients.Association, false },
        { "requestManagementTransfer", "managed", Clients.Governance, false },
        { "reassignManagement", "managed", Managing, false },
        { "reassignManagement", "managed", Other, false },
        { "reassignManagement", "managed", Clients.Governance, true },
        { "dismissDuplicate", "managed", Managing, true },
        { "dismissDuplicate", "managed", Other, false },
        { "dismissDuplicate", "managed", Clients.Association, false },
        { "dismissDuplicate", "managed", Clients.Governance, true },

        // A natural person's rights (docs/rights.md): on a natural person EP manages.
        { "eraseNaturalPerson", "person", Managing, false },
        { "eraseNaturalPerson", "person", Other, false },
        { "eraseNaturalPerson", "person", Clients.Association, false },
        { "eraseNaturalPerson", "person", Clients.Governance, true },
        { "exportPersonalData", "person", Managing, false },
        { "exportPersonalData", "person", Other, false },
        { "exportPersonalData", "person", Clients.Association, false },
        { "exportPersonalData", "person", Clients.Governance, true },
        { "recordConsent", "person", Managing, false },
        { "recordConsent", "person", Other, false },
        { "recordConsent", "person", Clients.Association, false },
        { "recordConsent", "person", Clients.Governance, false },
        { "requestCorrection", "person", Managing, false },
        { "requestCorrection", "person", Other, false },
        { "requestCorrection", "person", Clients.Governance, false },
        { "requestErasure", "person", Managing, false },
        { "requestErasure", "person", Other, false },
        { "requestErasure", "person", Clients.Governance, false },
    };

    /// <summary>The rights of a natural person that are not identity writes: their own document and answer.</summary>
    private static readonly Dictionary<string, string> RightsOperations = new()
    {
        ["exportPersonalData"] = "mutation ($input: ExportPersonalDataInput!) { exportPersonalData(input: $input) { gid } }",
        ["requestCorrection"] = "mutation ($input: Gid!) { requestCorrection(gid: $input, kind: WRONG_NAME, reason: \"Spelt otherwise\") { id } }",
        ["requestErasure"] = "mutation ($input: Gid!) { requestErasure(gid: $input) { reference } }",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task each_write_is_carried_out_only_for_those_the_rules_name(string operation, string assertion, string caller, bool allowed)
    {
        await sandbox.EnsureTermsAccepted(Other);
        var ep = await sandbox.ALegalEntity(externalIdentifiers: Given.ExternalId(Given.ApplicantNumber()));
        var gid = ep.Gid();
        // Names and identifiers of IB's own on EP's identity, and a second EP identity to merge away.
        var usNumber = Given.ApplicantNumber("IB");
        await sandbox.Data(Query("linkExternalId", "LinkExternalIdInput"), new { input = new { gid, identifier = Given.ExternalId(usNumber, "IB") } }, Other);
        await sandbox.Data(Query("addName", "AddNameInput"), new { input = new { gid, name = new { text = $"IB {Given.UniqueWord()}", script = "Latn" } } }, Other);
        await sandbox.Data(Query("addName", "AddNameInput"), new { input = new { gid, name = new { text = $"EP {Given.UniqueWord()}", script = "Latn" } } }, Managing);
        if (operation == "reactivateIdentity")
        {
            await sandbox.Data(Query("deactivateIdentity", "DeactivateIdentityInput"), new { input = new { gid, reason = "Registered in error." } }, Managing);
        }
        else if (operation == "acceptManagementTransfer")
        {
            await sandbox.Data(Query("requestManagementTransfer", "ManagementTransferInput"), new { input = new { gid, reason = "Files with us." } }, Other);
        }

        // The rights of a natural person are exercised on a natural person EP registered.
        var person = assertion == "person" ? (await sandbox.ANaturalPerson(country: "CH")).Gid() : null;
        var watched = person ?? gid;
        var before = (await sandbox.Identity(gid))!;
        var watchedBefore = (await sandbox.Identity(watched))!;
        var names = before["names"]!.AsArray();
        var epNumber = before["externalIdentifiers"]!.AsArray().First(x => x!["issuer"]!.GetValue<string>() == "EP")!["value"]!.GetValue<string>();
        var callerOffice = caller switch { Managing => "EP", Other => "IB", _ => "IB" };

        object input = operation switch
        {
            "addName" or "addPrimaryName" => new { gid, name = new { text = $"{callerOffice} {Given.UniqueWord()}", script = "Latn", primary = operation == "addPrimaryName" } },
            "removeName" => new { gid, nameId = names[assertion == "own" ? (caller == Managing ? 2 : 1) : (caller == Managing ? 1 : 2)]!["id"]!.GetValue<int>(), reason = "Wrong." },
            "changeAddress" => new { gid, address = new { lines = new[] { "1 Guess Street" }, country = "JP" } },
            "linkExternalId" => new { gid, identifier = Given.ExternalId(Given.ApplicantNumber(assertion == "own" ? callerOffice : "KR"), assertion == "own" ? callerOffice : "KR") },
            "unlinkExternalId" => new { gid, identifier = (assertion == "own") == (caller == Managing) ? Given.ExternalId(epNumber, "EP") : Given.ExternalId(usNumber, "IB"), reason = "Linked in error." },
            "deactivateIdentity" or "reactivateIdentity" => new { gid, reason = "Registered in error." },
            "requestMerge" => new { survivor = (await sandbox.Data(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = $"IB {Given.UniqueWord()} SA", script = "Latn" } }, country = "CH" } }, Other))["registerLegalEntity"]!["identity"]!.AsObject().Gid(), merged = gid, reason = "One party." },
            "mergeIdentities" => new { survivor = (await sandbox.ALegalEntity()).Gid(), merged = gid, reason = "One party." },
            "requestManagementTransfer" or "acceptManagementTransfer" => new { gid, reason = "Files with us." },
            "reassignManagement" => new { gid, toOffice = "KR", reason = "Governance decision G-1." },
            "dismissDuplicate" => new { first = gid, second = (await sandbox.ALegalEntity()).Gid(), reason = "Two parties." },
            "eraseNaturalPerson" => new { gid = person, requestReference = "REQ-1", requestReceivedOn = "2026-11-20", decisionReference = $"GOV-{Guid.NewGuid():N}", legalBasis = "Right to erasure" },
            "exportPersonalData" => new { gid = person, request = new { reference = "REQ-1", receivedOn = "2026-11-20" } },
            "recordConsent" => new { gid = person, given = true },
            "requestCorrection" or "requestErasure" => person!,
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        var field = operation == "addPrimaryName" ? "addName" : operation;
        var inputType = field switch
        {
            "requestManagementTransfer" or "acceptManagementTransfer" => "ManagementTransferInput",
            "requestMerge" => "MergeIdentitiesInput",
            _ => char.ToUpperInvariant(field[0]) + field[1..] + "Input",
        };

        var events = await sandbox.CountEvents(); // after the arrangements above (a survivor, a pair's second identity)
        var response = await sandbox.GraphQL(RightsOperations.GetValueOrDefault(operation) ?? Query(field, inputType), new { input }, client: caller);
        var after = (await sandbox.Identity(watched))!;

        if (allowed)
        {
            Assert.True(response["errors"] is null, $"{caller} {operation}: {response.ToJsonString()}");
        }
        else
        {
            var error = Assert.Single(response["errors"]!.AsArray())!.AsObject();
            Assert.Equal("FORBIDDEN", error.Code());
            Assert.Equal(watchedBefore.Version(), after.Version());
            Assert.True(JsonNode.DeepEquals(watchedBefore, after), $"{caller} {operation} changed the identity: {after.ToJsonString()}");
            Assert.Equal(events, await sandbox.CountEvents());
        }
    }

    private static string Query(string field, string inputType) => Write.Replace("FIELD", field, StringComparison.Ordinal).Replace("INPUT", inputType, StringComparison.Ordinal);
}
