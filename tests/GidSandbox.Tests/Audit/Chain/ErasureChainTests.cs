using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Identities;
using GidSandbox.Hosting;
using GidSandbox.Identities.Erasing;
using Marten;
using Marten.Events;
using Npgsql;
using NodaTime;

namespace GidSandbox.Tests.Audit.Chain;

/// <summary>
/// An erasure against a throwaway database of the test cluster (tampering here never touches the shared one): the
/// registry's own store, guard, erasure, async daemon and verifier.
/// </summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class ErasureChainTests(SeparateSandboxFixture sandbox) : IAsyncLifetime
{
    private const string Decision = "GOV-2026-17";
    private readonly Gid _gid = Gid.NewGid();
    private ChainDatabase _database = null!;
    private long _registration;

    public async Task InitializeAsync()
    {
        _database = await ChainDatabase.CreateAsync(sandbox, "gid_erasure");
        var at = SystemClock.Instance.GetCurrentInstant();
        await Append(new NaturalPersonRegistered(_gid, [new Name(1, "Hanna Quellmatt", "Latn", null, NameType.Legal, true)], "CH",
            new Address(["Quellmattstrasse 4"], "Zug", "6300", null, "CH"), null, null, "hanna@example.org", "EP", true));
        await Append(new NameAdded(new Name(2, "Ханна Квеллматт", "Cyrl", null, NameType.Transliteration, false)));
        await _database.ChainAsync();
        _registration = await _database.Scalar($"select min(seq_id) from gid.mt_events where stream_id = '{_gid.Value}'");
        await Append(new IdentityErased(_gid, "REQ-1", new LocalDate(2026, 11, 20), Decision, "GDPR article 17", at));
        await ErasureExecution.RunAsync(_database.Store, Request, Decision, [_gid], CancellationToken.None);
        await _database.ChainAsync();
    }

    private static WriteRequest Request => new(new Actor("IB", "governance", null), "erasure-test", null, null, "1.0");

    private async Task Append(object @event)
    {
        await using var session = _database.Store.LightweightSession();
        Writes.Stamp(session, Request);
        session.Events.Append(_gid.Value, @event);
        await session.SaveChangesAsync();
    }


    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task the_masked_events_still_verify_in_their_place_and_hold_none_of_the_person()
    {
        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((4L, 2L), (report.EventsVerified, report.EventsErased)); // registration, name, decision, execution
        Assert.Equal(0, await _database.Scalar("select count(*) from gid.mt_events where data::text ~* 'quellmatt|Квеллматт|hanna|Zug|6300'"));
    }

    [Fact]
    public async Task an_erased_event_changed_after_the_erasure_is_located()
    {
        await using (var tamper = _database.Data.CreateCommand($"""
            alter table gid.mt_events disable trigger {EventsTableGuard.Trigger};
            update gid.mt_events set data = jsonb_set(data, array['country'], '"DE"') where seq_id = {_registration};
            alter table gid.mt_events enable trigger {EventsTableGuard.Trigger};
            """))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var report = await _database.Verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((_registration, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
        Assert.Contains(report.FirstBreak.Differences, d => d.Contains("changed after the erasure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task masking_without_a_recorded_decision_is_refused_by_the_database()
    {
        await using var connection = await _database.Data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"""
            select set_config('{EventsTableGuard.ErasureSetting}', 'GOV-NEVER-DECIDED', true);
            update gid.mt_events set data = jsonb_build_object() where seq_id = {_registration};
            """, connection, transaction);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task an_erasure_cannot_move_an_event_even_under_a_recorded_decision()
    {
        await using var connection = await _database.Data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"""
            select set_config('{EventsTableGuard.ErasureSetting}', '{Decision}', true);
            update gid.mt_events set type = 'name_removed' where seq_id = {_registration};
            """, connection, transaction);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
