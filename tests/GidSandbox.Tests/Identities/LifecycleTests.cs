using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class LifecycleTests(SandboxFixture sandbox)
{
    private const string AddName = """
        mutation ($input: AddNameInput!) { addName(input: $input) { identity { version names { id text script type primary } } } }
        """;

    private const string RemoveName = """
        mutation ($input: RemoveNameInput!) { removeName(input: $input) { identity { version names { id text } } } }
        """;

    private const string ChangeAddress = """
        mutation ($input: ChangeAddressInput!) { changeAddress(input: $input) { identity { version address { lines city country } } } }
        """;

    private const string Deactivate = """
        mutation ($input: DeactivateIdentityInput!) { deactivateIdentity(input: $input) { identity { status deactivationReason version } } }
        """;

    private const string Reactivate = """
        mutation ($input: ReactivateIdentityInput!) { reactivateIdentity(input: $input) { identity { status deactivationReason version } } }
        """;

    [Fact]
    public async Task names_are_added_and_removed_and_each_change_raises_the_version()
    {
        var company = await sandbox.ALegalEntity("Samsung Electronics Co., Ltd.", "KR");

        var added = await sandbox.Data(AddName, new
        {
            input = new { gid = company.Gid(), expectedVersion = 1, name = new { text = "삼성전자 주식회사", script = "Hang", language = "ko" } },
        });
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                { "addName": { "identity": { "version": 2, "names": [
                  { "id": 1, "text": "Samsung Electronics Co., Ltd.", "script": "Latn", "type": "LEGAL", "primary": true },
                  { "id": 2, "text": "삼성전자 주식회사", "script": "Hang", "type": "ALIAS", "primary": false } ] } } }
                """),
            added));

        var removed = await sandbox.Data(RemoveName, new { input = new { gid = company.Gid(), nameId = 2, reason = "Entered under the wrong identity" } });
        Given.AssertJson("""{"removeName":{"identity":{"version":3,"names":[{"id":1,"text":"Samsung Electronics Co., Ltd."}]}}}""", removed);
    }

    [Fact]
    public async Task a_correction_without_a_reason_is_refused()
    {
        var company = await sandbox.ALegalEntity();
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), name = new { text = "ACME", script = "Latn" } } });

        var error = await sandbox.Error(RemoveName, new { input = new { gid = company.Gid(), nameId = 2 } });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["input.reason"], error.Fields());
        Assert.Equal(2, (await sandbox.Identity(company.Gid()))!["names"]!.AsArray().Count);
    }

    [Fact]
    public async Task an_address_is_replaced_then_removed_and_an_unchanged_one_records_nothing()
    {
        var person = await sandbox.ANaturalPerson("Anna Schmidt", "DE");
        var address = new { lines = new[] { "Musterstraße 1" }, city = "München", country = "DE" };

        var changed = await sandbox.Data(ChangeAddress, new { input = new { gid = person.Gid(), address } });
        var unchanged = await sandbox.Data(ChangeAddress, new { input = new { gid = person.Gid(), address } });
        var cleared = await sandbox.Data(ChangeAddress, new { input = new { gid = person.Gid(), address = (object?)null } });

        Given.AssertJson("""{"changeAddress":{"identity":{"version":2,"address":{"lines":["Musterstraße 1"],"city":"München","country":"DE"}}}}""", changed);
        Assert.Equal(2, unchanged["changeAddress"]!["identity"]!["version"]!.GetValue<long>());
        Given.AssertJson("""{"changeAddress":{"identity":{"version":3,"address":null}}}""", cleared);
    }

    [Fact]
    public async Task a_deactivated_identity_still_resolves_refuses_changes_and_can_be_reactivated()
    {
        var company = await sandbox.ALegalEntity();

        var deactivated = await sandbox.Data(Deactivate, new { input = new { gid = company.Gid(), reason = "Registered in error" } });
        var refused = await sandbox.Error(AddName, new { input = new { gid = company.Gid(), name = new { text = "Other", script = "Latn" } } });
        var reactivated = await sandbox.Data(Reactivate, new { input = new { gid = company.Gid(), reason = "Registration was right after all" } });

        Given.AssertJson("""{"deactivateIdentity":{"identity":{"status":"DEACTIVATED","deactivationReason":"Registered in error","version":2}}}""", deactivated);
        Assert.Equal("CONFLICT", refused.Code());
        Assert.Contains("reactivate", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Given.AssertJson("""{"reactivateIdentity":{"identity":{"status":"ACTIVE","deactivationReason":null,"version":3}}}""", reactivated);
    }

    [Fact]
    public async Task writing_to_an_unknown_gid_is_not_found()
    {
        var error = await sandbox.Error(AddName, new
        {
            input = new { gid = GidSandbox.Identities.Gid.NewGid().Value, name = new { text = "Nobody", script = "Latn" } },
        });

        Assert.Equal("NOT_FOUND", error.Code());
    }
}
