using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>An unexpected failure: a styled page with a reference for people, a bare 500 for programs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPageTests
{
    [Fact]
    public async Task a_failure_shows_a_browser_a_styled_page_with_a_reference_and_a_program_a_bare_500()
    {
        // On the browser collection's cluster with its settings (SandboxFixture.Settings), as its host; that host runs the projections.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (name, value) in SandboxFixture.Settings)
            {
                host.UseSetting(name, value);
            }

            host.UseSetting("Projections:DaemonMode", "Disabled");
            host.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingPath>());
        });
        using var client = factory.CreateClient();

        using var page = new HttpRequestMessage(HttpMethod.Get, FailingPath.Path);
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var answer = await client.SendAsync(page);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Something went wrong</h1>", html, StringComparison.Ordinal);
        Assert.Contains("/console/assets/console.css", html, StringComparison.Ordinal);
        Assert.Matches("report it with this reference: <code>[^<]+</code>", html);
        Assert.DoesNotContain(FailingPath.Fault, html, StringComparison.Ordinal);

        using var program = new HttpRequestMessage(HttpMethod.Get, FailingPath.Path);
        program.Headers.Accept.ParseAdd("application/json");
        using var bare = await client.SendAsync(program);
        Assert.Equal(HttpStatusCode.InternalServerError, bare.StatusCode);
        Assert.Equal("", await bare.Content.ReadAsStringAsync());
    }

    /// <summary>An address whose handler fails, after everything the sandbox maps.</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public const string Path = "/fails-for-the-test";
        public const string Fault = "a fault that stays in the log";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, failing => failing.Run(_ => throw new InvalidOperationException(Fault)));
        };
    }
}
