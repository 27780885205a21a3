using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace GidSandbox.Access;

/// <summary>
/// Checks OpenIddict's validation leaves to the resource server: a token must carry the id of an
/// entry in this server's token store (so a revoked token fails at once) and must not be used before
/// its not-before time. This does not stop forgery: whoever holds the signing key can copy a live
/// token's id into a token of their own making, so the key itself is what must stay secret (SigningKeys).
/// </summary>
public static class TokenRules
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static OpenIddictValidationBuilder AddGidTokenRules(this OpenIddictValidationBuilder validation) =>
        validation.AddEventHandler<ValidateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.Principal is null || context.IsRejected)
                {
                    return default;
                }

                if (string.IsNullOrEmpty(context.Principal.GetTokenId()))
                {
                    context.Reject(Errors.InvalidToken, "The access token was not issued by this server.");
                }
                else if (context.TokenFormat == TokenFormats.Private.JsonWebToken
                    && new JsonWebToken(context.Token).ValidFrom > DateTime.UtcNow + ClockSkew)
                {
                    context.Reject(Errors.InvalidToken, "The access token is not valid yet.");
                }

                return default;
            })
            .SetOrder(int.MaxValue - 1000)
            .SetType(OpenIddictValidationHandlerType.Custom));
}
