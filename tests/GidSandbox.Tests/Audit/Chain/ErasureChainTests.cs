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
    private readonly string _database = $"gid_erasure_{Guid.NewGuid():N}";
    private readonly Gid _gid = Gid.NewGid();
    private NpgsqlDataSource _data = null!;
    private DocumentStore _store = null!;
    private ChainVerifier _verifier = null!;
    private long _registration;

    public async Task InitializeAsync()
    {
        await using (var admin = NpgsqlDataSource.Create(sandbox.ConnectionString))
        {
            await using var create = admin.CreateCommand($"create database {_database}");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(sandbox.ConnectionString) { Database = _database }.ConnectionString;
        _data = NpgsqlDataSource.Create(connectionString);
        _store = DocumentStore.For(options => options.ConfigureGid(connectionString));
        await EventsTableGuard.ApplyAsync(_store, _data);
        _verifier = new ChainVerifier(_data, _store);
        var at = SystemClock.Instance.GetCurrentInstant();
        await Append(new NaturalPersonRegistered(_gid, [new Name(1, "Hanna Quellmatt", "Latn", null, NameType.Legal, true)], "CH",
            new Address(["Quellmattstrasse 4"], "Zug", "6300", null, "CH"), null, null, "hanna@example.org", "EP", true));
        await Append(new NameAdded(new Name(2, "Ханна Квеллматт", "Cyrl", null, NameType.Transliteration, false)));
        await Chain();
        _registration = await Scalar($"select min(seq_id) from gid.mt_events where stream_id = '{_gid.Value}'");
        await Append(new IdentityErased(_gid, "REQ-1", new LocalDate(2026, 11, 20), Decision, "GDPR article 17", at));
        await ErasureExecution.RunAsync(_store, Request, Decision, [_gid], CancellationToken.None);
        await Chain();
    }

    private static WriteRequest Request => new(new Actor("IB", "governance", null), "erasure-test", null, null, "1.0");

    private async Task Append(object @event)
    {
        await using var session = _store.LightweightSession();
        Writes.Stamp(session, Request);
        session.Events.Append(_gid.Value, @event);
        await session.SaveChangesAsync();
    }

    private async Task Chain()
    {
        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await daemon.StopAllAsync();
    }

    private async Task<long> Scalar(string sql)
    {
        await using var command = _data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _data.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(sandbox.ConnectionString);
        await using var drop = admin.CreateCommand($"drop database if exists {_database} with (force)");
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task the_masked_events_still_verify_in_their_place_and_hold_none_of_the_person()
    {
        var report = await _verifier.VerifyAsync(null, CancellationToken.None);

        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((4L, 2L), (report.EventsVerified, report.EventsErased)); // registration, name, decision, execution
        Assert.Equal(0, await Scalar("select count(*) from gid.mt_events where data::text ~* 'quellmatt|Квеллматт|hanna|Zug|6300'"));
    }

    [Fact]
    public async Task an_erased_event_changed_after_the_erasure_is_located()
    {
        await using (var tamper = _data.CreateCommand($"""
            alter table gid.mt_events disable trigger {EventsTableGuard.Trigger};
            update gid.mt_events set data = jsonb_set(data, array['country'], '"DE"') where seq_id = {_registration};
            alter table gid.mt_events enable trigger {EventsTableGuard.Trigger};
            """))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var report = await _verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal((_registration, ChainProblem.Changed), (report.FirstBreak!.Sequence, report.FirstBreak.Problem));
        Assert.Contains(report.FirstBreak.Differences, d => d.Contains("changed after the erasure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task masking_without_a_recorded_decision_is_refused_by_the_database()
    {
        await using var connection = await _data.OpenConnectionAsync();
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
        await using var connection = await _data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"""
            select set_config('{EventsTableGuard.ErasureSetting}', '{Decision}', true);
            update gid.mt_events set type = 'name_removed' where seq_id = {_registration};
            """, connection, transaction);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
