using GidSandbox.ReviewConsole;
using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>An ended console session in Chromium: the page says so, and signing in again returns to it.</summary>
public sealed partial class ConsoleInBrowserTests
{
    [Fact]
    public async Task an_ended_session_says_so_and_signing_in_again_returns_to_the_page()
    {
        var page = await browser.SignedIn("examiner-ep", "/console/search");
        // A session cookie the console can no longer read, as after tampering or a change of the sandbox's keys.
        var session = (await browser.Browser.CookiesAsync()).Single(c => c.Name == ConsoleRegistration.SessionCookie);
        await browser.Browser.AddCookiesAsync([new Cookie { Name = session.Name, Value = "no-longer-valid", Domain = session.Domain, Path = session.Path, HttpOnly = true }]);

        await page.GotoAsync("/console/search?name=Acme");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your session has expired" })).ToBeVisibleAsync();
        await BrowserSandbox.Screenshot(page, "session-expired");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("examiner-ep");
        await page.GetByLabel("Password").FillAsync(ConsoleVisitor.PasswordOf("examiner-ep"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/console/search?name=Acme");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search identities" })).ToBeVisibleAsync();
        await page.CloseAsync();
    }
}
