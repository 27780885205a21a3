using System.Net;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The front page, the documents it links to, pages for addresses that lead nowhere, and the sign-in page opened on its own.</summary>
[Collection(SandboxCollection.Name)]
public sealed class FrontDoorTests(SandboxFixture sandbox)
{
    private async Task<HttpResponseMessage> Get(string path, string? accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await sandbox.Host.Server.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task the_front_page_says_what_the_sandbox_is_and_links_to_the_console_graphiql_the_api_and_governance()
    {
        var response = await Get("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mock data only", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/console/", "/console/graphiql", "/documents/schema.graphql", "/documents/governance-framework.md", "/documents/data-protection.md" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/documents/governance-framework.md", "text/html", "Governance framework")]
    [InlineData("/documents/terms-of-use/v1.0.md", "text/html", "Terms of Use")]
    [InlineData("/documents/schema.graphql", "text/plain", "type Query {")]
    public async Task the_linked_documents_are_served_as_written(string path, string mediaType, string text)
    {
        var response = await Get(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/documents/../appsettings.json")]
    [InlineData("/documents/secrets.md")]
    public async Task a_browser_asking_for_a_page_that_is_not_there_gets_a_page_that_says_so(string path)
    {
        var response = await Get(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no page here", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/console/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_program_asking_for_an_unknown_path_gets_a_bare_404()
    {
        var response = await Get("/no-such-endpoint", accept: "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_sign_in_page_opened_on_its_own_signs_in_to_the_console()
    {
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.Visit("/account/sign-in", "examiner-ep");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/console/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Signed in as", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_password_keeps_the_user_name_on_the_styled_page()
    {
        using var visitor = new ConsoleVisitor(sandbox);
        var signIn = await visitor.Visit("/console/");

        var refused = await visitor.Submit(signIn, "/account/sign-in", new Dictionary<string, string>
        {
            ["returnUrl"] = "/console/",
            ["username"] = "examiner-ep",
            ["password"] = "not-the-password",
        });
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The user name or password is wrong.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"username\" autocomplete=\"username\" required value=\"examiner-ep\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/console/assets/console.css\"", html, StringComparison.Ordinal);
    }
}
