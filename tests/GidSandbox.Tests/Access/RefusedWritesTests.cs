namespace GidSandbox.Tests.Access;

[Collection(SandboxCollection.Name)]
public sealed class RefusedWritesTests(SandboxFixture sandbox)
{
    private const string Refusals = "query ($o: String!) { refusedWrites(office: $o, first: 5) { operation code message office clientId correlationId recordedAt } }";

    [Fact]
    public async Task every_refused_write_is_recorded_for_governance_with_who_and_why()
    {
        var company = await sandbox.ALegalEntity();
        await sandbox.Error("mutation ($gid: Gid!) { addName(input: { gid: $gid, name: { text: \"Sneaky\", script: \"Latn\" } }) { identity { gid } } }",
            new { gid = company.Gid() }, client: Clients.Association);
        await sandbox.Error("mutation ($gid: Gid!) { deactivateIdentity(input: { gid: $gid, expectedVersion: 9, reason: \"Stale\" }) { identity { gid } } }",
            new { gid = company.Gid() });

        var association = (await sandbox.Data(Refusals, new { o = "INTA" }, Clients.Governance))["refusedWrites"]![0]!;
        var office = (await sandbox.Data(Refusals, new { o = "EP" }, Clients.Governance))["refusedWrites"]![0]!;

        Assert.Equal(("addName", "FORBIDDEN", "INTA", Clients.Association),
            (association["operation"]!.GetValue<string>(), association["code"]!.GetValue<string>(), association["office"]!.GetValue<string>(), association["clientId"]!.GetValue<string>()));
        Assert.Equal(("deactivateIdentity", "CONFLICT"), (office["operation"]!.GetValue<string>(), office["code"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(office["correlationId"]!.GetValue<string>()));
        Assert.Equal("ACTIVE", (await sandbox.Identity(company.Gid()))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task refusals_are_for_auditors_only()
    {
        var error = await sandbox.Error(Refusals, new { o = "EP" });

        Assert.Equal("FORBIDDEN", error.Code());
    }
}
