using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using GidSandbox.GraphQL;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>
/// Remembers access tokens OpenIddict has validated, for at most <see cref="Reuse"/> and never
/// past their expiry, so a client's next requests skip signature and token-store checks. A token
/// revoked on this node is forgotten at once; on another node of a cluster it stops working within
/// <see cref="Reuse"/> (<c>Access:ValidatedTokenReuse</c>, 30 s unless configured).
/// </summary>
public sealed class ValidatedTokens(TimeSpan reuse)
{
    public static readonly TimeSpan DefaultReuse = TimeSpan.FromSeconds(30);

    public TimeSpan Reuse => reuse;
    private const int MaxTokens = 100_000;
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    public bool TryGet(string token, DateTimeOffset now, out ClaimsPrincipal principal)
    {
        if (_tokens.TryGetValue(token, out var entry) && entry.Until > now)
        {
            principal = entry.Principal;
            return true;
        }

        _tokens.TryRemove(token, out _);
        principal = null!;
        return false;
    }

    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset? expires, DateTimeOffset now)
    {
        if (_tokens.Count >= MaxTokens)
        {
            _tokens.Clear(); // crude but bounded: everything is simply validated again
        }

        var until = now + Reuse;
        _tokens[token] = (principal, expires is { } e && e < until ? e : until);
    }

    public void Forget(string? token)
    {
        if (token is not null)
        {
            _tokens.TryRemove(token, out _);
        }
    }
}

/// <summary>The API's authentication scheme: OpenIddict's validation, behind <see cref="ValidatedTokens"/>.</summary>
public sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "GidBearer";

    /// <summary>Why a request failed, for the API's 401 answers (OpenIddict's own reasons use the same property).</summary>
    public const string ReasonProperty = OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription;

    public const string MisplacedToken =
        "Access tokens are accepted only in the Authorization header ('Authorization: Bearer <token>'), never in the URL or a form; " +
        "a token sent there may already be in logs and browser history, so get a new one from /connect/token.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // URLs end up in logs, proxies and browser history; OpenIddict no longer reads tokens there (see AddGidAccess),
        // and a client that sends one there is told so instead of being treated as anonymous.
        if (Request.Query.ContainsKey(Parameters.AccessToken) || await FormCarriesTokenAsync())
        {
            return AuthenticateResult.Fail(MisplacedToken, new AuthenticationProperties(new Dictionary<string, string?> { [ReasonProperty] = MisplacedToken }));
        }

        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var now = TimeProvider.GetUtcNow();
        if (token is { Length: > 0 } && tokens.TryGet(token, now, out var known))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(known, SchemeName));
        }

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded && token is not null)
        {
            tokens.Remember(token, result.Principal, result.Properties?.ExpiresUtc, now);
        }

        return result;
    }

    private async Task<bool> FormCarriesTokenAsync()
    {
        if (!Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            return (await Request.ReadFormAsync(Context.RequestAborted)).ContainsKey(Parameters.AccessToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return false; // the endpoint answers an unreadable form itself
        }
    }
}

/// <summary>The API's answer to a request its bearer scheme did not authenticate, the same on every endpoint.</summary>
public static class BearerRefusal
{
    /// <summary>HTTP 401 with a Bearer challenge and an UNAUTHENTICATED error; <paramref name="withoutToken"/> says what to send when no token came.</summary>
    public static Task WriteAsync(HttpContext http, AuthenticateResult result, string withoutToken)
    {
        var reason = result.Properties?.Items.TryGetValue(CachedBearerHandler.ReasonProperty, out var description) == true ? description : null;
        var misplaced = reason == CachedBearerHandler.MisplacedToken;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = reason is null
            ? "Bearer realm=\"gid-sandbox\""
            : $"Bearer realm=\"gid-sandbox\", error=\"{(misplaced ? "invalid_request" : "invalid_token")}\", error_description=\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"";
        return GraphQLHttpEndpoint.WriteErrorAsync(http, ErrorCodes.Unauthenticated, reason switch
        {
            null => withoutToken,
            _ when misplaced => reason,
            _ => $"The access token was refused: {reason} Get a new one from /connect/token.",
        });
    }
}
