using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.Terms;
using Marten;
using Marten.Events;
using Npgsql;

namespace GidSandbox.Tests.Audit.Chain;

/// <summary>
/// Tampering straight in PostgreSQL, in a throwaway database of the test cluster (never the shared
/// one): the registry's own store, guard, async daemon and verifier run against it.
/// </summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class TamperingTests(SeparateSandboxFixture sandbox) : IAsyncLifetime
{
    private ChainDatabase _database = null!;
    private readonly List<long> _sequences = [];

    public async Task InitializeAsync()
    {
        _database = await ChainDatabase.CreateAsync(sandbox, "gid_tamper");

        foreach (var office in new[] { "EP", "JP", "KR" })
        {
            await using var session = _database.Store.LightweightSession();
            Writes.Stamp(session, new WriteRequest(new Actor("IB", "governance", null), $"tamper-{office}", null, "test", "1.0"));
            session.Events.Append(OfficeStanding.StreamId(office), new TermsOfUseAccepted("1.0", new string('a', 64)), new OfficeSuspended("test"), new OfficeReinstated("test"));
            await session.SaveChangesAsync();
        }

        await _database.ChainAsync();
        await using var sequences = _database.Data.CreateCommand("select seq_id from gid.mt_events order by seq_id");
        await using var reader = await sequences.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _sequences.Add(reader.GetInt64(0));
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>What someone with the table owner's rights could do: switch the guard off, then change rows.</summary>
    private async Task Tamper(string sql)
    {
        await using var command = _database.Data.CreateCommand($"""
            alter table gid.mt_events disable trigger {EventsTableGuard.Trigger};
            {sql};
            alter table gid.mt_events enable trigger {EventsTableGuard.Trigger};
            """);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task an_untouched_trail_verifies_intact()
    {
        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((9L, _sequences[^1], 0L), (report.EventsVerified, report.HeadSequence!.Value, report.PendingEvents));
    }

    [Fact]
    public async Task an_edited_row_is_detected_and_located()
    {
        var edited = _sequences[4];
        await Tamper($"update gid.mt_events set data = jsonb_set(data, '{{reason}}', '\"nothing happened\"') where seq_id = {edited}");

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.False(report.Intact);
        Assert.Equal((edited, "office-JP", ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.StreamId, report.FirstBreak.Problem));
        Assert.StartsWith("data: SHA-256 chained ", Assert.Single(report.FirstBreak.Differences), StringComparison.Ordinal);
        Assert.Equal(4L, report.EventsVerified);
    }

    [Fact]
    public async Task an_edited_actor_is_detected_as_changed_metadata()
    {
        var edited = _sequences[1];
        await Tamper($"update gid.mt_events set headers = jsonb_set(headers, '{{office}}', '\"XX\"') where seq_id = {edited}");

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((edited, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
        Assert.Contains("metadata", Assert.Single(report.FirstBreak.Differences), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bdata = convert_to('{}', 'UTF8')")]
    [InlineData("is_archived = true")]
    public async Task a_binary_body_or_an_archive_flag_set_on_a_chained_row_is_detected(string change)
    {
        var edited = _sequences[2];
        await Tamper($"update gid.mt_events set {change} where seq_id = {edited}");

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((edited, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
    }

    [Fact]
    public async Task a_deleted_row_is_detected_and_located()
    {
        var deleted = _sequences[6];
        await Tamper($"delete from gid.mt_events where seq_id = {deleted}");

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((deleted, "office-KR", ChainProblem.Deleted), (report.FirstBreak!.Sequence, report.FirstBreak.StreamId, report.FirstBreak.Problem));
        Assert.Contains("terms_of_use_accepted", report.FirstBreak.Differences[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task reordered_rows_are_detected_at_the_first_moved_row()
    {
        var (first, second) = (_sequences[2], _sequences[3]);
        await Tamper($"""
            update gid.mt_events set seq_id = -1 where seq_id = {first};
            update gid.mt_events set seq_id = {first} where seq_id = {second};
            update gid.mt_events set seq_id = {second} where seq_id = -1
            """);

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((first, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
        Assert.Contains(report.FirstBreak.Differences, d => d.StartsWith("event id: chained", StringComparison.Ordinal));
        Assert.Contains(report.FirstBreak.Differences, d => d == "stream: chained office-EP, now office-JP");
    }

    [Fact]
    public async Task a_row_deleted_together_with_its_link_breaks_the_next_link()
    {
        var deleted = _sequences[7];
        await Tamper($"delete from gid.mt_events where seq_id = {deleted}; delete from gid.mt_doc_audit_link where id = {deleted}");

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((_sequences[8], ChainProblem.LinkMissing), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
    }

    [Fact]
    public async Task a_row_at_an_infinite_timestamp_is_read_for_the_chain_rather_than_failing_it()
    {
        // Marten's tombstone for an append that failed half way (e.g. the database restarted under it) has no real time.
        await using (var insert = _database.Data.CreateCommand("""
            insert into gid.mt_events (seq_id, id, stream_id, version, data, type, timestamp)
            values (nextval('gid.mt_events_sequence'), gen_random_uuid(), 'office-EP', 4, '{}', 'tombstone', '-infinity')
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var read = _database.Data.CreateCommand(AuditChain.RowsSql("gid.mt_events", "type = 'tombstone'"));
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = AuditChain.ReadRow(reader);
        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal("-infinity", row.Timestamp);
        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((9L, 1L), (report.EventsVerified, report.PendingEvents));
    }

    [Fact]
    public async Task the_database_refuses_to_update_delete_or_truncate_events()
    {
        async Task<PostgresException> Refused(string sql)
        {
            await using var command = _database.Data.CreateCommand(sql);
            return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }

        var update = await Refused($"update gid.mt_events set data = '{{}}' where seq_id = {_sequences[0]}");
        var delete = await Refused($"delete from gid.mt_events where seq_id = {_sequences[0]}");
        var truncate = await Refused("truncate gid.mt_events cascade");

        Assert.All([update, delete, truncate], e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));
        Assert.Contains("append-only: UPDATE", update.MessageText, StringComparison.Ordinal);
        Assert.True((await _database.Verifier.VerifyAsync(null, CancellationToken.None)).Intact);
    }
}
