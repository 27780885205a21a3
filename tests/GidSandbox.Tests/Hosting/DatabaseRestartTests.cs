using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GidSandbox.Tests.Hosting;

[Collection(SeparateSandboxCollection.Name)]
public sealed class DatabaseRestartTests(SeparateSandboxFixture sandbox)
{
    [Fact]
    public async Task the_api_and_the_token_endpoint_work_again_after_the_database_restarts_under_them()
    {
        var before = await sandbox.ALegalEntity("Neustart Werkzeuge GmbH", "DE", Given.ExternalId(Given.ApplicantNumber()));
        await sandbox.RequestToken(Clients.Association, Clients.SecretOf(Clients.Association));

        await sandbox.RestartDatabase();
        var token = await sandbox.RequestToken(Clients.Association, Clients.SecretOf(Clients.Association));
        var found = await sandbox.Identity(before.Gid());
        var after = await sandbox.ALegalEntity("Redémarrage Outils SA", "FR", Given.ExternalId(Given.ApplicantNumber()));

        Assert.Equal(200, token.StatusCode);
        Assert.Equal(before.Gid(), found!.Gid());
        Assert.Equal(before.Version(), after.Version());
    }

    [Fact]
    public async Task after_a_restart_the_audit_trail_answers_at_most_one_request_unavailable_not_one_per_pooled_connection()
    {
        var governance = await sandbox.TokenFor(Clients.Governance);
        var read = SandboxFixture.Json(new { query = "{ auditTrail(first: 1) { edges { node { sequence } } } }" });
        // Connections idle in the registry's own pool (audit, feed, reports), as after a busy minute; the restart ends them all.
        var pool = sandbox.Host.Services.GetRequiredService<NpgsqlDataSource>();
        var idle = new List<NpgsqlConnection>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            idle.Add(await pool.OpenConnectionAsync());
        }

        foreach (var connection in idle)
        {
            await connection.DisposeAsync();
        }

        await sandbox.RestartDatabase();
        var statuses = new List<HttpStatusCode>();
        foreach (var _ in Enumerable.Range(0, 6))
        {
            statuses.Add((await sandbox.Send(HttpMethod.Post, "/graphql", read, token: governance)).StatusCode);
        }

        // The request that finds a connection the restart ended answers 503 with Retry-After, and Npgsql drops the pool's
        // other connections with it: the next requests read.
        Assert.True(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable) <= 1, string.Join(", ", statuses));
        Assert.All(statuses.Skip(1), status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
