using Marten.Events;

namespace GidSandbox.Tests.Audit.Chain;

[Collection(SandboxCollection.Name)]
public sealed class VerifyAuditTrailTests(SandboxFixture sandbox)
{
    private const string Verify = """
        query ($s: Long, $l: String) {
          verifyAuditTrail(anchorSequence: $s, anchorLink: $l) { intact eventsVerified headSequence headLink pendingEvents checkpointsVerified firstBreak { sequence streamId problem differences } }
        }
        """;

    [Fact]
    public async Task the_shared_trail_verifies_intact_once_the_chain_has_caught_up()
    {
        await sandbox.ALegalEntity("Chained Ltd", "GB");
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var report = (await sandbox.Data(Verify, new { }, Clients.Governance))["verifyAuditTrail"]!;
        var anchored = (await sandbox.Data(Verify, new { s = report["headSequence"]!.GetValue<long>(), l = report["headLink"]!.GetValue<string>() }, Clients.Governance))["verifyAuditTrail"]!;
        var checkpoints = (await sandbox.Data("{ auditCheckpoints(last: 5) { sequence position link } }", client: Clients.Governance))["auditCheckpoints"]!.AsArray();

        Assert.True(report["intact"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Null(report["firstBreak"]);
        Assert.True(report["eventsVerified"]!.GetValue<long>() > 0);
        Assert.Matches("^[0-9a-f]{64}$", report["headLink"]!.GetValue<string>());
        Assert.True(anchored["intact"]!.GetValue<bool>(), anchored.ToJsonString());
        Assert.All(checkpoints, c => Assert.Equal(0, c!["position"]!.GetValue<long>() % 1000));
    }

    [Fact]
    public async Task an_anchor_that_no_longer_holds_is_reported()
    {
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var head = (await sandbox.Data(Verify, new { }, Clients.Governance))["verifyAuditTrail"]!["headSequence"]!.GetValue<long>();

        var report = (await sandbox.Data(Verify, new { s = head, l = new string('0', 64) }, Clients.Governance))["verifyAuditTrail"]!;

        Assert.False(report["intact"]!.GetValue<bool>());
        Assert.Equal((head, "CHECKPOINT_MISMATCH"), (report["firstBreak"]!["sequence"]!.GetValue<long>(), report["firstBreak"]!["problem"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_malformed_anchor_is_refused()
    {
        var error = await sandbox.Error(Verify, new { s = 1, l = "not-a-link" }, client: Clients.Governance);

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["anchorLink"], error.Fields());
    }

    [Fact]
    public async Task verification_needs_audit_read()
    {
        var error = await sandbox.Error(Verify, new { });

        Assert.Equal("FORBIDDEN", error.Code());
    }
}
