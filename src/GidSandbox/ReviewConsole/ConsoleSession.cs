using GidSandbox.Access;
using Microsoft.AspNetCore.Authentication;

namespace GidSandbox.ReviewConsole;

/// <summary>The signed-in user's session: the access token the console calls the API with.</summary>
public sealed record ConsoleSession(string AccessToken, DateTimeOffset? ExpiresAt)
{
    public static ConsoleSession Of(HttpContext http) =>
        http.Items[typeof(ConsoleSession)] as ConsoleSession
            ?? throw new InvalidOperationException("Console pages run behind the session filter.");
}

/// <summary>
/// Every console page needs a live session. Without one the browser is sent to sign in and
/// brought back; a session that has ended (its cookie expired or no longer valid, or its token
/// refused by the API) gets a page that says so, and signing in again asks for the password. An
/// office that has not accepted the Terms in force is sent to the Terms page.
/// </summary>
public sealed class ConsoleSessionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var session = await http.AuthenticateAsync(ConsoleRegistration.SessionScheme);
        var token = session.Succeeded ? session.Properties.GetTokenValue("access_token") : null;
        if (token is null)
        {
            return http.Request.Cookies.ContainsKey(ConsoleRegistration.SessionCookie) ? await Expired(http) : SignInAgain(http);
        }

        http.User = session.Principal!;
        http.Items[typeof(ConsoleSession)] = new ConsoleSession(token, session.Properties!.ExpiresUtc);
        try
        {
            return await next(context);
        }
        catch (ConsoleApi.SessionEndedException)
        {
            return await Expired(http);
        }
        catch (ConsoleApi.TermsNotAcceptedException)
        {
            return Results.Redirect(TermsPage.Path);
        }
        catch (ConsoleApi.OfficeSuspendedException suspended)
        {
            return ConsolePage.For("Office suspended", Html.Of($"""
                <h1>Your office is suspended</h1>
                <p role="alert">{suspended.Message}</p>
                <p>Governance reinstates offices; until then the API refuses every request of your office.</p>
                """), StatusCodes.Status403Forbidden);
        }
    }

    private static IResult SignInAgain(HttpContext http) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl(http) }, [ConsoleRegistration.SignInScheme]);

    private static async Task<IResult> Expired(HttpContext http)
    {
        await http.SignOutAsync(ConsoleRegistration.SessionScheme);
        return ConsolePage.Plain("Session expired", Html.Of($"""
            <div data-session-ended></div>
            <h1>Your session has expired</h1>
            <p role="alert">Your console session has ended: it lasts as long as its access token unless renewed
            before then, and the API no longer accepts it.</p>
            <p><a href="{ConsoleSignIn.SignInPath}?returnUrl={Uri.EscapeDataString(ReturnUrl(http))}">Sign in again</a> to go on where you were.</p>
            """), StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// Forms are not replayed after signing in: a POST comes back to the page it was sent from (its Referer, when
    /// that is a page of this site), where console.js fills in what was typed.
    /// </summary>
    private static string ReturnUrl(HttpContext http) =>
        ConsoleSignIn.ConsoleReturnUrl(HttpMethods.IsGet(http.Request.Method)
            ? http.Request.PathBase + http.Request.Path + http.Request.QueryString
            : Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) && referer.Authority == http.Request.Host.Value
                ? referer.PathAndQuery
                : http.Request.PathBase + http.Request.Path);
}
