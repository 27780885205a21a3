using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.Terms;
using Marten;
using Marten.Events;
using Marten.Exceptions;
using Npgsql;

namespace GidSandbox.Tests.Audit.Chain;

/// <summary>
/// Marten's tombstones (what it writes into the sequence numbers of an append that failed half way) against the chain,
/// in a throwaway database of the test cluster: the registry's own store, guard, async daemon and verifier. The daemon
/// skips a gap once it is stale for a second here (three by default), and one a transaction may still fill after two
/// (never by default: there it waits for the writer to be gone, as after a database restart), so a tombstone written
/// late lands inside the chain.
/// </summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class TombstoneChainTests(SeparateSandboxFixture sandbox) : IAsyncLifetime
{
    private ChainDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ChainDatabase.CreateAsync(sandbox, "gid_tombstone", options =>
        {
            options.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(1);
            options.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = TimeSpan.FromSeconds(2);
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task a_tombstone_marten_writes_after_the_chain_passed_its_place_verifies_as_skipped()
    {
        await Append("EP", new TermsOfUseAccepted("1.0", new string('a', 64)));
        var reserved = await Scalar("select last_value + 1 from gid.mt_events_sequence");
        // Marten's tombstone write waits behind an uncommitted row of its stream, as it would behind a database that is away.
        await using var holder = await _database.Data.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var streamRow = new NpgsqlCommand("insert into gid.mt_streams (id, tenant_id, version, is_archived) values ('mt_tombstone', '*DEFAULT*', 0, false)", holder, hold))
        {
            await streamRow.ExecuteNonQueryAsync();
        }

        await FailedAppend("EP", new OfficeSuspended("conflict"));
        await Append("JP", new TermsOfUseAccepted("1.0", new string('b', 64)));
        await ChainAll();
        var chainedBefore = await Links();
        await hold.RollbackAsync();
        await _database.WaitFor($"select count(*) = 1 from gid.mt_events where seq_id = {reserved} and stream_id = 'mt_tombstone'");

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal([reserved - 1, reserved + 1], chainedBefore); // the chain passed the failed append's sequence number
        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((2L, 1L, 0L, reserved + 1), (report.EventsVerified, report.TombstonesSkipped, report.PendingEvents, report.HeadSequence!.Value));
    }

    [Fact]
    public async Task a_chain_built_over_a_tombstone_passes_it_and_keeps_linking_after_it()
    {
        await Append("EP", new TermsOfUseAccepted("1.0", new string('a', 64)));
        await FailedAppend("EP", new OfficeSuspended("conflict"));
        var tombstone = await Scalar("select seq_id from gid.mt_events where stream_id = 'mt_tombstone'", wait: true);
        await Append("JP", new TermsOfUseAccepted("1.0", new string('b', 64)));
        await ChainAll();
        var first = await _database.Verifier.VerifyAsync(null, CancellationToken.None);
        await Append("KR", new TermsOfUseAccepted("1.0", new string('c', 64)));
        await ChainAll();

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal([tombstone - 1, tombstone + 1, tombstone + 2], await Links());
        Assert.Equal(tombstone - 1, await Scalar($"select (data ->> 'previous')::bigint from gid.mt_doc_audit_link where id = {tombstone + 1}"));
        Assert.True(first.Intact && report.Intact, (first.FirstBreak ?? report.FirstBreak)?.Differences[0]);
        Assert.Equal((2L, 1L), (first.EventsVerified, first.TombstonesSkipped));
        Assert.Equal((3L, 1L, tombstone + 2), (report.EventsVerified, report.TombstonesSkipped, report.HeadSequence!.Value));
    }

    /// <summary>The row Marten writes, with one column changed (null: none) by someone who would hide an event in the gap.</summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData("data", """'{"reason": "suspended without a decision"}'""")]
    [InlineData("type", "'office_suspended'")]
    [InlineData("headers", """'{"office": "IB", "clientId": "governance"}'""")]
    [InlineData("timestamp", "now()")]
    [InlineData("mt_dotnet_type", "'GidSandbox.Terms.OfficeSuspended, GidSandbox'")]
    public async Task only_a_row_shaped_exactly_as_martens_tombstone_passes_inside_the_chain(string? column, string? value)
    {
        await Append("EP", new TermsOfUseAccepted("1.0", new string('a', 64)));
        var gap = await Scalar("select nextval('gid.mt_events_sequence')"); // a sequence number an append reserved and never used
        await Append("JP", new TermsOfUseAccepted("1.0", new string('b', 64)));
        await ChainAll();
        var row = new Dictionary<string, string>
        {
            ["seq_id"] = $"{gap}",
            ["id"] = "gen_random_uuid()",
            ["stream_id"] = "'mt_tombstone'",
            ["version"] = $"{gap}",
            ["data"] = "'{}'",
            ["type"] = "'tombstone'",
            ["timestamp"] = "'-infinity'",
            ["tenant_id"] = "'*DEFAULT*'",
            ["mt_dotnet_type"] = "'JasperFx.Events.Tombstone, JasperFx.Events'",
            ["headers"] = "null",
        };
        if (column is not null)
        {
            row[column] = value!;
        }

        await Execute($"""
            insert into gid.mt_streams (id, tenant_id, version, is_archived) values ('mt_tombstone', '*DEFAULT*', 0, false) on conflict do nothing;
            insert into gid.mt_events ({string.Join(", ", row.Keys)}) values ({string.Join(", ", row.Values)})
            """);

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        if (column is null)
        {
            Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
            Assert.Equal((2L, 1L), (report.EventsVerified, report.TombstonesSkipped));
        }
        else
        {
            Assert.False(report.Intact);
            Assert.Equal((gap, "mt_tombstone", ChainProblem.NotInChain), (report.FirstBreak!.Sequence, report.FirstBreak.StreamId, report.FirstBreak.Problem));
            Assert.Equal(0L, report.TombstonesSkipped);
        }
    }

    [Fact]
    public async Task a_row_in_the_tombstone_stream_with_content_is_chained_like_any_event()
    {
        await Append("EP", new TermsOfUseAccepted("1.0", new string('a', 64)));
        await Execute("""
            insert into gid.mt_streams (id, tenant_id, version, is_archived) values ('mt_tombstone', '*DEFAULT*', 0, false) on conflict do nothing;
            insert into gid.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
            select nextval('gid.mt_events_sequence'), gen_random_uuid(), 'mt_tombstone', currval('gid.mt_events_sequence'),
                   '{"reason": "suspended without a decision"}', 'tombstone', '-infinity', '*DEFAULT*', 'JasperFx.Events.Tombstone, JasperFx.Events'
            """);
        var forged = await Scalar("select seq_id from gid.mt_events where stream_id = 'mt_tombstone'");
        await Append("JP", new TermsOfUseAccepted("1.0", new string('b', 64)));
        await ChainAll();
        await Execute($$"""
            alter table gid.mt_events disable trigger {{EventsTableGuard.Trigger}};
            update gid.mt_events set data = '{}' where seq_id = {{forged}};
            alter table gid.mt_events enable trigger {{EventsTableGuard.Trigger}};
            """);

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal([forged - 1, forged, forged + 1], await Links());
        // Chained with its content, it cannot be emptied into a tombstone's shape afterwards either.
        Assert.Equal((forged, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
    }

    private static WriteRequest Request => new(new Actor("IB", "governance", null), $"tombstone-{Guid.NewGuid():N}", null, "test", "1.0");

    private async Task Append(string office, object @event)
    {
        await using var session = _database.Store.LightweightSession();
        Writes.Stamp(session, Request);
        session.Events.Append(OfficeStanding.StreamId(office), @event);
        await session.SaveChangesAsync();
    }

    /// <summary>Starting a stream that exists: Marten has reserved the sequence numbers before the insert fails, and tombstones them.</summary>
    private async Task FailedAppend(string office, object @event)
    {
        await using var session = _database.Store.LightweightSession();
        Writes.Stamp(session, Request);
        session.Events.StartStream(OfficeStanding.StreamId(office), @event);
        await Assert.ThrowsAsync<ExistingStreamIdCollisionException>(() => session.SaveChangesAsync());
    }

    /// <summary>Runs the async daemon until the chain's head is the last event that is not a tombstone.</summary>
    private async Task ChainAll()
    {
        var last = await Scalar("select max(seq_id) from gid.mt_events where stream_id <> 'mt_tombstone'");
        using var daemon = await _database.Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await _database.WaitFor($"select coalesce(max(id), 0) >= {last} from gid.mt_doc_audit_link");
        await daemon.StopAllAsync();
    }

    private async Task<List<long>> Links()
    {
        var ids = new List<long>();
        await using var command = _database.Data.CreateCommand("select id from gid.mt_doc_audit_link order by id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<long> Scalar(string sql, bool wait = false)
    {
        if (wait)
        {
            await _database.WaitFor($"select exists ({sql})");
        }

        return await _database.Scalar(sql);
    }

    private async Task Execute(string sql)
    {
        await using var command = _database.Data.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
