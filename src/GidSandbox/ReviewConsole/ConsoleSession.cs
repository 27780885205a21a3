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
/// Every console page needs a live session: without one (none, tampered, expired, or its token
/// refused by the API) the browser is sent to sign in and brought back; an office that has not
/// accepted the Terms in force is sent to the Terms page.
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
            return SignInAgain(http);
        }

        http.User = session.Principal!;
        http.Items[typeof(ConsoleSession)] = new ConsoleSession(token, session.Properties!.ExpiresUtc);
        try
        {
            return await next(context);
        }
        catch (ConsoleApi.SessionEndedException)
        {
            await http.SignOutAsync(ConsoleRegistration.SessionScheme);
            return SignInAgain(http);
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

    private static IResult SignInAgain(HttpContext http)
    {
        // Forms are not replayed after signing in: a POST comes back to the page it was sent from.
        var back = http.Request.Path + (HttpMethods.IsGet(http.Request.Method) ? http.Request.QueryString.ToString() : "");
        return Results.Challenge(
            new AuthenticationProperties { RedirectUri = ConsoleSignIn.ConsoleReturnUrl(http.Request.PathBase + back) },
            [ConsoleRegistration.SignInScheme]);
    }
}
