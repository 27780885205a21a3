using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GidSandbox.Access;

/// <summary>
/// An unknown client_id and a wrong secret get the same answer (error, description, status) in
/// about the same time, so the token, introspection and revocation endpoints do not tell which
/// client ids exist.
/// </summary>
public static class UniformInvalidClient
{
    public const string Description = "The client is unknown or its credentials are wrong.";

    public static OpenIddictServerBuilder AddUniformInvalidClient(this OpenIddictServerBuilder server)
    {
        server.AddEventHandler(UnknownClientDecoy.Descriptor);
        return server
            .AddEventHandler<ApplyTokenResponseContext>(handler => handler.UseInlineHandler(context => Normalize(context.Response)).SetOrder(int.MinValue + 100_000))
            .AddEventHandler<ApplyIntrospectionResponseContext>(handler => handler.UseInlineHandler(context => Normalize(context.Response)).SetOrder(int.MinValue + 100_000))
            .AddEventHandler<ApplyRevocationResponseContext>(handler => handler.UseInlineHandler(context => Normalize(context.Response)).SetOrder(int.MinValue + 100_000));
    }

    private static ValueTask Normalize(OpenIddictResponse response)
    {
        if (response.Error == Errors.InvalidClient)
        {
            response.ErrorDescription = Description;
            response.ErrorUri = null;
        }

        return default;
    }

    /// <summary>
    /// For an unknown client_id, checks the given secret against a real client's, as a wrong secret
    /// is checked, before OpenIddict refuses the client: the answer takes as long either way.
    /// </summary>
    public sealed class UnknownClientDecoy(IOpenIddictApplicationManager applications, IOptions<AccessOptions> access) : IOpenIddictServerHandler<ProcessAuthenticationContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
                .UseScopedHandler<UnknownClientDecoy>()
                .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ProcessAuthenticationContext context)
        {
            if (string.IsNullOrEmpty(context.ClientId) || await applications.FindByClientIdAsync(context.ClientId) is not null)
            {
                return;
            }

            if (access.Value.Participants.FirstOrDefault() is { } decoy && await applications.FindByClientIdAsync(decoy.ClientId) is { } application)
            {
                await applications.ValidateClientSecretAsync(application, context.ClientSecret ?? "");
            }
        }
    }
}
