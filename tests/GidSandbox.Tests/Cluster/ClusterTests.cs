using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GidSandbox.Cluster;
using GidSandbox.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace GidSandbox.Tests.Cluster;

/// <summary>
/// The sandbox as a cluster (docs/scale-out.md): tokens, sessions and the async daemon across nodes, what the proxy
/// does when a node dies, and reads from the streaming replica. The tests run in any order on one cluster: one kills a
/// node, the others use the live ones; one stops the replica and starts it again.
/// </summary>
public sealed partial class ClusterTests(RunningCluster cluster, ITestOutputHelper output) : IClassFixture<RunningCluster>
{
    private const string Me = "{ me { office } }";

    [Fact]
    public async Task cluster_up_prints_each_process_it_started_and_the_proxy_is_ready_only_while_every_node_is()
    {
        Assert.Equal(
            [ClusterState.PrimaryRole, ClusterCommand.ReplicaRole, .. Enumerable.Repeat(ClusterCommand.NodeRole, RunningCluster.Nodes), ClusterProxy.Role],
            cluster.Processes.Select(p => p.Role));
        Assert.Equal(cluster.Processes.Count, cluster.Processes.Select(p => p.Pid).Distinct().Count());
        Assert.All(cluster.Processes, p => Assert.True(Directory.Exists(p.DataDirectory), p.DataDirectory));
        Assert.Equal(cluster.Processes.Single(p => p.Role == ClusterProxy.Role).Url, cluster.ProxyUrl);
        Assert.NotNull(EmbeddedPostgres.ServerPid(cluster.Primary.DataDirectory)); // its process id changes when a test restarts it
        Assert.True(await cluster.QueryAsync<bool>(cluster.Replica, "select pg_is_in_recovery()"), "the replica is not a standby");
        Assert.Equal(cluster.NodeProcesses.All(n => n.IsAlive), await cluster.ReadyAsync(cluster.ProxyUrl));
    }

    [Fact]
    public async Task a_token_issued_by_one_node_is_accepted_by_another_and_its_revocation_is_honoured_there_within_the_cache_bound()
    {
        var (issuer, other) = (cluster.LiveNodes.First(), cluster.LiveNodes.Last());
        var token = await cluster.TokenAsync(issuer.Url, "office-jp", "gid:read");

        var there = await cluster.GetAsync(other.Url, token, Me);
        Assert.Equal(200, there.Status);
        Assert.Equal("JP", there.Body["data"]!["me"]!["office"]!.GetValue<string>());

        using var revoked = await cluster.Http.PostAsync(new Uri($"{issuer.Url}/connect/revoke"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = "office-jp",
            ["client_secret"] = Clients.SecretOf("office-jp"),
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(401, (await cluster.GetAsync(issuer.Url, token, Me)).Status);
        // The other node validated it a moment ago and may reuse that for Access:ValidatedTokenReuse (1 s here), no longer.
        var refusedThere = Stopwatch.StartNew();
        Assert.True(await RunningCluster.WaitForAsync(async () => (await cluster.GetAsync(other.Url, token, Me)).Status == 401, seconds: 10));
        output.WriteLine($"refused on the other node {refusedThere.ElapsedMilliseconds} ms after the revocation");
    }

    [Fact]
    public async Task a_person_who_signs_in_on_one_node_is_signed_in_on_the_others()
    {
        var nodes = cluster.LiveNodes.ToList();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = $"{nodes[0].Url}/console/signed-in";
        var authorize = $"/connect/authorize?client_id=gid-console&response_type=code&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
            $"&scope={Uri.EscapeDataString("gid:read")}&state=s-1&code_challenge={challenge}&code_challenge_method=S256";

        // The form (its antiforgery cookie and token) from one node, posted to another: one key ring protects both.
        var page = await browser.GetStringAsync(new Uri($"{nodes[0].Url}/account/sign-in?returnUrl={Uri.EscapeDataString(authorize)}"));
        using var signedIn = await browser.PostAsync(new Uri($"{nodes[1].Url}/account/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
            ["returnUrl"] = authorize,
            ["username"] = "examiner-jp",
            ["password"] = "examiner-jp-sandbox-password",
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());

        // The sign-in cookie the second node wrote, read by the first: it gives the browser a code rather than the sign-in page.
        using var authorized = await browser.GetAsync(new Uri($"{nodes[0].Url}{signedIn.Headers.Location}"));
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        Assert.StartsWith($"{redirectUri}?code=", authorized.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task killing_the_daemon_leader_under_load_hands_the_chain_to_another_node_the_proxy_retries_reads_only_and_nothing_acknowledged_is_lost_or_doubled()
    {
        var writer = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Default, "gid:read gid:write");
        var reader = await cluster.TokenAsync(cluster.ProxyUrl, "office-kr", "gid:read");
        var auditor = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Governance, "gid:read audit:read");
        await AcceptTermsAsync(writer);
        Assert.True(await RunningCluster.WaitForAsync(async () => await cluster.DaemonLeaderAsync() is not null, seconds: 10), "no node leads the daemon");
        var leader = (await cluster.DaemonLeaderAsync())!;

        var reads = new ConcurrentBag<(int Status, bool Retried)>();
        var writes = new ConcurrentBag<(string Key, string Name, int Status, bool Retried, string Answer)>();
        using var load = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                var (status, _, retried) = await cluster.GetAsync(cluster.ProxyUrl, reader, Me);
                reads.Add((status, retried));
            }
        })).ToList();
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                var (key, name) = (Guid.NewGuid().ToString("N"), $"{Given.UniqueWord()} Cluster AG");
                var (status, body, retried) = await RegisterAsync(writer, key, name);
                writes.Add((key, name, status, retried, body.ToJsonString()));
            }
        })).ToList();
        Assert.True(await RunningCluster.WaitForAsync(() => Task.FromResult(reads.Count >= 30 && writes.Count >= 6), seconds: 30));

        using (var process = Process.GetProcessById(leader.Pid))
        {
            process.Kill(); // SIGKILL: no shutdown, the daemon's connection just drops
        }

        var killed = Stopwatch.StartNew();
        Assert.True(await RunningCluster.WaitForAsync(async () => await cluster.DaemonLeaderAsync() is { } next && next != leader, seconds: 30), "no node took the daemon over");
        var takeover = killed.Elapsed;
        Assert.False(await cluster.ReadyAsync(cluster.ProxyUrl)); // a node is down: the cluster is not whole
        var (readsAtKill, writesAtKill) = (reads.Count, writes.Count);
        Assert.True(await RunningCluster.WaitForAsync(() => Task.FromResult(reads.Count >= readsAtKill + 60 && writes.Count >= writesAtKill + 10), seconds: 60));
        await load.CancelAsync();
        await Task.WhenAll([.. readers, .. writers]);

        // Reads (GET) that met the dead node were sent to another: every one was answered, some only on a retry.
        Assert.All(reads, r => Assert.Equal(200, r.Status));
        Assert.Contains(reads, r => r.Retried);
        // Writes (POST) were never retried by the proxy: one that met the dead node failed as a gateway error.
        Assert.All(writes, w => Assert.False(w.Retried));
        Assert.All(writes, w => Assert.True(w.Status is 200 or 502, $"{w.Status} {w.Answer}"));
        // A write not acknowledged (a 502, or a node that has not yet seen the office's acceptance of the Terms, which
        // another node sees within 5 s) is sent again with the same idempotency key until a live node acknowledges it
        // (the proxy stops sending to the dead one after two failed probes): it is applied once, whether or not the first arrived.
        foreach (var failed in writes.Where(w => !w.Answer.Contains("\"gid\"", StringComparison.Ordinal)))
        {
            Assert.True(await RunningCluster.WaitForAsync(async () => (await RegisterAsync(writer, failed.Key, failed.Name)).Body["data"]?["registerLegalEntity"]?["identity"]?["gid"] is not null, seconds: 30));
        }

        foreach (var write in writes)
        {
            Assert.Equal(1L, await cluster.QueryAsync<long>("select count(*) from gid.mt_events where data::text like '%' || $1 || '%'", write.Name));
        }

        // The new leader chains every event, the ones written while the old leader was dying included, and the chain verifies.
        var events = await cluster.QueryAsync<long>("select max(seq_id) from gid.mt_events");
        Assert.True(await ChainCoversAsync(auditor, events) is { } chain && chain["intact"]!.GetValue<bool>());
        output.WriteLine($"daemon leader {leader.Name} killed; another node led after {takeover.TotalMilliseconds:F0} ms; " +
            $"{reads.Count} reads ({reads.Count(r => r.Retried)} retried), {writes.Count} writes ({writes.Count(w => w.Status == 502)} answered 502 and sent again)");
    }

    [Fact]
    public async Task after_the_primary_restarts_every_node_serves_again_and_the_chain_carries_on()
    {
        var writer = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Default, "gid:read gid:write");
        var auditor = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Governance, "gid:read audit:read");
        await AcceptTermsAsync(writer);

        await EmbeddedPostgres.RestartDetachedAsync(cluster.Primary.DataDirectory, NullLogger.Instance);

        Assert.True(await RunningCluster.WaitForAsync(async () => (await Task.WhenAll(cluster.LiveNodes.Select(n => cluster.ReadyAsync(n.Url)))).All(ready => ready), seconds: 60));
        var (key, name) = (Guid.NewGuid().ToString("N"), $"{Given.UniqueWord()} Restart AG");
        // Sent again with its key until a node answers (a connection the restart broke is answered 503 once).
        Assert.True(await RunningCluster.WaitForAsync(async () => (await RegisterAsync(writer, key, name)).Body["data"]?["registerLegalEntity"]?["identity"]?["gid"] is not null, seconds: 30));
        Assert.Equal(1L, await cluster.QueryAsync<long>("select count(*) from gid.mt_events where data::text like '%' || $1 || '%'", name));
        var events = await cluster.QueryAsync<long>("select max(seq_id) from gid.mt_events");
        Assert.True(await ChainCoversAsync(auditor, events) is { } chain && chain["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task a_lookup_is_answered_by_the_replica_and_a_writer_reads_its_own_write_at_once_on_every_node()
    {
        var writer = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Default, "gid:read gid:write");
        // Another caller: a token of its own (read-your-writes follows the token), of the office whose Terms the writer accepts.
        var reader = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Default, "gid:read");
        await AcceptTermsAsync(writer);
        var known = await RegisteredGidAsync(writer, $"{Given.UniqueWord()} Replica AG");

        // Another caller's lookup is read from the replica, as the replica's own statistics confirm.
        var scans = await IdentityScansOnReplicaAsync();
        Assert.True(await RunningCluster.WaitForAsync(async () => await cluster.ReadAsync(cluster.ProxyUrl, reader, Lookup(known)) is { Status: 200, ReadFrom: "replica" } answer
            && answer.Body["data"]!["identity"] is not null, seconds: 20), "the lookup was never read from the replica");
        Assert.True(await RunningCluster.WaitForAsync(async () => await IdentityScansOnReplicaAsync() > scans, seconds: 10), "the replica read no identity");

        // With the replica's replay held, it cannot have the next write: the writer reads it at once all the same, on every node.
        await cluster.QueryAsync<object>(cluster.Replica, "select pg_wal_replay_pause()");
        string written;
        try
        {
            written = await RegisteredGidAsync(writer, $"{Given.UniqueWord()} Replica AG");
            for (var i = 0; i < cluster.LiveNodes.Count(); i++)
            {
                var (status, body, readFrom) = await cluster.ReadAsync(cluster.ProxyUrl, writer, Lookup(written));
                Assert.True(status == 200 && body["data"]!["identity"]?["gid"]?.GetValue<string>() == written, body.ToJsonString());
                Assert.Equal("primary", readFrom);
            }

            Assert.Null(await cluster.QueryAsync<object>(cluster.Replica, "select id from gid.mt_doc_identity where id = $1", written) as string);
        }
        finally
        {
            await cluster.QueryAsync<object>(cluster.Replica, "select pg_wal_replay_resume()");
        }

        // Caught up, the replica answers the other caller again, with the write.
        Assert.True(await RunningCluster.WaitForAsync(async () => await cluster.ReadAsync(cluster.ProxyUrl, reader, Lookup(written)) is { Status: 200, ReadFrom: "replica" } answer
            && answer.Body["data"]!["identity"] is not null, seconds: 20));
    }

    [Fact]
    public async Task with_the_replica_stopped_reads_are_answered_by_the_primary_and_once_it_is_back_by_the_replica_again_with_every_write()
    {
        var writer = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Default, "gid:read gid:write");
        // Another caller: a token of its own (read-your-writes follows the token), of the office whose Terms the writer accepts.
        var reader = await cluster.TokenAsync(cluster.ProxyUrl, Clients.Default, "gid:read");
        await AcceptTermsAsync(writer);
        var known = await RegisteredGidAsync(writer, $"{Given.UniqueWord()} Standby AG");
        Assert.True(await RunningCluster.WaitForAsync(async () => (await cluster.ReadAsync(cluster.ProxyUrl, reader, Lookup(known))).ReadFrom == "replica", seconds: 20));

        var port = new Uri(cluster.Replica.Url).Port;
        await EmbeddedPostgres.StopDetachedAsync(cluster.Replica.DataDirectory, NullLogger.Instance);
        try
        {
            // Every read is answered, from the primary: one that met the stopped replica (a pooled connection) is repeated there.
            for (var i = 0; i < 2 * RunningCluster.Nodes; i++)
            {
                var (status, body, readFrom) = await cluster.ReadAsync(cluster.ProxyUrl, reader, Lookup(known));
                Assert.True(status == 200 && body["data"]!["identity"] is not null, body.ToJsonString());
                Assert.Equal("primary", readFrom);
            }

            Assert.False(await cluster.ReadyAsync(cluster.ProxyUrl)); // the cluster is not whole without its replica
            known = await RegisteredGidAsync(writer, $"{Given.UniqueWord()} Standby AG"); // acknowledged while the replica is away
        }
        finally
        {
            await EmbeddedPostgres.StartStandbyDetachedAsync(cluster.Primary.DataDirectory, cluster.Replica.DataDirectory, port, NullLogger.Instance);
        }

        // Back, it replays what it missed and answers again, with the write made while it was away.
        Assert.True(await RunningCluster.WaitForAsync(async () => await cluster.ReadAsync(cluster.ProxyUrl, reader, Lookup(known)) is { Status: 200, ReadFrom: "replica" } answer
            && answer.Body["data"]!["identity"] is not null, seconds: 30));
    }

    private static string Lookup(string gid) => $"{{ identity(gid: \"{gid}\") {{ gid }} }}";

    private async Task<long> IdentityScansOnReplicaAsync() => await cluster.QueryAsync<long>(cluster.Replica,
        "select coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)::bigint from pg_stat_user_tables where schemaname = 'gid' and relname = 'mt_doc_identity'");

    /// <summary>Registers a legal entity through the proxy, sent again with its key until a node acknowledges it; its GID.</summary>
    private async Task<string> RegisteredGidAsync(string writer, string name)
    {
        var key = Guid.NewGuid().ToString("N");
        string? gid = null;
        Assert.True(await RunningCluster.WaitForAsync(async () => (gid = (await RegisterAsync(writer, key, name)).Body["data"]?["registerLegalEntity"]?["identity"]?["gid"]?.GetValue<string>()) is not null, seconds: 30));
        return gid!;
    }

    /// <summary>The chain's verification once it covers event <paramref name="sequence"/> (null if it never does within a minute).</summary>
    private async Task<System.Text.Json.Nodes.JsonNode?> ChainCoversAsync(string auditor, long sequence)
    {
        System.Text.Json.Nodes.JsonNode? report = null;
        // Asked until a node answers with the chain that far: a connection a primary restart broke is answered 503 once.
        await RunningCluster.WaitForAsync(async () =>
            (report = (await cluster.GetAsync(cluster.ProxyUrl, auditor, "{ verifyAuditTrail { headSequence intact } }")).Body["data"]?["verifyAuditTrail"])?["headSequence"]?.GetValue<long>() >= sequence,
            seconds: 60);
        return report?["headSequence"]?.GetValue<long>() >= sequence ? report : null;
    }

    private async Task<(int Status, System.Text.Json.Nodes.JsonObject Body, bool Retried)> RegisterAsync(string token, string key, string name) =>
        await cluster.PostAsync(cluster.ProxyUrl, token, """
            mutation ($name: String!, $key: String!) {
              registerLegalEntity(input: { names: [{ text: $name, script: "Latn" }], country: "CH", idempotencyKey: $key }) { identity { gid } }
            }
            """, new { name, key });

    private async Task AcceptTermsAsync(string token)
    {
        var terms = (await cluster.PostAsync(cluster.ProxyUrl, token, "{ termsOfUse { version sha256 } }")).Body["data"]!["termsOfUse"]!;
        var accepted = await cluster.PostAsync(cluster.ProxyUrl, token, "mutation ($v: String!, $h: String!) { acceptTermsOfUse(version: $v, sha256: $h) { office } }",
            new { v = terms["version"]!.GetValue<string>(), h = terms["sha256"]!.GetValue<string>() });
        Assert.True(accepted.Status == 200, accepted.Body.ToJsonString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
