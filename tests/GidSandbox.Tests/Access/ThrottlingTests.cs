using System.Net;
using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Access;

/// <summary>
/// Guessing a client secret or a password is throttled. The run's limits are far above what tests
/// send, except for one client id and user name (<see cref="Clients.ThrottledProbe"/>): 2 attempts
/// and 2 failures, refilled once a minute.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ThrottlingTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task guessing_a_client_secret_is_stopped_with_429_and_retry_after_while_other_clients_go_on()
    {
        async Task<Alba.IScenarioResult> Guess(string secret, int expectedStatus) => await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = Clients.ThrottledProbe, ["client_secret"] = secret }).ToUrl("/connect/token");
            s.StatusCodeShouldBe(expectedStatus);
        });

        var first = await Guess("guess-1", 401);
        await Guess("guess-2", 401);
        var second = await Guess("guess-3", 429);
        var other = await sandbox.RequestToken(Clients.OfficeWithoutMerge, Clients.SecretOf(Clients.OfficeWithoutMerge));

        Assert.Equal("invalid_client", JsonNode.Parse(await first.ReadAsTextAsync())!["error"]!.GetValue<string>());
        var retryAfter = int.Parse(second.Context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 120);
        Given.AssertJson($$"""
            { "error": "temporarily_unavailable", "error_description": "Too many token requests for this client or from this address; retry after {{retryAfter}} s." }
            """, JsonNode.Parse(await second.ReadAsTextAsync()));
        Assert.Equal(200, other.StatusCode);
    }

    [Fact]
    public async Task guessing_a_password_is_stopped_with_429_and_retry_after()
    {
        using var browser = new HttpClient(new Browser(sandbox.Host.Server.CreateHandler())) { BaseAddress = sandbox.Host.Server.BaseAddress };

        var first = await SignInFlowTests.SignIn(browser, "/console/", Clients.ThrottledProbe, "guess-1");
        await SignInFlowTests.SignIn(browser, "/console/", Clients.ThrottledProbe, "guess-2");
        var second = await SignInFlowTests.SignIn(browser, "/console/", Clients.ThrottledProbe, "guess-3");
        var someoneElse = await SignInFlowTests.SignIn(browser, "/console/", "examiner-de", "examiner-de-sandbox-password");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var retryAfter = second.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 120);
        Assert.Equal($"Too many sign-in attempts for this user or from this address; wait {retryAfter} s and try again.", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, someoneElse.StatusCode);
    }
}
