using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The console in Debian's Chromium: real sign-in, real pages, real GraphiQL.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConsoleInBrowserTests(BrowserSandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
{
    [Theory]
    [InlineData("reviewer", "GOVERNANCE", "Sandbox governance reviewer")]
    [InlineData("examiner-ep", "OFFICE", "Sandbox examiner, European Patent Office")]
    [InlineData("analyst-inta", "ASSOCIATION", "Sandbox analyst, International Trademark Association")]
    public async Task each_role_signs_in_and_sees_who_it_is(string username, string role, string displayName)
    {
        var page = await browser.SignedIn(username);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "GID Sandbox console" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(role);
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync($"Signed in as {displayName}");
        await BrowserSandbox.Screenshot(page, $"home-{username}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task an_examiner_looks_up_a_gid_and_moves_the_as_of_control_back()
    {
        var identity = await sandbox.ALegalEntity($"Browser {Given.UniqueWord()} Widgets AG", "CH");
        await sandbox.Data(
            "mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }",
            new { input = new { gid = identity.Gid(), name = new { text = "ブラウザ", script = "Jpan", type = "TRANSLATION" } } });
        var page = await browser.SignedIn("examiner-ep");

        await page.GetByLabel("GID", new() { Exact = true }).FillAsync(identity.Gid().Replace("-", " ", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(identity.Gid());
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "ブラウザ" })).ToBeVisibleAsync();
        await BrowserSandbox.Screenshot(page, "identity");

        await page.GetByLabel("As of event").FillAsync("1");
        await Assertions.Expect(page.Locator("#as-of-instant")).ToContainTextAsync("version 1:");
        await page.Locator("form.as-of").GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Shown as it was at" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "ブラウザ" })).ToHaveCountAsync(0);
        await BrowserSandbox.Screenshot(page, "identity-as-of");
        await page.CloseAsync();
    }

    [Fact]
    public async Task an_analyst_without_gid_write_is_not_offered_to_add_a_name_and_sees_who_manages_the_identity()
    {
        var identity = await sandbox.ALegalEntity($"Read {Given.UniqueWord()} Only Widgets AG", "CH");
        var page = await browser.SignedIn("analyst-inta", $"/console/identities/{identity.Gid()}");

        await Assertions.Expect(page.GetByText("Names are added by offices")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add name" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Managed by");
        await BrowserSandbox.Screenshot(page, "read-only-identity");
        await page.CloseAsync();
    }

    [Fact]
    public async Task script_in_a_name_is_shown_and_never_run()
    {
        var identity = await sandbox.ALegalEntity("<img src=x onerror=alert(1)><script>alert(2)</script>", "CH");
        var page = await browser.SignedIn("examiner-ep");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"/console/identities/{identity.Gid()}");

        await Assertions.Expect(page.Locator("h1 .name")).ToHaveTextAsync("<img src=x onerror=alert(1)><script>alert(2)</script>");
        Assert.Equal(0, dialogs);
        await page.CloseAsync();
    }

    [Fact]
    public async Task a_reviewer_runs_a_query_in_graphiql_with_their_own_token()
    {
        var page = await browser.SignedIn("reviewer", "/console/graphiql");
        // GraphiQL has loaded the schema by introspection when its documentation explorer can list the query type.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("Query");

        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();

        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("\"clientId\": \"gid-console\"");
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("\"role\": \"GOVERNANCE\"");
        await BrowserSandbox.Screenshot(page, "graphiql");
        await page.CloseAsync();
    }

    [Fact]
    public async Task an_office_new_to_the_terms_accepts_them_then_signs_out()
    {
        var page = await browser.SignedIn("examiner-jp");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terms of Use" })).ToBeVisibleAsync();
        await BrowserSandbox.Screenshot(page, "terms");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the Terms of Use for JP" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("ACCEPTED");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await BrowserSandbox.Screenshot(page, "signed-out");
        await page.GotoAsync("/console/");
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await page.CloseAsync();
    }
}
