using System.Security.Claims;
using GidSandbox.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// Signing in and out of the console. The browser meets the authorization server on the origin it
/// already uses (so the registered redirect URI works on whatever host serves the sandbox); the
/// code is redeemed server-side, the session cookie ends when the access token does, and signing
/// out revokes that token.
/// </summary>
public static partial class ConsoleSignIn
{
    public const string SignInPath = ConsoleRegistration.PathBase + "/sign-in";
    public const string SignOutPath = ConsoleRegistration.PathBase + "/sign-out";
    public const string SignedOutPath = ConsoleRegistration.PathBase + "/signed-out";

    /// <summary>A scope the session's access token was granted, kept as a claim of the session to shape its pages.</summary>
    public const string GrantedScope = "granted_scope";

    /// <summary>Whether the signed-in person's token holds <paramref name="scope"/> (the API still decides every call).</summary>
    public static bool Holds(this ClaimsPrincipal user, string scope) => user.HasClaim(GrantedScope, scope);

    public static OpenIdConnectEvents Events() => new()
    {
        OnRedirectToIdentityProvider = context =>
        {
            var request = context.Request;
            context.ProtocolMessage.IssuerAddress = $"{request.Scheme}://{request.Host}{request.PathBase}{AuthorizeEndpoint.Path}";
            // A console session never outlives its token, and after it ends the person types the
            // password again: the sign-in page's own, longer session never signs them in silently.
            context.ProtocolMessage.Prompt = OpenIddictConstants.PromptValues.Login;
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            var lifetime = int.TryParse(context.TokenEndpointResponse?.ExpiresIn, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(AccessRegistration.AccessTokenMinutes);
            context.Properties!.IsPersistent = false;
            context.Properties.ExpiresUtc = DateTimeOffset.UtcNow + lifetime;
            // The token response names the granted scopes only when they differ from those asked for (RFC 6749, 5.1).
            var granted = context.TokenEndpointResponse?.Scope is { Length: > 0 } scope
                ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : [.. context.Options.Scope];
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaims(granted.Select(s => new Claim(GrantedScope, s)));
            }

            return Task.CompletedTask;
        },
        OnTicketReceived = context =>
        {
            // Only the access token is needed later; leaving the ID token out keeps the cookie small.
            var tokens = context.Properties!.GetTokens().Where(t => t.Name != "id_token").ToList();
            context.Properties!.StoreTokens(tokens);
            return Task.CompletedTask;
        },
        OnRemoteFailure = async context =>
        {
            // A forged or replayed callback (state, correlation or nonce mismatch), or a refusal by the server.
            LogSignInFailed(Logger(context.HttpContext), context.Failure);
            context.HandleResponse();
            var page = ConsolePage.Plain("Sign-in failed", Html.Of($"""
                <h1>Sign-in could not be completed</h1>
                <p role="alert">The answer from the sign-in page did not match a sign-in this browser started, or it expired.
                Nothing was signed in.</p>
                <p><a href="{ConsoleRegistration.PathBase}/">Start again</a></p>
                """));
            await page.ExecuteAsync(context.HttpContext, StatusCodes.Status400BadRequest);
        },
    };

    /// <summary>Where the console reaches the authorization server and the API from the server side.</summary>
    public static string OwnAuthority(string? configured, IServer server) =>
        configured is { Length: > 0 } ? configured : Issuer.FirstAddress(server);

    /// <summary>Only console paths: anything else, or a path that leaves the console, starts at the console's home.</summary>
    public static string ConsoleReturnUrl(string? returnUrl)
    {
        var local = ReturnUrls.LocalOrHome(returnUrl);
        return local.StartsWith(ConsoleRegistration.PathBase + "/", StringComparison.Ordinal) && !local.Contains("/../", StringComparison.Ordinal)
            ? local
            : ReturnUrls.Home;
    }

    public static void Map(WebApplication app)
    {
        app.MapGet(SignInPath, (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = ConsoleReturnUrl(returnUrl) }, [ConsoleRegistration.SignInScheme]));

        app.MapPost(SignOutPath, async (HttpContext http, IAntiforgery antiforgery) =>
        {
            var session = await http.AuthenticateAsync(ConsoleRegistration.SessionScheme);
            if (session.Principal is { } user)
            {
                http.User = user;
            }

            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ConsolePage.Refused("The form expired or did not come from this site; go back, reload the page and try again.");
            }

            if (session.Properties?.GetTokenValue("access_token") is { } token)
            {
                await RevokeAsync(http, token);
            }

            // Both the console session and the sign-in page's own: signing in again asks for the password.
            await http.SignOutAsync(ConsoleRegistration.SessionScheme);
            await http.SignOutAsync(SignInPage.PeopleScheme);
            return Results.Redirect(SignedOutPath);
        });

        app.MapGet(SignedOutPath, () => ConsolePage.Plain("Signed out", Html.Of($"""
            <h1>You are signed out</h1>
            <p>Your console session has ended on this browser.</p>
            <p><a href="{ConsoleRegistration.PathBase}/">Sign in again</a></p>
            """)));
    }

    /// <summary>
    /// Asks the authorization server's revocation endpoint (from its discovery document) to revoke
    /// the session's access token, so a copy taken before signing out is refused by the API too.
    /// </summary>
    private static async Task RevokeAsync(HttpContext http, string token)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleRegistration.SignInScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.RevocationEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [OpenIddictConstants.Parameters.Token] = token,
                [OpenIddictConstants.Parameters.TokenTypeHint] = OpenIddictConstants.TokenTypeHints.AccessToken,
                [OpenIddictConstants.Parameters.ClientId] = oidc.ClientId!,
            }),
        };
        using var response = await oidc.Backchannel.SendAsync(request, http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            // Signing out goes on: the session ends here, and the token still expires on its own.
            LogRevocationFailed(Logger(http), (int)response.StatusCode, await response.Content.ReadAsStringAsync(http.RequestAborted));
        }
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSignIn));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing out could not revoke the access token: {Status} {Answer}")]
    private static partial void LogRevocationFailed(ILogger logger, int status, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A console sign-in was refused")]
    private static partial void LogSignInFailed(ILogger logger, Exception? exception);
}
