using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The console at a phone's width and a laptop's: the navigation whole, nothing scrolling sideways; GraphiQL's starter tabs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutInBrowserTests(BrowserSandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 900)]
    public async Task the_reviewers_pages_fit_the_window_with_the_whole_navigation(int width, int height)
    {
        var company = await sandbox.ALegalEntity($"{Given.UniqueWord()} Wide Layout Laboratories International Holding GmbH", "DE");
        await sandbox.Data("mutation ($gid: Gid!) { addName(input: { gid: $gid, name: { text: \"شركة المختبرات 12345\", script: \"Arab\" } }) { identity { version } } }", new { gid = company.Gid() });
        var page = await browser.SignedIn("reviewer");
        await page.SetViewportSizeAsync(width, height);

        foreach (var (path, name) in new[]
        {
            ("/", "front"), ("/console/", "home"), ($"/console/identities/{company.Gid()}", "identity"), ($"/console/audit?gid={company.Gid()}", "audit"),
            ("/console/audit/verification", "verification"), ("/console/dashboards/usage", "usage-chart"), ("/console/challenges", "challenges"), ("/no-such-page", "not-found"),
        })
        {
            await page.GotoAsync(path);
            await BrowserSandbox.AssertNoSidewaysScroll(page);
            await BrowserSandbox.Screenshot(page, $"layout-{name}-{width}");
        }

        await page.GotoAsync("/console/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });
        foreach (var link in new[] { "Home", "Search", "Duplicates", "Challenges", "Audit trail", "GraphiQL", "Dashboards", "Terms of Use" })
        {
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeInViewportAsync();
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task an_arabic_address_reads_right_to_left_with_its_postal_code_in_order()
    {
        var company = await sandbox.ALegalEntity($"{Given.UniqueWord()} Riyadh Trading", "SA");
        await sandbox.Data(
            "mutation ($gid: Gid!) { changeAddress(input: { gid: $gid, address: { lines: [\"شارع العليا 45\"], postalCode: \"11564\", city: \"الرياض\", country: \"SA\" } }) { identity { version } } }",
            new { gid = company.Gid() });
        var page = await browser.SignedIn("reviewer", $"/console/identities/{company.Gid()}");
        var address = page.Locator("dd.address");
        await Assertions.Expect(address).ToContainTextAsync("11564");
        await BrowserSandbox.Screenshot(page, "arabic-address");

        // Where each part starts on the screen (right edge for right-to-left), and where each digit of the postal code is.
        var parts = await address.Locator("bdi").EvaluateAllAsync<double[]>("bdis => bdis.map(b => b.getBoundingClientRect().right)");
        var digits = await address.Locator("bdi", new() { HasText = "11564" }).EvaluateAsync<double[]>(
            "bdi => [...bdi.textContent].map((_, i) => { const r = document.createRange(); r.setStart(bdi.firstChild, i); r.setEnd(bdi.firstChild, i + 1); return r.getBoundingClientRect().left; })");
        Assert.Equal("rtl", await address.EvaluateAsync<string>("dd => getComputedStyle(dd).direction"));
        Assert.True(parts[0] > parts[1] && parts[1] > parts[2], $"street, postal code and city are not laid out right to left: {string.Join(", ", parts)}");
        Assert.True(digits.Zip(digits.Skip(1)).All(d => d.First < d.Second), $"the postal code's digits are not left to right: {string.Join(", ", digits)}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task every_graphiql_starter_tab_runs_as_shipped_and_again()
    {
        var page = await browser.SignedIn("examiner-ep", "/console/graphiql");
        var tabs = page.Locator(".graphiql-tab");
        await Assertions.Expect(tabs).ToHaveCountAsync(6);

        string[] operations = ["WhoAmI", "TermsOfUse", "LookUpGid", "ResolveApplicantNumber", "HistoryAndAsOf", "RegisterLegalEntity"];
        for (var i = 0; i < 6; i++)
        {
            await tabs.Nth(i).ClickAsync();
            // The editor shows the tab's operation, and it runs at once: GraphiQL settles the operation name only
            // a moment after the tab changes, so a stale name must not go out with this tab's query.
            await Assertions.Expect(page.Locator(".graphiql-query-editor")).ToContainTextAsync(operations[i]);
            foreach (var run in new[] { 1, 2 })
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
                var response = page.Locator(".graphiql-response");
                await Assertions.Expect(response).ToContainTextAsync(new System.Text.RegularExpressions.Regex("\"data\"|\"errors\""));
                var text = await response.InnerTextAsync();
                Assert.False(text.Contains("\"errors\"", StringComparison.Ordinal), $"Tab {i + 1}, run {run}: {text}");
            }
        }

        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("\"replayed\": true");
        await page.CloseAsync();
    }
}
