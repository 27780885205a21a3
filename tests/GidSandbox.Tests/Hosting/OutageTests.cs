using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using GidSandbox.Tests.ReviewConsole;
using Marten.Events;
using Npgsql;

namespace GidSandbox.Tests.Hosting;

/// <summary>
/// A database that is down, slow or locked is answered with HTTP 503, Retry-After and
/// UNAVAILABLE on every way in, quickly. The tests that stop PostgreSQL start it again before
/// they end; tests of this collection run one at a time, so no other test sees the outage.
/// </summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class OutageTests(SeparateSandboxFixture sandbox)
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);

    private static async Task<string> AssertUnavailable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing");
        return await response.Content.ReadAsStringAsync();
    }

    private static string CodeOf(string body) => JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task a_request_that_timed_out_is_answered_503_unavailable_though_its_cancellation_token_has_fired()
    {
        // What the request-timeout middleware hands the timeout's answer: the request's token, already cancelled.
        using var timedOut = new CancellationTokenSource();
        await timedOut.CancelAsync();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = sandbox.Host.Services, RequestAborted = timedOut.Token };
        http.Request.Path = "/graphql";
        using var body = new MemoryStream();
        http.Response.Body = body;

        await GidSandbox.Hosting.Availability.WriteAsync(http, retryAfterSeconds: 5);

        Assert.Equal((503, "5"), (http.Response.StatusCode, http.Response.Headers.RetryAfter.ToString()));
        Assert.Equal("UNAVAILABLE", CodeOf(System.Text.Encoding.UTF8.GetString(body.ToArray())));
    }

    [Fact]
    public async Task while_the_database_is_down_every_way_in_answers_503_unavailable_and_ready_is_unhealthy()
    {
        var company = await sandbox.ALegalEntity();
        var governance = await sandbox.TokenFor(Clients.Governance);
        using var console = new ConsoleVisitor(sandbox);
        Assert.Equal(HttpStatusCode.OK, (await console.SignInToConsole("reviewer")).StatusCode);
        var lookup = SandboxFixture.Json(new { query = $"{{ identity(gid: \"{company.Gid()}\") {{ gid }} }}" });

        HttpResponseMessage graphql, token, page, export, ready;
        await using (await sandbox.StopDatabase())
        {
            graphql = await sandbox.Send(HttpMethod.Post, "/graphql", lookup).WaitAsync(NoHang);
            token = await sandbox.Send(HttpMethod.Post, "/connect/token",
                $"grant_type=client_credentials&client_id={Clients.Association}&client_secret={Clients.SecretOf(Clients.Association)}",
                "application/x-www-form-urlencoded", token: null).WaitAsync(NoHang);
            page = await console.Get($"/console/identities/{company.Gid()}").WaitAsync(NoHang);
            export = await sandbox.Send(HttpMethod.Get, "/audit/export?format=ndjson", token: governance).WaitAsync(NoHang);
            ready = await sandbox.Send(HttpMethod.Get, "/health/ready", token: null).WaitAsync(NoHang);
        }

        Assert.Equal("UNAVAILABLE", CodeOf(await AssertUnavailable(graphql)));
        Assert.Equal("temporarily_unavailable", JsonNode.Parse(await AssertUnavailable(token))!["error"]!.GetValue<string>());
        Assert.Contains("The registry is briefly unavailable", await AssertUnavailable(page), StringComparison.Ordinal);
        Assert.Equal("UNAVAILABLE", CodeOf(await AssertUnavailable(export)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        // And back: the same lookup answers once the database is up again.
        Assert.Equal(company.Gid(), (await sandbox.Identity(company.Gid()))!.Gid());
    }

    [Fact]
    public async Task the_audit_chain_and_the_feed_carry_on_after_the_database_stopped_and_restarted_under_them()
    {
        var before = await sandbox.ALegalEntity();
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var governance = await sandbox.TokenFor(Clients.Governance);
        await using (await sandbox.StopDatabase())
        {
            // A request that fails on the stopped database: the daemon's polls fail the same way meanwhile.
            await AssertUnavailable(await sandbox.Send(HttpMethod.Get, "/audit/export?format=ndjson", token: governance).WaitAsync(NoHang));
        }

        await sandbox.RestartDatabase();
        // A read first, as DatabaseRestartTests: Marten retries it past the connections the restart ended, and Npgsql drops
        // them all; a write that drew one would answer 503 (nothing stored), as it should.
        Assert.Equal(before.Gid(), (await sandbox.Identity(before.Gid()))!.Gid());
        await sandbox.ALegalEntity();
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        // The first read of the registry's own pool after the restart may find a connection the restart ended and answer 503
        // (DatabaseRestartTests); the read after it is served.
        var first = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ auditCheckpoints(last: 1) { sequence } }" }), token: governance);
        Assert.Contains(first.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });

        var report = (await sandbox.Data("query { verifyAuditTrail { intact pendingEvents } }", new { }, Clients.Governance))["verifyAuditTrail"]!;
        Given.AssertJson("""{ "intact": true, "pendingEvents": 0 }""", report);
    }

    [Fact]
    public async Task a_write_behind_a_lock_answers_503_unavailable_within_the_lock_timeout_and_stores_nothing()
    {
        var company = await sandbox.ALegalEntity();
        const string addName = "mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }";
        var input = SandboxFixture.Json(new { query = addName, variables = new { input = new { gid = company.Gid(), expectedVersion = company.Version(), name = new { text = "Locked Out Ltd", script = "Latn" } } } });

        HttpResponseMessage response;
        await using (var holder = new NpgsqlConnection(sandbox.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var lockStream = new NpgsqlCommand("select id from gid.mt_streams where id = $1 for update", holder, transaction))
            {
                lockStream.Parameters.AddWithValue(company.Gid());
                Assert.NotNull(await lockStream.ExecuteScalarAsync());
            }

            response = await sandbox.Send(HttpMethod.Post, "/graphql", input).WaitAsync(NoHang);
            await transaction.RollbackAsync();
        }

        Assert.Equal("UNAVAILABLE", CodeOf(await AssertUnavailable(response)));
        Assert.Equal(company.Version(), (await sandbox.Identity(company.Gid()))!.Version());
    }

    [Fact]
    public async Task one_request_of_many_aliased_expensive_fields_holds_a_bounded_number_of_connections_while_another_office_looks_up()
    {
        var company = await sandbox.ALegalEntity();
        var expensive = SandboxFixture.Json(new
        {
            query = "{ " + string.Join(" ", Enumerable.Range(0, 10).Select(i => $"d{i}: duplicateCandidates(country: \"JP\", first: 5) {{ score }}")) + " }",
        });
        var observed = new List<long>();
        Task<HttpResponseMessage> heavy;
        HttpResponseMessage lookup;
        await using (var holder = new NpgsqlConnection(sandbox.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await new NpgsqlCommand("lock table gid.mt_doc_matchprofile in access exclusive mode", holder, transaction).ExecuteNonQueryAsync();

            heavy = sandbox.Send(HttpMethod.Post, "/graphql", expensive);
            // The heavy request's fields queue on the lock, each on a connection of its own: wait until the bound is reached.
            await using var waiting = new NpgsqlConnection(sandbox.ConnectionString);
            await waiting.OpenAsync();
            while (observed.Count < 500 && (observed.Count == 0 || observed[^1] < 4))
            {
                observed.Add((long)(await new NpgsqlCommand(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%mt_doc_matchprofile%' and pid <> pg_backend_pid()", waiting).ExecuteScalarAsync())!);
            }

            lookup = await sandbox.Send(HttpMethod.Post, "/graphql",
                SandboxFixture.Json(new { query = $"{{ identity(gid: \"{company.Gid()}\") {{ gid }} }}" }),
                token: await sandbox.TokenFor(Clients.OfficeWithoutMerge)).WaitAsync(NoHang);
            Assert.False(heavy.IsCompleted, "the heavy request ended before the lookup: nothing was measured");
            observed.Add((long)(await new NpgsqlCommand(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%mt_doc_matchprofile%' and pid <> pg_backend_pid()", waiting).ExecuteScalarAsync())!);
            await transaction.RollbackAsync();
        }

        var heavyAnswer = await heavy.WaitAsync(NoHang);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(4, observed.Max());
        // Once the lock is gone the heavy request finishes: with its data, or (if the lock outlasted the lock timeout) as UNAVAILABLE.
        Assert.Contains(heavyAnswer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
    }

    [Fact]
    public async Task registrations_under_load_while_the_database_stops_and_starts_are_stored_or_answered_503_and_none_acknowledged_is_lost()
    {
        var statuses = new ConcurrentBag<(HttpStatusCode Status, string? Code)>();
        var acknowledged = new ConcurrentBag<string>();
        var refused = 0;
        using var answered = new SemaphoreSlim(0);
        async Task Register(CancellationToken stop)
        {
            for (var i = 0; i < 40 && !stop.IsCancellationRequested; i++)
            {
                var body = SandboxFixture.Json(new
                {
                    query = Given.RegisterLegalEntity,
                    variables = new { input = new { names = new[] { new { text = $"Outage {Given.UniqueWord()} Holdings", script = "Latn" } }, country = "NL" } },
                });
                var response = await sandbox.Send(HttpMethod.Post, "/graphql", body).WaitAsync(NoHang, CancellationToken.None);
                var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!;
                var code = json["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
                statuses.Add((response.StatusCode, code));
                if (response.StatusCode == HttpStatusCode.OK && code is null)
                {
                    acknowledged.Add(json["data"]!["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>());
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref refused);
                }

                answered.Release();
            }
        }

        // Waits for the next answer of any writer; false once every writer has finished.
        async Task<bool> NextAnswer(Task[] writers)
        {
            var next = answered.WaitAsync();
            return await Task.WhenAny(next, Task.WhenAll(writers)).WaitAsync(NoHang) == next;
        }

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => Register(stop.Token))).ToArray();
        while (acknowledged.Count < 5 && await NextAnswer(writers))
        {
        }

        await using (await sandbox.StopDatabase())
        {
            while (Volatile.Read(ref refused) < 3 && await NextAnswer(writers))
            {
            }
        }

        var seenAfter = statuses.Count;
        while (statuses.Count < seenAfter + 6 && await NextAnswer(writers))
        {
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(refused >= 3, $"the outage was not seen: {string.Join(", ", statuses)}");
        Assert.All(statuses, s => Assert.True(
            (s.Status == HttpStatusCode.OK && s.Code is null) || (s.Status == HttpStatusCode.ServiceUnavailable && s.Code == "UNAVAILABLE"),
            $"{(int)s.Status} {s.Code}"));
        foreach (var gid in acknowledged)
        {
            Assert.Equal(gid, (await sandbox.Identity(gid))!.Gid());
        }
    }
}
