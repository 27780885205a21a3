using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>
/// The sandbox on a real loopback port (Kestrel, the test run's database) and Debian's Chromium
/// driven by Playwright, with a fresh profile and no network beyond this machine. Screenshots go
/// to artifacts/screenshots at the repository root.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes class fixtures through IAsyncLifetime.DisposeAsync.")]
public class BrowserSandbox : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplicationFactory<Program>? _factory;
    private readonly string _profile = Path.Combine(Path.GetTempPath(), $"gid-console-chromium-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;

    public IBrowserContext Browser { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    /// <summary>The browser's own sandbox host (the same database), e.g. to enrol a user for one test.</summary>
    public IServiceProvider Services => _factory!.Services;

    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // The collection's fixture has started PostgreSQL and put its connection string in the environment.
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in Settings)
            {
                host.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal));
        Directory.CreateDirectory(Screenshots);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            BaseURL = Address.ToString(),
        });
        Browser.SetDefaultTimeout(30_000);
    }

    /// <summary>Configuration this sandbox runs with on top of the shipped one.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>A new tab with no session: signs in as <paramref name="username"/> and lands on <paramref name="path"/>.</summary>
    public async Task<IPage> SignedIn(string username, string path = "/console/")
    {
        await Browser.ClearCookiesAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByLabel("User name").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(ConsoleVisitor.PasswordOf(username));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/console/", StringComparison.Ordinal));
        return page;
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Nothing is wider than the window: the page never scrolls sideways.</summary>
    public static async Task AssertNoSidewaysScroll(IPage page)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        var wide = scroll <= inner ? "" : await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(scroll <= inner, $"{page.Url} scrolls sideways: {scroll} px of content in {inner} px; too wide: {wide}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (Directory.Exists(_profile))
        {
            Directory.Delete(_profile, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GidSandbox.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
