using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace GidSandbox.Access;

/// <summary>
/// Checks OpenIddict's validation leaves to the resource server: a token must come from this
/// server's token store (so forged tokens with a stolen key still fail) and must not be used
/// before its not-before time.
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
