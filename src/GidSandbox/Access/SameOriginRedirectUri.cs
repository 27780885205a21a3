using OpenIddict.Abstractions;
using OpenIddict.Server;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GidSandbox.Access;

/// <summary>
/// Replaces OpenIddict's exact redirect URI check for authorization requests: a registered URI is
/// accepted as registered, and its path is also accepted on the origin the browser used to reach
/// this server, so the console signs in on whatever host serves the sandbox. Any other origin is
/// still refused, so the code can never be sent off the sandbox.
/// </summary>
public sealed class SameOriginRedirectUri(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<SameOriginRedirectUri>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var application = await applications.FindByClientIdAsync(context.ClientId!)
            ?? throw new InvalidOperationException("The client was validated but no longer exists.");
        if (string.IsNullOrEmpty(context.RedirectUri))
        {
            context.Reject(Errors.InvalidRequest, "The 'redirect_uri' parameter is required.");
            return;
        }

        if (await applications.ValidateRedirectUriAsync(application, context.RedirectUri))
        {
            return;
        }

        var request = context.Transaction.GetHttpRequest()
            ?? throw new InvalidOperationException("The ASP.NET Core request cannot be retrieved.");
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        foreach (var registered in await applications.GetRedirectUrisAsync(application))
        {
            if (Uri.TryCreate(registered, UriKind.Absolute, out var uri)
                && string.Equals(context.RedirectUri, origin + uri.PathAndQuery, StringComparison.Ordinal))
            {
                return;
            }
        }

        context.Reject(Errors.InvalidRequest, "The 'redirect_uri' is not registered for this client on this host.");
    }
}
