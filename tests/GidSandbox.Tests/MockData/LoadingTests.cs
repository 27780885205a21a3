using System.Text.Json;
using GidSandbox.Hosting;
using GidSandbox.Identities;
using GidSandbox.MockData;
using GidSandbox.Terms;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Tests.MockData;

/// <summary>Each test loads into a database of its own on the test cluster, so counts are exact.</summary>
[Collection(SandboxCollection.Name)]
public sealed class LoadingTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task the_small_set_loads_on_start_without_a_refusal_every_identity_at_its_stream_s_version_and_a_second_start_adds_nothing()
    {
        await using var store = await NewDatabase();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MockData:Directory"] = MockDataFiles.InRepository("mock-data", "small"),
        }).Build();

        await new LoadOnStart(store, configuration, NullLogger<LoadOnStart>.Instance).StartAsync(default);
        var events = await Count(store, "select count(*) from mt_events");
        await new LoadOnStart(store, configuration, NullLogger<LoadOnStart>.Instance).StartAsync(default);

        await using var query = store.QuerySession();
        Assert.Equal(2000, await query.Query<Identity>().CountAsync());
        Assert.Equal(events, await Count(store, "select count(*) from mt_events"));
        var merges = File.ReadLines(MockDataFiles.InRepository("mock-data", "small", MockDataFiles.History)).Count(l => l.Contains("\"acceptMerge\"", StringComparison.Ordinal));
        Assert.Equal(merges, await query.Query<Identity>().CountAsync(i => i.Status == IdentityStatus.Merged));
        Assert.Equal((2000L, 0L), ((await StreamVersions.CheckAsync(store, default)).Identities, (await StreamVersions.CheckAsync(store, default)).Differing));

        // The check (which verify runs) finds a document behind its stream, as the loader's history once left 405 of them.
        var behind = await Text(store, "update mt_doc_identity set data = jsonb_set(data, '{version}', '0') where id = (select min(id) from mt_doc_identity where (data ->> 'version')::int > 2) returning id");
        var report = await StreamVersions.CheckAsync(store, default);
        Assert.Equal((1L, behind, 0L), (report.Differing, report.First[0].Gid, report.First[0].DocumentVersion));
    }

    [Fact]
    public async Task every_loaded_event_happened_at_its_line_s_instant_and_names_the_office_the_loader_and_when_it_was_recorded()
    {
        await using var store = await NewDatabase();
        var world = await Write(new MockProfile("headers", 5, 20));
        var before = DateTimeOffset.UtcNow;
        await new MockDataLoader(store).LoadFileAsync(Path.Combine(world, MockDataFiles.Identities));

        var first = JsonSerializer.Deserialize<MockLine>(File.ReadLines(Path.Combine(world, MockDataFiles.Identities)).First(), MockLine.Json)!;
        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(first.Gid!);
        var registered = events[0];
        Assert.Equal(first.Office, registered.Headers!["office"].ToString());
        Assert.Equal(MockDataLoader.ClientId, registered.Headers["clientId"].ToString());
        // The line's instant in the mock world, one microsecond apart for each event of the line.
        Assert.Equal([first.At.ToDateTimeOffset(), first.At.ToDateTimeOffset().AddMicroseconds(1)], events.Select(e => e.Timestamp.ToUniversalTime()));
        Assert.InRange(Writes.RecordedAt(registered).ToDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("bulk")]
    [InlineData("bulk killed after its third batch's events, then resumed")]
    public async Task every_loaded_identity_reads_the_version_of_its_stream_and_every_version_has_an_instant_of_its_own(string load)
    {
        await using var store = await NewDatabase();
        var world = await Write(new MockProfile("versions", 17, 200));
        var bulk = load.StartsWith("bulk", StringComparison.Ordinal);
        foreach (var file in new[] { MockDataFiles.Offices, MockDataFiles.Identities, MockDataFiles.History }.Select(f => Path.Combine(world, f)))
        {
            if (load.Contains("killed", StringComparison.Ordinal) && file.EndsWith(MockDataFiles.Identities, StringComparison.Ordinal))
            {
                using var kill = new CancellationTokenSource();
                var copied = 0;
                var killed = new MockDataLoader(store, batchSize: 50, parallel: 1, bulk: true) { EventsCopied = () => { if (++copied == 3) { kill.Cancel(); } } };
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed.LoadFileAsync(file, ct: kill.Token));
                Assert.Equal(150, await Count(store, "select count(distinct stream_id) from mt_events where stream_id like 'GID-%'"));
                Assert.Equal(100, await Count(store, "select count(*) from mt_doc_identity"));
            }

            Assert.Empty((await new MockDataLoader(store, batchSize: 50, bulk: bulk).LoadFileAsync(file)).Refused);
        }

        await using var query = store.QuerySession();
        var identities = await query.Query<Identity>().ToListAsync();
        var wrong = new List<string>();
        foreach (var identity in identities)
        {
            var stream = await query.Events.FetchStreamStateAsync(identity.Id);
            if (stream!.Version != identity.Version)
            {
                wrong.Add($"{identity.Id}: {identity.Version} of {stream.Version}");
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(200, identities.Count);
        Assert.True(identities.Count(i => i.Version > 2) > 10, $"the world has identities with history: {identities.Count(i => i.Version > 2)} of {identities.Count}");
        // As-of by instant tells every version apart: within a stream, each version happened after the one before.
        Assert.Equal("", await Text(store, """
            select coalesce(string_agg(stream_id || ' v' || version, ', '), '') from (
              select stream_id, version, timestamp <= lag(timestamp) over (partition by stream_id order by version) as same from mt_events where stream_id like 'GID-%') e
            where same
            """));
    }

    [Fact]
    public async Task a_load_killed_half_way_resumes_with_nothing_lost_and_nothing_twice()
    {
        await using var store = await NewDatabase();
        var world = await Write(new MockProfile("resume", 7, 300));
        var file = Path.Combine(world, MockDataFiles.Identities);
        using var kill = new CancellationTokenSource();
        var loader = new MockDataLoader(store, batchSize: 40);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            loader.LoadFileAsync(file, p => { if (p.Line >= 120) { kill.Cancel(); } }, kill.Token));
        var halfway = await Count(store, "select count(*) from mt_doc_identity");
        Assert.InRange(halfway, 120, 299);

        var resumed = await loader.LoadFileAsync(file);

        Assert.Empty(resumed.Refused);
        Assert.Equal(300 - halfway, resumed.Loaded);
        Assert.Equal(300, await Count(store, "select count(*) from mt_doc_identity"));
        Assert.Equal(300, await Count(store, "select count(distinct stream_id) from mt_events where stream_id like 'GID-%'"));
        // Each registration is two events: the registration and its office's applicant number.
        Assert.Equal(600, await Count(store, "select count(*) from mt_events where stream_id like 'GID-%'"));
    }

    [Fact]
    public async Task a_subsidiary_whose_parent_is_still_being_stored_in_a_parallel_batch_is_registered_under_it()
    {
        await using var store = await NewDatabase();
        var lines = File.ReadLines(MockDataFiles.InRepository("mock-data", "small", MockDataFiles.Identities)).ToArray();
        var child = lines.First(l => l.Contains("\"parent\"", StringComparison.Ordinal));
        var parentGid = JsonSerializer.Deserialize<MockLine>(child, MockLine.Json)!.LegalEntity!.Parent!.Value.Value;
        var parent = lines.Single(l => JsonSerializer.Deserialize<MockLine>(l, MockLine.Json)!.Gid == parentGid);
        var file = Path.Combine(Path.GetTempPath(), $"gid-parent-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(file, [parent, child]);

        var result = await new MockDataLoader(store, batchSize: 1, parallel: 4).LoadFileAsync(file);

        Assert.Empty(result.Refused);
        Assert.Equal(2, result.Loaded);
        await using var query = store.QuerySession();
        var childGid = JsonSerializer.Deserialize<MockLine>(child, MockLine.Json)!.Gid!;
        Assert.Equal(parentGid, (await query.LoadAsync<Identity>(childGid))!.Parent);
    }

    [Fact]
    public async Task bad_lines_are_reported_with_their_numbers_and_nothing_of_them_is_stored()
    {
        await using var store = await NewDatabase();
        var world = await Write(new MockProfile("bad", 9, 2));
        var good = File.ReadLines(Path.Combine(world, MockDataFiles.Identities)).ToArray();
        var bad = good[1].Replace("\"country\":\"", "\"country\":\"X", StringComparison.Ordinal);
        var file = Path.Combine(world, "mixed.ndjson");
        await File.WriteAllLinesAsync(file, [good[0], "{ not json", bad]);

        var result = await new MockDataLoader(store).LoadFileAsync(file);

        Assert.Equal(1, result.Loaded);
        Assert.Equal([2L, 3L], result.Refused.Select(r => r.Line));
        Assert.All(result.Refused, r => Assert.Equal(ErrorCodes.ValidationFailed, r.Code));
        Assert.Contains("is not an ISO 3166-1 alpha-2 country code", result.Refused[1].Message, StringComparison.Ordinal);
        Assert.Equal(1, await Count(store, "select count(*) from mt_doc_identity"));
        var loaded = JsonSerializer.Deserialize<MockLine>(good[0], MockLine.Json)!;
        var identifiers = (loaded.LegalEntity?.ExternalIdentifiers ?? loaded.NaturalPerson?.ExternalIdentifiers ?? []).Count
            + new[] { loaded.LegalEntity?.Lei, loaded.NaturalPerson?.Orcid, loaded.NaturalPerson?.Isni }.Count(x => x is not null);
        Assert.Equal(identifiers, await Count(store, "select count(*) from mt_doc_externalidentifierclaim"));
    }

    [Fact]
    public async Task a_generated_registration_is_accepted_as_is_by_the_graphql_api()
    {
        var world = await Write(new MockProfile("api", 11, 30));
        var line = File.ReadLines(Path.Combine(world, MockDataFiles.Identities))
            .Select(l => JsonSerializer.Deserialize<MockLine>(l, MockLine.Json)!)
            .First(l => l.LegalEntity is { Parent: null } && l.Variant is null && l.Office is "EP" or "DE" or "IB"); // offices other tests do not need new to the Terms

        var input = JsonSerializer.SerializeToNode(line.LegalEntity, MockLine.Json);
        // Registered by the line's own office, which issued its applicant number.
        var client = $"office-{line.Office.ToLowerInvariant()}";
        await sandbox.EnsureTermsAccepted(client);
        var data = await sandbox.Data(Given.RegisterLegalEntity, new { input }, client);

        var identity = data["registerLegalEntity"]!["identity"]!.AsObject();
        Assert.Equal(line.LegalEntity!.Names.Select(n => n.Text), identity["names"]!.AsArray().Select(n => n!["text"]!.GetValue<string>()));
        Assert.Equal(line.LegalEntity.ExternalIdentifiers![0].Value, identity["externalIdentifiers"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_history_of_a_loaded_identity_shows_when_it_happened_in_the_mock_world_beside_when_it_was_recorded()
    {
        var world = await Write(new MockProfile("history", 31, 10));
        var file = Path.Combine(world, MockDataFiles.Identities);
        var first = JsonSerializer.Deserialize<MockLine>(File.ReadLines(file).First(), MockLine.Json)!;
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        Assert.Empty((await new MockDataLoader(store).LoadFileAsync(file)).Refused);

        var history = (await sandbox.Data("query ($gid: Gid!) { identityHistory(gid: $gid) { type office clientId occurredAt recordedAt } }", new { gid = first.Gid }))["identityHistory"]!.AsArray();
        var asOf = await sandbox.Data("query ($gid: Gid!, $at: Instant!) { identityAsOf(gid: $gid, at: $at) { version } }", new { gid = first.Gid, at = history[0]!["occurredAt"]!.GetValue<string>() });

        var registered = history[0]!;
        Assert.Equal(first.Office, registered["office"]!.GetValue<string>());
        Assert.Equal(MockDataLoader.ClientId, registered["clientId"]!.GetValue<string>());
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Format(first.At), registered["occurredAt"]!.GetValue<string>());
        Assert.NotEqual(registered["occurredAt"]!.GetValue<string>(), registered["recordedAt"]!.GetValue<string>());
        Assert.Equal(1, asOf["identityAsOf"]!["version"]!.GetValue<long>());

        // The audit trail filtered to the simulated day of the registration lists it, with both instants.
        var day = first.At.InUtc().Date.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant();
        var trail = (await sandbox.Data(
            "query ($filter: AuditFilter) { auditTrail(filter: $filter, first: 10) { edges { node { type timestamp recordedAt } } } }",
            new { filter = new { gid = first.Gid, from = day.ToString(), to = (day + NodaTime.Duration.FromDays(1)).ToString() } },
            Clients.Governance))["auditTrail"]!["edges"]!.AsArray();
        Assert.Equal(registered["occurredAt"]!.GetValue<string>(), trail[0]!["node"]!["timestamp"]!.GetValue<string>());
        Assert.Equal(registered["recordedAt"]!.GetValue<string>(), trail[0]!["node"]!["recordedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_identity_whose_bulk_load_was_killed_between_its_events_and_its_documents_still_resolves()
    {
        var world = await Write(new MockProfile("bulk-kill", 41, 30));
        var file = Path.Combine(world, MockDataFiles.Identities);
        var lines = File.ReadLines(file).Select(l => JsonSerializer.Deserialize<MockLine>(l, MockLine.Json)!).ToArray();
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        using var kill = new CancellationTokenSource();
        var copied = 0;
        var loader = new MockDataLoader(store, batchSize: 10, parallel: 1, bulk: true) { EventsCopied = () => { if (++copied == 2) { kill.Cancel(); } } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadFileAsync(file, ct: kill.Token));

        // The second batch's events are stored, its documents are not; the third batch was never decided.
        var orphan = lines[15].Gid!;
        await using (var query = store.QuerySession())
        {
            Assert.Null(await query.LoadAsync<Identity>(orphan));
            Assert.Equal(2, (await query.Events.FetchStreamStateAsync(orphan))!.Version);
        }

        const string Resolve = "query ($gid: Gid!, $gids: [Gid!]!) { identity(gid: $gid) { gid version } identities(gids: $gids) { gid version } }";
        var data = await sandbox.Data(Resolve, new { gid = orphan, gids = new[] { orphan, lines[0].Gid, lines[25].Gid } });
        Assert.Equal((orphan, 2L), (data["identity"]!["gid"]!.GetValue<string>(), data["identity"]!["version"]!.GetValue<long>()));
        var many = data["identities"]!.AsArray();
        Assert.Equal([orphan, lines[0].Gid!], many.Take(2).Select(i => i!["gid"]!.GetValue<string>()));
        Assert.Null(many[2]);

        Assert.Empty((await new MockDataLoader(store, batchSize: 10, bulk: true).LoadFileAsync(file)).Refused);
        await using var after = store.QuerySession();
        Assert.Equal(2, (await after.LoadAsync<Identity>(orphan))!.Version);
    }

    [Fact]
    public async Task a_write_to_a_loaded_identity_with_its_version_succeeds_and_replies_the_stream_s_new_version()
    {
        var world = await Write(new MockProfile("write-after-load", 44, 80));
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        foreach (var file in new[] { MockDataFiles.Identities, MockDataFiles.History })
        {
            Assert.Empty((await new MockDataLoader(store, batchSize: 20).LoadFileAsync(Path.Combine(world, file))).Refused);
        }

        Identity target;
        await using (var query = store.QuerySession())
        {
            var gids = File.ReadLines(Path.Combine(world, MockDataFiles.Identities)).Select(l => JsonSerializer.Deserialize<MockLine>(l, MockLine.Json)!.Gid!).ToArray();
            target = (await query.LoadManyAsync<Identity>(gids)).OrderByDescending(i => i.Version).First(i => i.ManagingOffice is "EP" or "DE" or "IB" && i.Status == IdentityStatus.Active);
        }

        var client = $"office-{target.ManagingOffice.ToLowerInvariant()}";
        await sandbox.EnsureTermsAccepted(client);
        var read = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { version } }", new { gid = target.Id }, client))["identity"]!["version"]!.GetValue<long>();
        var reply = await sandbox.Data(
            "mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }",
            new { input = new { gid = target.Id, expectedVersion = read, name = new { text = "Written After The Load", script = "Latn" } } },
            client);

        await using var after = store.QuerySession();
        var stream = (await after.Events.FetchStreamStateAsync(target.Id))!.Version;
        Assert.Equal(target.Version, read);
        Assert.True(read > 2, $"the identity has history: version {read}");
        Assert.Equal(read + 1, reply["addName"]!["identity"]!["version"]!.GetValue<long>());
        Assert.Equal(read + 1, stream);
    }

    [Fact]
    public async Task a_bulk_load_stores_exactly_what_the_normal_load_stores_and_the_audit_chain_covers_it()
    {
        var world = await Write(new MockProfile("bulk", 13, 120));
        await using var normal = await NewDatabase();
        await using var bulk = await NewDatabase();
        foreach (var file in MockDataFiles.LoadOrder.Select(f => Path.Combine(world, f)).Where(File.Exists))
        {
            Assert.Empty((await new MockDataLoader(normal, batchSize: 25).LoadFileAsync(file)).Refused);
            Assert.Empty((await new MockDataLoader(bulk, batchSize: 25, bulk: true).LoadFileAsync(file)).Refused);
        }

        foreach (var sql in StoredState)
        {
            var expected = await Rows(normal, sql);
            var actual = await Rows(bulk, sql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, actual.Count);
            foreach (var (e, a) in expected.Zip(actual))
            {
                Assert.Equal(e, a);
            }
        }

        // The async daemon chains every event, the bulk-inserted ones included, and the chain verifies intact.
        using (var daemon = await bulk.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            await bulk.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            await daemon.StopAllAsync();
        }

        await using var data = NpgsqlDataSource.Create(ConnectionString(bulk));
        var report = await new GidSandbox.Audit.Chain.ChainVerifier(data, bulk).VerifyAsync(null, CancellationToken.None);
        Assert.True(report.Intact, report.FirstBreak?.Differences[0]);
        Assert.Equal((await Count(bulk, "select count(*) from mt_events"), 0L), (report.EventsVerified, report.PendingEvents));
    }

    [Fact]
    public async Task a_bulk_load_killed_after_its_events_resumes_with_the_documents_and_no_event_twice()
    {
        await using var store = await NewDatabase();
        var world = await Write(new MockProfile("bulk-resume", 17, 200));
        var file = Path.Combine(world, MockDataFiles.Identities);
        using var kill = new CancellationTokenSource();
        var loader = new MockDataLoader(store, batchSize: 40, bulk: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            loader.LoadFileAsync(file, p => { if (p.Line >= 80) { kill.Cancel(); } }, kill.Token));
        Assert.InRange(await Count(store, "select count(*) from mt_doc_identity"), 80, 199);

        // As if killed after the events' COPY of every batch but before its documents: the events alone remain.
        await Count(store, "delete from mt_doc_identity; delete from mt_doc_matchprofile; delete from mt_doc_externalidentifierclaim; delete from mt_doc_mockdatabatch; select 0::bigint");
        var events = await Count(store, "select count(*) from mt_events where stream_id like 'GID-%'");

        var resumed = await new MockDataLoader(store, batchSize: 40, bulk: true).LoadFileAsync(file);

        Assert.Empty(resumed.Refused);
        Assert.Equal(200, resumed.Loaded);
        Assert.Equal(200, await Count(store, "select count(*) from mt_doc_identity"));
        Assert.Equal(200, await Count(store, "select count(*) from mt_doc_matchprofile"));
        Assert.Equal(400, await Count(store, "select count(*) from mt_events where stream_id like 'GID-%'"));
        Assert.Equal(200, await Count(store, "select count(distinct stream_id) from mt_events where stream_id like 'GID-%'"));
        Assert.InRange(events, 160, 398);
    }

    /// <summary>Everything a load writes, without what differs between any two loads (when it was recorded, sequence numbers, document revisions' GUIDs).</summary>
    private static readonly string[] StoredState =
    [
        "select id || ' ' || data::text || ' ' || mt_dotnet_type from mt_doc_identity order by id",
        // Not the registration's global sequence number: the two paths number the events in their own order.
        "select id || ' ' || (data - 'registeredSequence')::text || ' ' || mt_dotnet_type || ' ' || ((data->>'registeredSequence')::bigint > 0) from mt_doc_matchprofile order by id",
        "select id || ' ' || data::text from mt_doc_externalidentifierclaim order by id",
        "select concat_ws(' ', stream_id, version, type, data::text, timestamp, (headers - 'recordedAt')::text, correlation_id, user_name, tenant_id, mt_dotnet_type, is_archived) from mt_events where user_name = 'mock-data-loader' order by stream_id, version",
        "select concat_ws(' ', id, type, version, tenant_id, is_archived) from mt_streams where id in (select stream_id from mt_events where user_name = 'mock-data-loader') order by id",
    ];

    private async Task<List<string>> Rows(DocumentStore store, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(store));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"set search_path to gid; {sql}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>The store's database with the cluster's password, which a connection's own connection string leaves out.</summary>
    private string ConnectionString(DocumentStore store) =>
        new NpgsqlConnectionStringBuilder(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString) { Password = new NpgsqlConnectionStringBuilder(sandbox.ConnectionString).Password }.ConnectionString;

    private async Task<DocumentStore> NewDatabase()
    {
        var connectionString = await sandbox.NewDatabase("mock");
        var store = DocumentStore.For(options => options.ConfigureGid(connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await ShippedTerms.PublishAsync(store);
        return store;
    }

    private async Task<long> Count(DocumentStore store, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(store));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"set search_path to gid; {sql}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> Text(DocumentStore store, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(store));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"set search_path to gid; {sql}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> Write(MockProfile profile)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-mock-{Guid.NewGuid():N}");
        await MockDataFiles.WriteAsync(new MockWorld(profile), directory);
        return directory;
    }
}
