using GidSandbox.Tests.ReviewConsole;
using Microsoft.Playwright;

namespace GidSandbox.Tests.Rights;

/// <summary>An applicant's own page in Debian's Chromium, at a laptop's width and at a phone's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MyRecordsInBrowserTests(BrowserSandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
{
    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task an_applicant_sees_their_record_and_gives_then_withdraws_consent(int width, int height)
    {
        var name = $"Ada {Given.UniqueWord()}";
        var own = (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = name, script = "Latn" } }, country = "CH", address = new { lines = new[] { "Rue du Rhône 7" }, city = "Genève", country = "CH" } },
        }))["registerNaturalPerson"]!["identity"]!.AsObject().Gid();

        var page = await browser.SignedIn(Applicant.Enrol(browser.Services, own));
        await page.SetViewportSizeAsync(width, height);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My records", Level = 1 })).ToBeVisibleAsync();
        // Only the pages an applicant's token can use (at a phone's width the navigation may be folded away: its links all the same).
        await Assertions.Expect(page.Locator("nav[aria-label=Console] a")).ToHaveTextAsync(["Home", "My records", "Terms of Use"]);
        var record = page.Locator("section").Filter(new() { HasText = own });
        await Assertions.Expect(record).ToContainTextAsync(name);
        await Assertions.Expect(record).ToContainTextAsync("Rue du Rhône 7");
        await Assertions.Expect(record.Locator("dd").Last).ToHaveTextAsync("Not recorded");
        await BrowserSandbox.AssertNoSidewaysScroll(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Give my consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your consent is recorded");
        await Assertions.Expect(record.Locator("dd").Last).ToContainTextAsync("Given on");
        await BrowserSandbox.Screenshot(page, $"my-records-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my consent" }).ClickAsync();
        await Assertions.Expect(record.Locator("dd").Last).ToContainTextAsync("Withdrawn on");
        var terms = await page.GotoAsync(GidSandbox.ReviewConsole.TermsPage.Path);
        Assert.Equal(200, terms!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Terms of Use");
    }
}
