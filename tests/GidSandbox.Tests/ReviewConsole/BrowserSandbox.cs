using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>
/// The sandbox on a real loopback port (Kestrel, the test run's database) and Debian's Chromium driven by Playwright,
/// with no network beyond this machine; each test class gets a fresh browser context (cookies, storage) of its own.
/// A host and its browser are started once for the run per set of <see cref="Settings"/>, by the first class that
/// needs them, and stopped with the run's <see cref="SandboxFixture"/>. Screenshots go to artifacts/screenshots at
/// the repository root.
/// </summary>
public class BrowserSandbox : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, Running> Hosts = new(StringComparer.Ordinal);
    private Running _running = null!;

    public IBrowserContext Browser { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var key = string.Join('\n', Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        await Gate.WaitAsync();
        try
        {
            if (!Hosts.TryGetValue(key, out var running))
            {
                Hosts[key] = running = await Running.StartAsync(Settings);
            }

            _running = running;
        }
        finally
        {
            Gate.Release();
        }

        Address = _running.Address;
        Browser = await _running.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            BaseURL = Address.ToString(),
        });
        Browser.SetDefaultTimeout(30_000);
    }

    /// <summary>Configuration this class's sandbox runs with on top of the run's.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The browser's own sandbox host (the same database), e.g. to enrol a user for one test.</summary>
    public IServiceProvider Services => _running.Services;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
    }

    /// <summary>Stops the run's browsers and their hosts, if tests started them: called by the run's <see cref="SandboxFixture"/> before the database stops.</summary>
    public static async Task StopAsync()
    {
        var running = Hosts.Values.ToList();
        Hosts.Clear();
        foreach (var host in running)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A sandbox host of the run beside the collection's, on Kestrel, and its browser process.</summary>
    private sealed class Running(WebApplicationFactory<Program> factory, IPlaywright playwright, IBrowser chromium, Uri address) : IAsyncDisposable
    {
        public IBrowser Chromium => chromium;

        public Uri Address => address;

        public IServiceProvider Services => factory.Services;

        public static async Task<Running> StartAsync(IReadOnlyDictionary<string, string> settings)
        {
            // The browser collection's settings (its cluster, quotas, throttles), as its host has them; the async daemon runs
            // in that host alone, so this one serves pages and leaves the projections to it.
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                foreach (var (name, value) in SandboxFixture.Settings)
                {
                    web.UseSetting(name, value);
                }

                web.UseSetting("Projections:DaemonMode", "Disabled");
                // A port of its own: the run may have several of these hosts at once, and the shipped default (5000) is one port.
                web.UseSetting("urls", $"http://localhost:{FreePort()}");
                foreach (var (name, value) in settings)
                {
                    web.UseSetting(name, value);
                }
            });
            factory.UseKestrel();
            factory.StartServer();
            var listening = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Directory.CreateDirectory(Screenshots);

            var playwright = await Playwright.CreateAsync();
            var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                ],
            });
            return new Running(factory, playwright, chromium, new Uri(listening.Replace("://[::]", "://localhost", StringComparison.Ordinal)));
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            await chromium.CloseAsync();
            playwright.Dispose();
            await factory.DisposeAsync();
        }
    }

    /// <summary>A new tab with no session: signs in as <paramref name="username"/> and lands on <paramref name="path"/>.</summary>
    public async Task<IPage> SignedIn(string username, string path = "/console/")
    {
        await Browser.ClearCookiesAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByLabel("User name").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(ConsoleVisitor.PasswordOf(username));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The sign-in page and the callback are under /console/ too: wait for a page past them, or a slow machine
        // finds the page still mid-flow and waits for a load event that a later redirect cancels.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is var at
            && at.StartsWith("/console/", StringComparison.Ordinal)
            && at is not (GidSandbox.ReviewConsole.ConsoleSignIn.SignInPath or GidSandbox.ReviewConsole.ConsoleRegistration.CallbackPath));
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
