using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The dashboards in Chromium: a reviewer opens each, reads a chart's numbers as a table, and signs out.</summary>
public sealed partial class ConsoleInBrowserTests
{
    [Fact]
    public async Task a_reviewer_opens_every_dashboard_reads_a_charts_table_and_signs_out()
    {
        var word = Given.UniqueWord();
        var survivor = await sandbox.ALegalEntity($"{word} Chart Makers Ltd", "NZ");
        var merged = await sandbox.ALegalEntityDespiteDuplicates($"{word} Chart Makers Ltd", "NZ");
        await sandbox.Data("mutation ($s: Gid!, $m: Gid!) { mergeIdentities(input: { survivor: $s, merged: $m, reason: \"Same company\" }) { identity { gid } } }",
            new { s = survivor.Gid(), m = merged.Gid() });
        var page = await browser.SignedIn("reviewer");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Dashboards" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboards", Exact = true })).ToBeVisibleAsync();
        await BrowserSandbox.Screenshot(page, "dashboards");

        foreach (var (link, chart, screenshot) in new[]
        {
            ("Terms of Use acceptance", "Participants per accepted Terms version", "dashboard-terms"),
            ("Usage per office per day", "Requests per day, all offices", "dashboard-usage"),
            ("Registrations and merges", "Registrations and merges per day", "dashboard-registrations"),
            ("Duplicate candidates outstanding", "Duplicate candidate pairs outstanding", "dashboard-duplicates"),
        })
        {
            await page.GotoAsync("/console/dashboards");
            await page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = chart })).ToBeVisibleAsync();
            await BrowserSandbox.Screenshot(page, screenshot);
        }

        await page.GotoAsync("/console/dashboards/registrations");
        // A keyboard user opens the chart's table: its numbers are the ones drawn.
        var figure = page.Locator("figure").Filter(new() { Has = page.GetByRole(AriaRole.Img, new() { Name = "Registrations and merges per day" }) });
        await figure.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var table = figure.GetByRole(AriaRole.Table);
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Merges" })).ToBeVisibleAsync();
        Assert.NotEqual("0", await table.Locator("tbody tr").Last.Locator("td").Nth(1).TextContentAsync());
        await BrowserSandbox.Screenshot(page, "dashboard-registrations-table");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/console/dashboards");
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task an_examiner_is_refused_the_dashboards()
    {
        var page = await browser.SignedIn("examiner-de", "/console/dashboards/usage");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboards are for governance reviewers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("audit:read");
        await BrowserSandbox.Screenshot(page, "dashboard-refused");
        await page.CloseAsync();
    }
}
