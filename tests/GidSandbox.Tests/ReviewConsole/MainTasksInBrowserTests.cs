using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>
/// Each user's main task end to end in Debian's Chromium: the examiner tells namesakes apart and challenges one,
/// its managing office answers, the reviewer works the duplicate queue; at a laptop's width and at a phone's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MainTasksInBrowserTests(BrowserSandboxFixture sandbox, BrowserSandbox browser) : IClassFixture<BrowserSandbox>
{
    private const string Register = "mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid } } }";

    private async Task<string> ANamesake(string name, string city, string client = Clients.Default, params object[] externalIdentifiers)
    {
        var data = await sandbox.Data(Register, new
        {
            input = new
            {
                names = new[] { new { text = name, script = "Latn" } },
                country = "KR",
                address = new { lines = new[] { "1 Main Road" }, city, country = "KR" },
                externalIdentifiers,
                duplicateOverride = new { reason = "Namesakes: different parties of one name." },
            },
        }, client);
        return data["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();
    }

    private async Task<string> ALookAlike(string name, string country) =>
        (await sandbox.Data(Register, new { input = new { names = new[] { new { text = name, script = "Latn" } }, country, duplicateOverride = new { reason = "Look-alike to review." } } }))
            ["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task an_examiner_tells_namesakes_apart_and_challenges_one_and_its_managing_office_answers(int width, int height)
    {
        var word = Given.UniqueWord();
        var name = $"{word} Saerom Electronics Co., Ltd.";
        await ANamesake(name, "Seoul");
        var busan = await ANamesake(name, "Busan", Clients.OfficeWithoutMerge, Given.ExternalId($"DE-{word}", "DE"));
        await ANamesake(name, "Daegu");

        var examiner = await browser.SignedIn("examiner-ep");
        await examiner.SetViewportSizeAsync(width, height);
        await examiner.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await examiner.GetByLabel("Name, identifier or GID").FillAsync(name);
        await examiner.GetByLabel("Name, identifier or GID").PressAsync("Enter");

        // Best first: the three of the very name asked for are grouped at the top.
        var group = examiner.Locator("ol.hits > li").First;
        await Assertions.Expect(group).ToHaveClassAsync("namesakes");
        await Assertions.Expect(group.Locator("> p")).ToHaveTextAsync($"{name}: 3 different identities of this name, told apart by the details below");
        var card = group.Locator("article.hit").Filter(new() { HasText = "Busan" });
        await Assertions.Expect(card).ToContainTextAsync("Managed by DE");
        await Assertions.Expect(card).ToContainTextAsync($"DE applicant-number DE-{word}");
        await Assertions.Expect(card).ToContainTextAsync($"Registered {sandbox.Clock.GetCurrentInstant().InUtc().Date:yyyy-MM-dd}");
        await BrowserSandbox.AssertNoSidewaysScroll(examiner);
        await BrowserSandbox.Screenshot(examiner, $"namesakes-{width}");

        await card.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(examiner.Locator("h1")).ToContainTextAsync(busan);
        await examiner.GetByLabel("What is wrong").SelectOptionAsync("WRONG_NAME");
        await examiner.GetByLabel("Reason", new() { Exact = true }).FillAsync("The registered name misspells Saerom");
        await examiner.GetByRole(AriaRole.Button, new() { Name = "Raise challenge" }).ClickAsync();
        await Assertions.Expect(examiner.GetByRole(AriaRole.Status).Filter(new() { HasText = "Challenge raised" })).ToContainTextAsync("DE must answer it");
        await Assertions.Expect(examiner.Locator("ol.challenges")).ToContainTextAsync("The registered name misspells Saerom");
        await BrowserSandbox.AssertNoSidewaysScroll(examiner);
        await BrowserSandbox.Screenshot(examiner, $"challenge-raised-{width}");
        await examiner.CloseAsync();

        var office = await browser.SignedIn("examiner-de");
        await office.SetViewportSizeAsync(width, height);
        await office.GetByRole(AriaRole.Link, new() { Name = "Challenges", Exact = true }).ClickAsync();
        var challenge = office.Locator("article.challenge").Filter(new() { HasText = busan });
        await Assertions.Expect(challenge).ToContainTextAsync("Raised by EP");
        await Assertions.Expect(challenge).ToContainTextAsync("days left");
        await BrowserSandbox.AssertNoSidewaysScroll(office);
        await BrowserSandbox.Screenshot(office, $"challenge-inbox-{width}");
        await challenge.GetByLabel("Outcome").SelectOptionAsync("REJECTED");
        await challenge.GetByLabel("Reason").FillAsync("Spelt as in the commercial register");
        await challenge.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status).Filter(new() { HasText = "Challenge resolved" })).ToBeVisibleAsync();
        await Assertions.Expect(office.Locator("article.challenge").Filter(new() { HasText = busan })).ToHaveCountAsync(0);
        await office.CloseAsync();

        var stored = (await sandbox.Data("query ($gid: Gid!) { challenges(gid: $gid) { raisedBy status outcome resolution } }", new { gid = busan }))["challenges"]!;
        Given.AssertJson("""[{ "raisedBy": "EP", "status": "RESOLVED", "outcome": "REJECTED", "resolution": "Spelt as in the commercial register" }]""", stored);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task a_reviewer_merges_one_pair_and_dismisses_another_from_the_duplicate_queue(int width, int height)
    {
        var (merging, dismissing) = (Given.UniqueWord(), Given.UniqueWord());
        var kept = await sandbox.ALegalEntity($"{merging} Valletta Shipping Ltd", "MT");
        var duplicate = await ALookAlike($"{merging} Valletta Shipping Limited", "MT");
        var one = await sandbox.ALegalEntity($"{dismissing} Gozo Ferries Ltd", "MT");
        var other = await ALookAlike($"{dismissing} Gozo Ferries Limited", "MT");

        var page = await browser.SignedIn("reviewer");
        await page.SetViewportSizeAsync(width, height);
        await page.GetByRole(AriaRole.Link, new() { Name = "Duplicates", Exact = true }).ClickAsync();
        await page.GetByLabel("Country (ISO 3166-1)").FillAsync("MT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show pairs" }).ClickAsync();

        var pair = page.Locator("article.pair").Filter(new() { HasText = merging });
        await Assertions.Expect(pair.Locator("tr.differs").Filter(new() { HasText = "Names" })).ToContainTextAsync("differs");
        await Assertions.Expect(pair.Locator("tr:not(.differs)").Filter(new() { HasText = "Country" })).ToContainTextAsync("MT");
        await BrowserSandbox.AssertNoSidewaysScroll(page);
        await BrowserSandbox.Screenshot(page, $"duplicate-queue-{width}");
        await pair.GetByLabel($"keep {kept.Gid()}").CheckAsync();
        await pair.GetByLabel("Reason").FillAsync("Same company: one registration number");
        await pair.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Merged" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.pair").Filter(new() { HasText = merging })).ToHaveCountAsync(0);

        var second = page.Locator("article.pair").Filter(new() { HasText = dismissing });
        await second.GetByLabel("Reason").FillAsync("Different ports and owners");
        await second.GetByRole(AriaRole.Button, new() { Name = "Not the same party" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Dismissed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.pair").Filter(new() { HasText = dismissing })).ToHaveCountAsync(0);
        await page.CloseAsync();

        var merged = await sandbox.Identity(duplicate);
        var survivor = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { mergedFrom } }", new { gid = kept.Gid() }))["identity"]!;
        var reviewed = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { notDuplicates } }", new { gid = other }))["identity"]!;
        Assert.Equal(("MERGED", kept.Gid()), (merged!["status"]!.GetValue<string>(), merged["mergedInto"]!.GetValue<string>()));
        Given.AssertJson($$"""{ "mergedFrom": ["{{duplicate}}"] }""", survivor);
        Given.AssertJson($$"""{ "notDuplicates": ["{{one.Gid()}}"] }""", reviewed);
    }

    [Fact]
    public async Task across_two_managing_offices_one_asks_in_the_queue_and_the_other_accepts_there()
    {
        var word = Given.UniqueWord();
        var ours = await sandbox.ALegalEntity($"{word} Sliema Optics Ltd", "MT");
        var theirs = (await sandbox.Data(Register, new { input = new { names = new[] { new { text = $"{word} Sliema Optics Limited", script = "Latn" } }, country = "MT", duplicateOverride = new { reason = "Look-alike." } } }, Clients.OfficeWithoutMerge))
            ["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();

        var examiner = await browser.SignedIn("examiner-ep", "/console/duplicates?country=MT");
        var pair = examiner.Locator("article.pair").Filter(new() { HasText = word });
        await Assertions.Expect(pair.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true })).ToHaveCountAsync(0);
        await pair.GetByLabel($"keep {ours.Gid()}").CheckAsync();
        await pair.GetByLabel("Reason").FillAsync("Same optics maker");
        await pair.GetByRole(AriaRole.Button, new() { Name = "Ask DE to merge" }).ClickAsync();
        await Assertions.Expect(examiner.GetByRole(AriaRole.Status).Filter(new() { HasText = "Merge requested" })).ToBeVisibleAsync();
        await Assertions.Expect(examiner.Locator("article.pair").Filter(new() { HasText = word })).ToContainTextAsync("waits for DE");
        await examiner.CloseAsync();

        var office = await browser.SignedIn("examiner-de", "/console/duplicates?country=MT");
        var waiting = office.Locator("article.pair").Filter(new() { HasText = word });
        await Assertions.Expect(waiting).ToContainTextAsync("EP asks to merge");
        await waiting.GetByLabel("Reason").FillAsync("Agreed: same company");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Accept the merge" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status).Filter(new() { HasText = "Merge accepted" })).ToBeVisibleAsync();
        await BrowserSandbox.Screenshot(office, "duplicate-queue-accepted");
        await office.CloseAsync();

        Assert.Equal(ours.Gid(), (await sandbox.Identity(theirs))!["mergedInto"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_refused_name_keeps_what_was_typed_and_shows_the_identity_as_it_is_now()
    {
        var company = await sandbox.ALegalEntity();
        var page = await browser.SignedIn("examiner-ep", $"/console/identities/{company.Gid()}");
        // Another request changes the identity after the page was read: the form's expectedVersion is stale.
        await sandbox.Data("mutation ($gid: Gid!) { addName(input: { gid: $gid, name: { text: \"Meanwhile Added\", script: \"Latn\" } }) { identity { version } } }", new { gid = company.Gid() });

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Typed Before The Conflict");
        await page.GetByLabel("Type").SelectOptionAsync("TRANSLATION");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add name" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("CONFLICT");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Typed Before The Conflict");
        await Assertions.Expect(page.GetByLabel("Type")).ToHaveValueAsync("TRANSLATION");
        await Assertions.Expect(page.Locator("section[aria-labelledby=names]")).ToContainTextAsync("Meanwhile Added");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add name" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=names]")).ToContainTextAsync("Typed Before The Conflict");
        await page.CloseAsync();
    }

    [Fact]
    public async Task the_identity_page_names_the_group_says_what_changed_and_lists_merged_gids()
    {
        var parent = await sandbox.ALegalEntity($"{Given.UniqueWord()} Holding SE", "LU");
        var child = (await sandbox.Data(Register, new { input = new { names = new[] { new { text = $"{Given.UniqueWord()} Subsidiary SARL", script = "Latn" } }, country = "LU", parent = parent.Gid() } }))
            ["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>();
        await sandbox.Data("mutation ($gid: Gid!) { addName(input: { gid: $gid, name: { text: \"Holding Europe\", script: \"Latn\", type: TRANSLATION } }) { identity { version } } }", new { gid = parent.Gid() });
        var page = await browser.SignedIn("examiner-ep", $"/console/identities/{parent.Gid()}");

        var group = page.Locator("figure.group");
        await Assertions.Expect(group).ToContainTextAsync("Subsidiary SARL");
        await Assertions.Expect(group.Locator(".node.self")).ToContainTextAsync("Holding SE");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Added the name Holding Europe (Latn, TRANSLATION)");
        await BrowserSandbox.Screenshot(page, "identity-group");

        await page.GotoAsync($"/console/identities/{child}");
        await Assertions.Expect(page.Locator("section[aria-labelledby=facts]")).ToContainTextAsync("Holding SE");
        await page.CloseAsync();
    }

    [Fact]
    public async Task a_reader_is_not_offered_the_forms_it_cannot_use_and_is_told_why()
    {
        var company = await sandbox.ALegalEntity();
        var page = await browser.SignedIn("examiner-ep", $"/console/identities/{company.Gid()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add name" })).ToBeVisibleAsync();
        await page.CloseAsync();

        var reviewer = await browser.SignedIn("reviewer", $"/console/identities/{company.Gid()}");
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Add name" })).ToHaveCountAsync(0);
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("Names are added by offices");
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Raise challenge" })).ToBeVisibleAsync();
        await reviewer.CloseAsync();
    }
}
