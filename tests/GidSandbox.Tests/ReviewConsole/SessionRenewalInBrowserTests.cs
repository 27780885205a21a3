using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>
/// The sandbox with access tokens that last 20 seconds and hold 1 second past their end, so that a renewal and the refusal
/// of the renewed token can be watched without waiting 15 minutes and the 30 seconds of clock skew. With 10 seconds, a
/// GraphiQL page that took its first seconds to start on a busy machine renewed after its session had ended.
/// </summary>
public sealed class ShortTokenBrowserSandbox : BrowserSandbox
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Access:AccessTokenLifetime"] = TokenLifetime.ToString(),
        ["Access:ClockSkew"] = ClockSkew.ToString(),
    };
}

/// <summary>A console session renews its access token before it expires: GraphiQL on its own, other pages from the warning.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionRenewalInBrowserTests(ShortTokenBrowserSandbox browser) : IClassFixture<ShortTokenBrowserSandbox>
{
    [Fact]
    public async Task graphiql_renews_its_token_before_it_expires_and_goes_on_working_after_the_first_token_is_refused()
    {
        var page = await browser.SignedIn("examiner-ep", "/console/graphiql");
        var first = await page.Locator("#graphiql").GetAttributeAsync("data-token");
        var firstEnds = await page.EvaluateAsync<double>("Date.parse(document.body.dataset.sessionEnds)");
        var authorizations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.Headers.TryGetValue("authorization", out var value))
            {
                authorizations.Enqueue(value);
            }
        };
        var renewals = new System.Collections.Concurrent.ConcurrentQueue<string>(); // for the message, should no renewal arrive
        page.Response += (_, r) =>
        {
            if (r.Url.EndsWith("/session/renew", StringComparison.Ordinal))
            {
                renewals.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {r.Status}");
            }
        };
        page.RequestFailed += (_, r) =>
        {
            if (r.Url.EndsWith("/session/renew", StringComparison.Ordinal))
            {
                renewals.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {r.Failure}");
            }
        };

        // The first token is refused once it has expired (past the API's clock skew); the page renewed it before then.
        var refusedAt = firstEnds + ShortTokenBrowserSandbox.ClockSkew.TotalMilliseconds + 1000;
        await page.WaitForFunctionAsync("at => Date.now() > at", refusedAt, new() { Timeout = 90_000, PollingInterval = 500 });
        var old = await page.APIRequest.PostAsync("/graphql", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {first}" },
            DataObject = new { query = "{ me { office } }" },
        });
        Assert.Equal(401, old.Status);
        // Renewed before then, or (on a machine so busy that the renewal is still on its way) soon after.
        try
        {
            await page.WaitForFunctionAsync("ends => Date.parse(document.body.dataset.sessionEnds) > ends", firstEnds, new() { Timeout = 30_000, PollingInterval = 200 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No renewal: the first session ended at {DateTimeOffset.FromUnixTimeMilliseconds((long)firstEnds):HH:mm:ss}; answers to renewals: [{string.Join(", ", renewals)}]");
        }


        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        var response = page.Locator(".graphiql-response");
        await Assertions.Expect(response).ToContainTextAsync("\"office\": \"EP\"");
        Assert.DoesNotContain($"Bearer {first}", authorizations);
        await page.CloseAsync();
    }

    [Fact]
    public async Task the_warning_before_the_end_lets_the_user_stay_signed_in()
    {
        var page = await browser.SignedIn("examiner-ep", "/console/search");
        var firstEnds = await page.EvaluateAsync<double>("Date.parse(document.body.dataset.sessionEnds)");
        var warning = page.Locator(".session-warning");
        await Assertions.Expect(warning).ToContainTextAsync("Your session ends at", new() { Timeout = 30_000 });
        await BrowserSandbox.Screenshot(page, "session-warning");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await Assertions.Expect(warning).ToContainTextAsync("Your session goes on until");

        // Past the first token's end the page still opens: the session holds the renewed token.
        await page.WaitForFunctionAsync("at => Date.now() > at", firstEnds + 1000, new() { Timeout = 30_000, PollingInterval = 500 });
        await page.GotoAsync("/console/search?name=Acme");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search identities" })).ToBeVisibleAsync();
        await page.CloseAsync();
    }
}
