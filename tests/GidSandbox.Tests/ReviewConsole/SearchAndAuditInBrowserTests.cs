using System.Globalization;
using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>Search and the audit trail explorer in Debian's Chromium: keyboard-reachable forms, links, a real download.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchAndAuditInBrowserTests(BrowserSandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
{
    [Fact]
    public async Task an_examiner_searches_by_name_and_opens_an_identity_from_the_results()
    {
        var word = Given.UniqueWord();
        var identity = await sandbox.ALegalEntity($"{word} Optics Kabushiki Kaisha", "JP");
        var page = await browser.SignedIn("examiner-ep");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
        await page.GetByLabel("Name, identifier or GID").FillAsync($"{word} optics KK");
        await page.GetByLabel("Kind").SelectOptionAsync("LEGAL_ENTITY");
        await page.GetByLabel("Name, identifier or GID").PressAsync("Enter");

        var hit = page.GetByRole(AriaRole.Link, new() { Name = $"{word} Optics Kabushiki Kaisha" });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.hit").First).ToContainTextAsync("Score parts");
        await BrowserSandbox.Screenshot(page, "search");

        await hit.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(identity.Gid());
        await page.CloseAsync();
    }

    [Fact]
    public async Task a_reviewer_filters_the_audit_trail_exports_it_and_verifies_it()
    {
        var from = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var gid = (await sandbox.ALegalEntity($"Exported {Given.UniqueWord()} Widgets AG", "CH")).Gid();
        await sandbox.Data("mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }",
            new { input = new { gid, name = new { text = "Exported Widgets", script = "Latn" } } });
        var page = await browser.SignedIn("reviewer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit trail");
        await page.GetByLabel("Identity (GID)").FillAsync(gid);
        await page.GetByLabel("From (UTC, inclusive)").FillAsync(from);
        await page.GetByLabel("NameAdded", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var rows = page.Locator("table.audit tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("NameAdded");
        await BrowserSandbox.Screenshot(page, "audit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"gid-audit-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(saved);
        var lines = (await File.ReadAllTextAsync(saved)).TrimEnd().Split("\r\n");
        File.Delete(saved);

        Assert.Equal("audit-trail.csv", download.SuggestedFilename);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("sequence,stream,version,type", lines[0], StringComparison.Ordinal);
        Assert.Contains($",{gid},2,NameAdded,", lines[1], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Verify the trail's integrity" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Intact");
        await BrowserSandbox.Screenshot(page, "audit-verification");
        await page.CloseAsync();
    }

    [Fact]
    public async Task an_examiner_is_refused_the_audit_trail()
    {
        var page = await browser.SignedIn("examiner-ep");

        var response = await page.GotoAsync("/console/audit");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The audit trail is for governance reviewers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("FORBIDDEN");
        await BrowserSandbox.Screenshot(page, "audit-refused");
        await page.CloseAsync();
    }
}
