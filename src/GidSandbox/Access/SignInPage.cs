using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace GidSandbox.Access;

/// <summary>
/// The page where people sign in before the authorization endpoint gives their browser a code:
/// server-rendered, protected against cross-site requests, and redirecting only within the sandbox.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/sign-in";
    public const string PeopleScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static void MapSignInPage(this IEndpointRouteBuilder app)
    {
        // Opened directly (no sign-in under way), the page starts the console's: signing in then lands in the console.
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) => returnUrl is null
            ? Results.Redirect(ReturnUrls.Home + "sign-in")
            : Page(http, antiforgery, ReturnUrls.LocalOrHome(returnUrl), error: null, StatusCodes.Status200OK));

        app.MapPost(Path, async (HttpContext http, IAntiforgery antiforgery, IOptions<AccessOptions> options) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Text("The form expired or did not come from this site; open the sign-in page again.", statusCode: StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync();
            var returnUrl = ReturnUrls.LocalOrHome(form["returnUrl"]);
            var person = PeopleDirectory.SignIn(options.Value, form["username"], form["password"]);
            if (person is null)
            {
                return Page(http, antiforgery, returnUrl, "The user name or password is wrong.", StatusCodes.Status400BadRequest, form["username"]);
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, person.Username), new Claim(ClaimTypes.GivenName, person.DisplayName)],
                PeopleScheme);
            await http.SignInAsync(PeopleScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl);
        });
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, string? error, int status, string? username = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · GID Sandbox</title>
            <link rel="stylesheet" href="/console/assets/console.css"></head>
            <body>
            <header><a class="brand" href="/">GID Sandbox</a></header>
            <main class="sign-in">
              <h1>Sign in to the GID Sandbox</h1>
              <p>Mock data only. Sandbox users are listed in the README.</p>
              {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
              <form method="post" action="{Path}">
                <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
                <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
                <p class="field"><label for="username">User name</label> <input id="username" name="username" autocomplete="username" required value="{E(username)}"{(username is { Length: > 0 } ? "" : " autofocus")}></p>
                <p class="field"><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required{(username is { Length: > 0 } ? " autofocus" : "")}></p>
                <p><button type="submit">Sign in</button></p>
              </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
