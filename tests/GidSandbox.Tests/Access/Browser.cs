using System.Net;

namespace GidSandbox.Tests.Access;

/// <summary>A browser for HTTP tests: keeps cookies, does not follow redirects.</summary>
public sealed class Browser : DelegatingHandler
{
    public Browser(HttpMessageHandler inner) => InnerHandler = inner;

    public CookieContainer Cookies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var cookie = Cookies.GetCookieHeader(request.RequestUri!);
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            Cookies.SetCookies(request.RequestUri!, set);
        }

        return response;
    }
}
