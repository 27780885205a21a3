using System.Net;
using System.Text.RegularExpressions;
using GidSandbox.Tests.Access;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>
/// A person at a browser, over HTTP: keeps cookies, follows redirects one by one, and types a
/// sandbox user's password when the authorization server's sign-in page asks for it.
/// </summary>
public sealed partial class ConsoleVisitor : IDisposable
{
    private readonly Browser _browser;
    private readonly HttpClient _http;

    public ConsoleVisitor(SandboxFixture sandbox)
    {
        _browser = new Browser(sandbox.Host.Server.CreateHandler());
        _http = new HttpClient(_browser) { BaseAddress = sandbox.Host.Server.BaseAddress };
    }

    public CookieContainer Cookies => _browser.Cookies;

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The redirects followed by the last <see cref="Visit"/>, in order.</summary>
    public List<Uri> Trail { get; } = [];

    public static string PasswordOf(string username) => $"{username}-sandbox-password";

    public Task<HttpResponseMessage> Send(HttpRequestMessage request) => _http.SendAsync(request);

    public Task<HttpResponseMessage> Get(string url) => _http.GetAsync(new Uri(BaseAddress, url));

    public Task<HttpResponseMessage> Post(string url, IDictionary<string, string> form) =>
        _http.PostAsync(new Uri(BaseAddress, url), new FormUrlEncodedContent(form));

    /// <summary>Opens a URL and follows where it leads, signing in as <paramref name="username"/> if asked.</summary>
    public async Task<HttpResponseMessage> Visit(string url, string? username = null) => await Follow(await Get(url), username);

    public async Task<HttpResponseMessage> Follow(HttpResponseMessage response, string? username = null, string? stopBefore = null)
    {
        Trail.Clear();
        for (var hops = 0; hops < 12 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            Trail.Add(next);
            if (next.AbsolutePath == stopBefore)
            {
                break;
            }

            response = next.AbsolutePath == "/account/sign-in" && username is not null
                ? await SignIn(next, username)
                : await _http.GetAsync(next);
        }

        return response;
    }

    /// <summary>Signs in to the console as a sandbox user and returns the page it lands on.</summary>
    public async Task<HttpResponseMessage> SignInToConsole(string username, string url = "/console/") => await Visit(url, username);

    /// <summary>Signs in as far as the authorization server's answer, and returns the callback URL the browser would open next.</summary>
    public async Task<Uri> CallbackFor(string username)
    {
        await Follow(await Get("/console/"), username, stopBefore: "/console/signed-in");
        return Trail[^1];
    }

    /// <summary>Submits a form as the page's own form would: with the antiforgery token the page carries.</summary>
    public async Task<HttpResponseMessage> Submit(HttpResponseMessage page, string action, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryToken(page) };
        return await Post(action, form);
    }

    public static async Task<string> AntiforgeryToken(HttpResponseMessage page) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);

    public Cookie? Cookie(string name) => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == name);

    private async Task<HttpResponseMessage> SignIn(Uri signInPage, string username)
    {
        var page = await _http.GetAsync(signInPage);
        var returnUrl = System.Web.HttpUtility.ParseQueryString(signInPage.Query)["returnUrl"] ?? "/";
        return await _http.PostAsync(new Uri(BaseAddress, "/account/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryToken(page),
            ["returnUrl"] = returnUrl,
            ["username"] = username,
            ["password"] = PasswordOf(username),
        }));
    }

    public void Dispose()
    {
        _http.Dispose();
        _browser.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
