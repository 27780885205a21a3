using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace GidSandbox.Access;

/// <summary>
/// Remembers access tokens OpenIddict has validated, for at most <see cref="Reuse"/> and never
/// past their expiry, so a client's next requests skip signature and token-store checks. A token
/// revoked on this node is forgotten at once; on another node it stops working within
/// <see cref="Reuse"/>.
/// </summary>
public sealed class ValidatedTokens
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(30);
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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
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
}
