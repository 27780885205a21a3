using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace GidSandbox.Access;

/// <summary>
/// Checks OpenIddict's validation leaves to the resource server: a token must carry the id of an
/// entry in this server's token store (so a revoked token fails at once), and the JWT's own
/// <c>exp</c> and <c>nbf</c> hold, not only its token-store entry's dates. This does not stop forgery:
/// whoever holds the signing key can copy a live token's id into a token of their own making, so the
/// key itself is what must stay secret (SigningKeys).
/// </summary>
public static class TokenRules
{
    public static OpenIddictValidationBuilder AddGidTokenRules(this OpenIddictValidationBuilder validation) =>
        validation.AddEventHandler<ValidateTokenContext>(handler => handler
            .UseSingletonHandler<Rules>()
            .SetOrder(int.MaxValue - 1000)
            .SetType(OpenIddictValidationHandlerType.Custom));

    /// <summary>The rules, with the clock skew the sandbox is configured with (<see cref="AccessOptions.ClockSkew"/>).</summary>
    internal sealed class Rules(IOptions<AccessOptions> access) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is null || context.IsRejected)
            {
                return default;
            }

            if (string.IsNullOrEmpty(context.Principal.GetTokenId()))
            {
                context.Reject(Errors.InvalidToken, "The access token was not issued by this server.");
            }
            else if (LifetimeProblem(context.Token, context.Options.TimeProvider.GetUtcNow(), access.Value.ClockSkew) is { } problem)
            {
                context.Reject(Errors.InvalidToken, problem);
            }

            return default;
        }
    }

    /// <summary>
    /// Why a JWT is outside its own lifetime at <paramref name="now"/>, give or take <paramref name="clockSkew"/>, or null.
    /// OpenIddict's clock, not the sandbox's NodaTime clock: the token store dates tokens by it, and tests move the
    /// NodaTime clock by days without expiring every token.
    /// </summary>
    public static string? LifetimeProblem(string? token, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (token is null || !new JsonWebTokenHandler().CanReadToken(token))
        {
            return null; // not a JWT: OpenIddict has refused it already or validated it by other means
        }

        var jwt = new JsonWebToken(token);
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp))
        {
            return "The access token has no expiry.";
        }

        if (DateTimeOffset.FromUnixTimeSeconds(exp) + clockSkew <= now)
        {
            return "The access token has expired.";
        }

        return jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) - clockSkew > now
            ? "The access token is not valid yet."
            : null;
    }
}
