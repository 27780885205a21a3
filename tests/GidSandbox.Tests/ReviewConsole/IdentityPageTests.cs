using System.Net;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The identity page shows an identity, its history and any earlier state of it, through the API alone.</summary>
[Collection(SandboxCollection.Name)]
public sealed class IdentityPageTests(SandboxFixture sandbox)
{
    private const string AddName = """
        mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }
        """;

    private async Task<string> Page(string username, string url)
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var page = await visitor.SignInToConsole(username, url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode}: {html}");
        return System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " ");
    }

    [Fact]
    public async Task an_identity_shows_its_names_identifiers_status_and_timeline()
    {
        var applicant = Given.ApplicantNumber("EP");
        var identity = await sandbox.ALegalEntity($"Timeline {Given.UniqueWord()} Widgets AG", "CH", Given.ExternalId(applicant));
        await sandbox.Data(AddName, new { input = new { gid = identity.Gid(), name = new { text = "タイムライン", script = "Jpan", type = "TRANSLATION" } } });

        var html = await Page("examiner-ep", $"/console/identities/{identity.Gid()}");

        Assert.Contains($"<code class=\"gid\">{identity.Gid()}</code>", html, StringComparison.Ordinal);
        Assert.Contains("<td lang=\"\" dir=\"auto\">タイムライン</td> <td>Jpan</td> <td>TRANSLATION</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>EP</td><td>applicant-number</td><td><code>{applicant}</code></td>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"status active\">Active</p>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>LegalEntityRegistered</strong> · version 1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>ExternalIdentifierLinked</strong> · version 2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>NameAdded</strong> · version 3", html, StringComparison.Ordinal);
        Assert.Contains("by EP (office-ep) under Terms 1.0", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_as_of_view_shows_the_identity_before_a_later_name()
    {
        var identity = await sandbox.ALegalEntity($"As {Given.UniqueWord()} Of Widgets AG", "CH");
        await sandbox.Data(AddName, new { input = new { gid = identity.Gid(), name = new { text = "Later Widgets", script = "Latn", type = "ALIAS" } } });

        var before = await Page("analyst-inta", $"/console/identities/{identity.Gid()}?v=1");
        var now = await Page("analyst-inta", $"/console/identities/{identity.Gid()}");

        Assert.Contains("Shown as it was at", before, StringComparison.Ordinal);
        Assert.Contains("(version 1 of 2)", before, StringComparison.Ordinal);
        // The names as they were; the timeline below them still tells of every event, the later name among them.
        static string Names(string page) => page[page.IndexOf("<section aria-labelledby=\"names\">", StringComparison.Ordinal)..page.IndexOf("<section aria-labelledby=\"facts\">", StringComparison.Ordinal)];
        Assert.DoesNotContain("Later Widgets", Names(before), StringComparison.Ordinal);
        Assert.Contains("Later Widgets", Names(now), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_merged_gid_links_to_its_survivor()
    {
        var survivor = await sandbox.ALegalEntity($"Survivor {Given.UniqueWord()} Widgets AG", "CH");
        var merged = await sandbox.ALegalEntityDespiteDuplicates(survivor["names"]![0]!["text"]!.GetValue<string>().Replace(" AG", " A.G.", StringComparison.Ordinal), "CH");
        await sandbox.Data(
            "mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { gid } } }",
            new { input = new { survivor = survivor.Gid(), merged = merged.Gid(), reason = "Same company, two spellings" } });

        var html = await Page("reviewer", $"/console/identities/{merged.Gid()}");

        Assert.Contains($"Merged into <a href=\"/console/identities/{survivor.Gid()}\"><code>{survivor.Gid()}</code></a>", html, StringComparison.Ordinal);
        Assert.Contains("Reason: Same company, two spellings", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_timeline_says_what_each_event_changed_from_the_event_as_recorded()
    {
        var applicant = Given.ApplicantNumber("EP");
        var name = $"Changes {Given.UniqueWord()} Widgets AG";
        var survivor = await sandbox.ALegalEntity(name, "CH", Given.ExternalId(applicant));
        var merged = await sandbox.ALegalEntityDespiteDuplicates(name.Replace(" AG", " A.G.", StringComparison.Ordinal), "CH");
        await sandbox.Data(
            "mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { gid } } }",
            new { input = new { survivor = survivor.Gid(), merged = merged.Gid(), reason = "Same company, two spellings" } });
        await sandbox.Data(AddName, new { input = new { gid = survivor.Gid(), name = new { text = "Changes Holding", script = "Latn", type = "ALIAS" } } });

        var kept = await Page("reviewer", $"/console/identities/{survivor.Gid()}");
        var gone = await Page("reviewer", $"/console/identities/{merged.Gid()}");

        Assert.Contains($"<p class=\"changed\" dir=\"auto\">Registered in CH as {name} (Latn, ", kept, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"changed\" dir=\"auto\">Linked EP applicant-number {applicant}</p>", kept, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"changed\" dir=\"auto\">Took over {merged.Gid()}: 1 name(s), 0 identifier(s)</p>", kept, StringComparison.Ordinal);
        Assert.Contains("<p class=\"changed\" dir=\"auto\">Added the name Changes Holding (Latn, ALIAS)</p>", kept, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"changed\" dir=\"auto\">Merged into {survivor.Gid()}</p>", gone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_parent_and_its_subsidiary_link_to_each_other()
    {
        var parent = await sandbox.ALegalEntity($"Parent {Given.UniqueWord()} Holding AG", "CH");
        var child = (await sandbox.Data(Given.RegisterLegalEntity, new
        {
            input = new { names = new[] { new { text = $"Child {Given.UniqueWord()} GmbH", script = "Latn" } }, country = "DE", parent = parent.Gid() },
        }))["registerLegalEntity"]!["identity"]!.AsObject();

        var parentPage = await Page("examiner-ep", $"/console/identities/{parent.Gid()}");
        var childPage = await Page("examiner-ep", $"/console/identities/{child.Gid()}");

        Assert.Contains($"<dt>Subsidiaries (now)</dt><dd><ul class=\"subsidiaries\"><li><a href=\"/console/identities/{child.Gid()}\" dir=\"auto\">{child["names"]![0]!["text"]}</a> <code class=\"gid\">{child.Gid()}</code></li></ul></dd>", parentPage, StringComparison.Ordinal);
        Assert.Contains($"<dt>Parent</dt><dd><a href=\"/console/identities/{parent.Gid()}\" dir=\"auto\">{parent["names"]![0]!["text"]}</a> <code class=\"gid\">{parent.Gid()}</code></dd>", childPage, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"subsidiaries\"><li>none recorded</li></ul>", childPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task script_in_a_name_is_shown_as_text_and_never_as_markup()
    {
        const string hostile = "<script>alert('gid')</script><img src=x onerror=alert(1)>\"'";
        var identity = await sandbox.ALegalEntity(hostile, "CH");

        var html = await Page("examiner-ep", $"/console/identities/{identity.Gid()}");

        Assert.Contains("&lt;script&gt;alert(&#x27;gid&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_examiner_adds_a_name_through_the_form()
    {
        var identity = await sandbox.ALegalEntity($"Form {Given.UniqueWord()} Widgets AG", "CH");
        using var visitor = new ConsoleVisitor(sandbox);
        var page = await visitor.SignInToConsole("examiner-ep", $"/console/identities/{identity.Gid()}");

        var added = await visitor.Follow(await visitor.Submit(page, $"/console/identities/{identity.Gid()}/names", new Dictionary<string, string>
        {
            ["expectedVersion"] = "1",
            ["text"] = "Form Widgets",
            ["script"] = "Latn",
            ["type"] = "ALIAS",
        }));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("<strong>NameAdded</strong> · version 2", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await sandbox.Identity(identity.Gid()))!.Version());
    }

    [Fact]
    public async Task the_timeline_names_the_person_who_acted_where_one_signed_in()
    {
        var identity = await sandbox.ALegalEntity($"Who {Given.UniqueWord()} Widgets AG", "CH");
        using var visitor = new ConsoleVisitor(sandbox);
        var page = await visitor.SignInToConsole("examiner-ep", $"/console/identities/{identity.Gid()}");

        var added = await visitor.Follow(await visitor.Submit(page, $"/console/identities/{identity.Gid()}/names", new Dictionary<string, string>
        {
            ["expectedVersion"] = "1",
            ["text"] = "Who Widgets",
            ["script"] = "Latn",
            ["type"] = "ALIAS",
        }));
        var html = System.Text.RegularExpressions.Regex.Replace(await added.Content.ReadAsStringAsync(), @"\s+", " ");

        Assert.Contains("<strong>LegalEntityRegistered</strong> · version 1</p> <p><time", html, StringComparison.Ordinal);
        Assert.Matches(@"version 1</p> <p><time [^>]+>[^<]+</time> by EP \(office-ep\) under Terms 1\.0</p>", html);
        Assert.Matches(@"version 2</p> <p><time [^>]+>[^<]+</time> by <span class=""person"">examiner-ep</span> \(EP, gid-console\) under Terms 1\.0</p>", html);
    }

    [Theory]
    [InlineData("analyst-inta")]
    [InlineData("reviewer")]
    public async Task a_user_without_gid_write_sees_the_api_refuse_a_new_name_and_nothing_is_stored(string username)
    {
        var identity = await sandbox.ALegalEntity($"Refused {Given.UniqueWord()} Widgets AG", "CH");
        using var visitor = new ConsoleVisitor(sandbox);
        var page = await visitor.SignInToConsole(username, $"/console/identities/{identity.Gid()}");

        var refused = await visitor.Submit(page, $"/console/identities/{identity.Gid()}/names", new Dictionary<string, string>
        {
            ["expectedVersion"] = "1",
            ["text"] = "Refused Widgets",
            ["script"] = "Latn",
            ["type"] = "ALIAS",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<p class=\"error\" role=\"alert\"><strong>FORBIDDEN</strong>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await sandbox.Identity(identity.Gid()))!.Version());
    }

    [Theory]
    [InlineData("GID-0000-0000-0000-0001", HttpStatusCode.NotFound, "No identity has this GID")]
    [InlineData("GID-1234", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    public async Task an_unknown_or_malformed_gid_says_so(string gid, HttpStatusCode status, string says)
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("examiner-ep", $"/console/identities?gid={Uri.EscapeDataString(gid)}");

        Assert.Equal(status, page.StatusCode);
        Assert.Contains(says, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
