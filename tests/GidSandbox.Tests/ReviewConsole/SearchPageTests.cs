using System.Net;
using System.Text.RegularExpressions;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The search page: ranked, explained hits from searchIdentities, filters, pages, and the API's word on bad input.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class SearchPageTests(SandboxFixture sandbox)
{
    private async Task<(HttpStatusCode Status, string Html)> Search(string username, string query)
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var page = await visitor.SignInToConsole(username, $"/console/search{query}");
        return (page.StatusCode, Whitespace().Replace(await page.Content.ReadAsStringAsync(), " "));
    }

    [Fact]
    public async Task a_name_finds_the_identity_with_its_score_and_explanation()
    {
        var word = Given.UniqueWord();
        var identity = await sandbox.ALegalEntity($"{word} Maschinenbau GmbH", "DE");

        var (status, html) = await Search("examiner-ep", $"?q={Uri.EscapeDataString($"{word} Maschinenbau Gesellschaft mit beschränkter Haftung")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/console/identities/{identity.Gid()}\">{word} Maschinenbau GmbH</a> <code class=\"gid\">{identity.Gid()}</code>", html, StringComparison.Ordinal);
        Assert.Matches(@"<p class=""score"">Score <strong>[01]\.[0-9]{3}</strong> · LEGAL_ENTITY · ACTIVE · 1 name</p>", html);
        Assert.Contains("<li>Country <strong>DE</strong></li>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Matched name</dt><dd>{word} Maschinenbau GmbH</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Legal form</dt><dd>Gesellschaft mit beschr", html, StringComparison.Ordinal); // the form's name, not its code
        Assert.Contains("<li>trigram <span class=\"figure\">1.00</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>token overlap <span class=\"figure\">1.00</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>identifier <span class=\"figure\">0.00</span></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_office_identifier_and_the_start_of_a_gid_find_the_identity()
    {
        var applicant = Given.ApplicantNumber("EP");
        var identity = await sandbox.ALegalEntity($"Lookup {Given.UniqueWord()} Widgets AG", "CH", Given.ExternalId(applicant));

        var (_, byIdentifier) = await Search("analyst-inta", $"?q={Uri.EscapeDataString(applicant)}");
        var (_, byGid) = await Search("analyst-inta", $"?q={Uri.EscapeDataString(identity.Gid()[..14])}");

        Assert.Contains($"<a href=\"/console/identities/{identity.Gid()}\">", byIdentifier, StringComparison.Ordinal);
        Assert.Contains($"<code>IDENTIFIER EP applicant-number {applicant}</code>", byIdentifier, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/console/identities/{identity.Gid()}\">", byGid, StringComparison.Ordinal);
        Assert.Contains("<code>GID_PREFIX</code>", byGid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task kind_and_country_filters_leave_out_what_they_exclude()
    {
        var word = Given.UniqueWord();
        var identity = await sandbox.ALegalEntity($"{word} Filters Ltd", "GB");
        var query = $"?q={Uri.EscapeDataString($"{word} Filters Ltd")}";

        var (_, matching) = await Search("examiner-ep", $"{query}&kind=LEGAL_ENTITY&country=gb");
        var (_, otherKind) = await Search("examiner-ep", $"{query}&kind=NATURAL_PERSON");
        var (_, otherCountry) = await Search("examiner-ep", $"{query}&country=FR");

        Assert.Contains(identity.Gid(), matching, StringComparison.Ordinal);
        Assert.Contains("<option value=\"LEGAL_ENTITY\" selected>", matching, StringComparison.Ordinal);
        Assert.Contains("value=\"GB\"", matching, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Gid(), otherKind, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Gid(), otherCountry, StringComparison.Ordinal);
        Assert.Contains("No active identity matches", otherKind, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_next_page_link_carries_the_cursor_and_the_filters()
    {
        var word = Given.UniqueWord();
        var gids = new List<string>();
        foreach (var country in new[] { "CH", "AT", "LI" })
        {
            gids.Add((await sandbox.ALegalEntityDespiteDuplicates($"{word} Paging AG", country)).Gid());
        }

        using var visitor = new ConsoleVisitor(sandbox);
        var first = await visitor.SignInToConsole("examiner-ep", $"/console/search?q={Uri.EscapeDataString($"{word} Paging AG")}&kind=LEGAL_ENTITY&first=2");
        var firstHtml = await first.Content.ReadAsStringAsync();
        var next = System.Net.WebUtility.HtmlDecode(NextLink().Match(firstHtml).Groups[1].Value);
        var second = await visitor.Get(next);
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Contains("after=", next, StringComparison.Ordinal);
        Assert.Contains("kind=LEGAL_ENTITY", next, StringComparison.Ordinal);
        Assert.Contains("first=2", next, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"hits\" start=\"3\">", secondHtml, StringComparison.Ordinal);
        Assert.Equal(gids.Order(), gids.Where(g => firstHtml.Contains(g, StringComparison.Ordinal) || secondHtml.Contains(g, StringComparison.Ordinal)).Order());
        Assert.Equal(2, gids.Count(g => firstHtml.Contains($"<code class=\"gid\">{g}</code>", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", "VALIDATION_FAILED")]
    [InlineData("?!.,;:-", "has no letters or digits to search for")]
    [InlineData("LONG", "Search for at most 500 characters")]
    [InlineData("Widgets&country=ZZZ", "ZZZ")]
    [InlineData("Widgets&first=500", "Ask for 1 to 50 results")]
    [InlineData("Widgets&after=bm90LWEtY3Vyc29y", "not a cursor this search returned")]
    public async Task bad_input_gets_the_apis_message_on_the_page(string query, string says)
    {
        var (status, html) = await Search("examiner-ep", $"?q={(query == "LONG" ? new string('a', 501) : query)}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<div class=\"error\" role=\"alert\"><p>The API refused this search:</p>", html, StringComparison.Ordinal);
        Assert.Contains(says, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task script_in_a_name_is_shown_as_text_in_the_results()
    {
        var word = Given.UniqueWord();
        var identity = await sandbox.ALegalEntity($"<script>alert('{word}')</script> Hostile", "CH");

        var (_, html) = await Search("examiner-ep", $"?q={Uri.EscapeDataString($"{word} script alert Hostile")}");

        Assert.Contains($"&lt;script&gt;alert(&#x27;{word}&#x27;)&lt;/script&gt; Hostile</a> <code class=\"gid\">{identity.Gid()}</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_visitor_without_a_session_is_sent_to_sign_in_and_brought_back_to_the_search()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole("reviewer", "/console/search?q=Widgets&kind=LEGAL_ENTITY");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/console/search?q=Widgets&kind=LEGAL_ENTITY", page.RequestMessage!.RequestUri!.PathAndQuery);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex NextLink();
}
