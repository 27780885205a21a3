namespace GidSandbox.Tests.Challenges;

/// <summary>challengeInbox: the open challenges a managing office is to answer, due first.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ChallengeInboxTests(SandboxFixture sandbox)
{
    private const string Inbox = "{ challengeInbox { id gid kind raisedBy dueBy status } }";

    [Fact]
    public async Task a_challenge_waits_in_the_managing_offices_inbox_until_it_is_resolved()
    {
        var company = await sandbox.ALegalEntityBy(Clients.OfficeWithoutMerge, $"{Given.UniqueWord()} Inbox GmbH", "DE");
        var id = (await sandbox.Data("mutation ($gid: Gid!) { raiseChallenge(gid: $gid, kind: WRONG_NAME, reason: \"Misspelt\") { id } }", new { gid = company.Gid() }))["raiseChallenge"]!["id"]!.GetValue<string>();

        var managing = (await sandbox.Data(Inbox, client: Clients.OfficeWithoutMerge))["challengeInbox"]!.AsArray();
        var raiser = (await sandbox.Data(Inbox))["challengeInbox"]!.AsArray();
        var governance = (await sandbox.Data(Inbox, client: Clients.Governance))["challengeInbox"]!.AsArray();
        await sandbox.Data("mutation ($id: ID!) { resolveChallenge(challengeId: $id, outcome: REJECTED, reason: \"Spelt as registered\") { id } }", new { id }, Clients.OfficeWithoutMerge);
        var after = (await sandbox.Data(Inbox, client: Clients.OfficeWithoutMerge))["challengeInbox"]!.AsArray();

        var waiting = Assert.Single(managing, c => c!["id"]!.GetValue<string>() == id)!;
        Assert.Equal((company.Gid(), "WRONG_NAME", "EP", "OPEN"), (waiting["gid"]!.GetValue<string>(), waiting["kind"]!.GetValue<string>(), waiting["raisedBy"]!.GetValue<string>(), waiting["status"]!.GetValue<string>()));
        Assert.DoesNotContain(raiser, c => c!["id"]!.GetValue<string>() == id);
        Assert.Contains(governance, c => c!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain(after, c => c!["id"]!.GetValue<string>() == id);
        Assert.Equal(managing.Select(c => c!["dueBy"]!.GetValue<string>()).Order(StringComparer.Ordinal), managing.Select(c => c!["dueBy"]!.GetValue<string>()));
    }
}
