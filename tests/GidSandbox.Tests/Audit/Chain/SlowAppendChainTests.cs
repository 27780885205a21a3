using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.Terms;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace GidSandbox.Tests.Audit.Chain;

/// <summary>
/// An append that takes its sequence numbers, then spends longer than Marten's default stale-gap threshold (3 s) in its
/// inline projections before it commits, while a later append commits beside it: the registry's own store settings,
/// guard, async daemon and verifier, in a throwaway database of the test cluster.
/// </summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class SlowAppendChainTests(SeparateSandboxFixture sandbox) : IAsyncLifetime
{
    private readonly HeldProjection _held = new();
    private ChainDatabase _database = null!;

    public async Task InitializeAsync() =>
        _database = await ChainDatabase.CreateAsync(sandbox, "gid_slow_append", options => options.Projections.Add(_held, ProjectionLifecycle.Inline));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task an_append_that_commits_after_a_later_one_is_chained_in_its_place()
    {
        await Append("EP", 'a');
        using var daemon = await _database.Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        var slow = Append(HeldProjection.Office, 'b');
        await _held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Append("KR", 'c');
        await Task.Delay(TimeSpan.FromSeconds(5)); // past Marten's default threshold, with the gap's append still open
        var linkedWhileOpen = await _database.Scalar("select count(*) from gid.mt_doc_audit_link");
        _held.Release.SetResult();
        await slow;
        var last = await _database.Scalar("select max(seq_id) from gid.mt_events");
        await _database.WaitFor($"select coalesce(max(id), 0) >= {last} from gid.mt_doc_audit_link");

        await daemon.StopAllAsync();

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal(1L, linkedWhileOpen); // the chain waited at the gap instead of passing it
        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((3L, 0L), (report.EventsVerified, report.PendingEvents));
    }

    private async Task Append(string office, char hash)
    {
        await using var session = _database.Store.LightweightSession();
        Writes.Stamp(session, new WriteRequest(new Actor("IB", "governance", null), $"slow-{Guid.NewGuid():N}", null, "test", "1.0"));
        session.Events.Append(OfficeStanding.StreamId(office), new TermsOfUseAccepted("1.0", new string(hash, 64)));
        await session.SaveChangesAsync();
    }

    /// <summary>An inline projection that holds the one office's append, after Marten has taken its sequence numbers, until released.</summary>
    private sealed class HeldProjection : IProjection
    {
        public const string Office = "JP";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
        {
            if (events.Any(e => e.StreamKey == OfficeStanding.StreamId(Office)))
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellation);
            }
        }
    }
}
