using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The console at a phone's width and a laptop's: the navigation whole, nothing scrolling sideways; GraphiQL's starter tabs.</summary>
[Collection(SandboxCollection.Name)]
public sealed class LayoutInBrowserTests(SandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
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
}
