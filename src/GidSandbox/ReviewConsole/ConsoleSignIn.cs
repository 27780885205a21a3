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
    public const string RenewPath = ConsoleRegistration.PathBase + "/session/renew";

    /// <summary>When the password was typed: renewals stop <see cref="AccessOptions.SessionLifetime"/> after it.</summary>
    private const string SignedInAt = "signed_in_at";

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
            context.Properties.Items[SignedInAt] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
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

            foreach (var (name, hint) in new[] { ("access_token", OpenIddictConstants.TokenTypeHints.AccessToken), ("refresh_token", OpenIddictConstants.TokenTypeHints.RefreshToken) })
            {
                if (session.Properties?.GetTokenValue(name) is { } token)
                {
                    await RevokeAsync(http, token, hint);
                }
            }

            // Both the console session and the sign-in page's own: signing in again asks for the password.
            await http.SignOutAsync(ConsoleRegistration.SessionScheme);
            await http.SignOutAsync(SignInPage.PeopleScheme);
            return Results.Redirect(SignedOutPath);
        });

        app.MapPost(RenewPath, Renew);

        app.MapGet(SignedOutPath, () => ConsolePage.Plain("Signed out", Html.Of($"""
            <h1>You are signed out</h1>
            <p>Your console session has ended on this browser.</p>
            <p><a href="{ConsoleRegistration.PathBase}/">Sign in again</a></p>
            """)));
    }

    /// <summary>
    /// Renews the session before its access token expires: redeems the session's refresh token for a new access token,
    /// keeps both in the session cookie, and answers with the token and the session's new end (for GraphiQL and the
    /// session warning). Refused (401) once the session has ended, or <see cref="AccessOptions.SessionLifetime"/> after
    /// the password was typed. The session cookie is SameSite=Lax, so another site cannot make a browser renew it.
    /// </summary>
    private static async Task<IResult> Renew(HttpContext http, IOptions<AccessOptions> access)
    {
        var session = await http.AuthenticateAsync(ConsoleRegistration.SessionScheme);
        var refreshToken = session.Succeeded ? session.Properties.GetTokenValue("refresh_token") : null;
        var signedInAt = session.Properties?.Items.TryGetValue(SignedInAt, out var at) == true
            && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        if (refreshToken is null || signedInAt is null || DateTimeOffset.UtcNow > signedInAt + access.Value.SessionLifetime)
        {
            return Results.Json(new { error = "The session has ended: sign in again." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleRegistration.SignInScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [OpenIddictConstants.Parameters.GrantType] = OpenIddictConstants.GrantTypes.RefreshToken,
                [OpenIddictConstants.Parameters.RefreshToken] = refreshToken,
                [OpenIddictConstants.Parameters.ClientId] = oidc.ClientId!,
            }),
        };
        using var response = await oidc.Backchannel.SendAsync(request, http.RequestAborted);
        var answer = await response.Content.ReadFromJsonAsync<OpenIddictResponse>(http.RequestAborted);
        if (!response.IsSuccessStatusCode || answer?.AccessToken is not { } accessToken)
        {
            LogRenewalRefused(Logger(http), (int)response.StatusCode, answer?.ToString());
            return Results.Json(new { error = "The session could not be renewed: sign in again." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var ends = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(answer.ExpiresIn ?? AccessRegistration.AccessTokenMinutes * 60);
        var properties = session.Properties!;
        var tokens = properties.GetTokens().ToDictionary(t => t.Name, t => t.Value);
        tokens["access_token"] = accessToken;
        tokens["refresh_token"] = answer.RefreshToken ?? refreshToken; // rolling: each use may give a new one
        tokens["expires_at"] = ends.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
        properties.ExpiresUtc = ends;
        await http.SignInAsync(ConsoleRegistration.SessionScheme, session.Principal!, properties);
        return Results.Json(new { accessToken, sessionEnds = ends.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>
    /// Asks the authorization server's revocation endpoint (from its discovery document) to revoke
    /// the session's access token, so a copy taken before signing out is refused by the API too, and its refresh token.
    /// </summary>
    private static async Task RevokeAsync(HttpContext http, string token, string hint)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleRegistration.SignInScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.RevocationEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [OpenIddictConstants.Parameters.Token] = token,
                [OpenIddictConstants.Parameters.TokenTypeHint] = hint,
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a console session was refused: {Status} {Answer}")]
    private static partial void LogRenewalRefused(ILogger logger, int status, string? answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A console sign-in was refused")]
    private static partial void LogSignInFailed(ILogger logger, Exception? exception);
}
