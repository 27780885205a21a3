using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    /// <summary>
    /// OpenIddict has authenticated the client and checked its grant type and scopes; this adds
    /// who the client is (office, role) and issues the access token for the GID API.
    /// </summary>
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpContext http, IOpenIddictApplicationManager applications, IOptions<AccessOptions> options) =>
        {
            var request = http.GetOpenIddictServerRequest()
                ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
            if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            {
                // OpenIddict has checked the code (its redirect URI and the PKCE verifier) or the refresh token; re-check the person.
                var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
                var person = options.Value.People.FirstOrDefault(p => p.Username == code.Principal?.GetClaim(Claims.Subject));
                return person is null
                    ? Results.Forbid(
                        new AuthenticationProperties(new Dictionary<string, string?>
                        {
                            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user no longer exists.",
                        }),
                        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme])
                    : Results.SignIn(AuthorizeEndpoint.PrincipalFor(person, code.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }

            if (!request.IsClientCredentialsGrantType())
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Clients use client_credentials; people sign in with authorization_code and PKCE.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The authenticated client no longer exists.");
            var properties = await applications.GetPropertiesAsync(application);
            var granted = (await applications.GetPermissionsAsync(application))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])
                .ToList();

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetClaim(GidClaims.Office, properties[GidClaims.Office].GetString());
            identity.SetClaim(GidClaims.Role, properties[GidClaims.Role].GetString());
            // A client that names no scope gets all it was granted; OpenIddict has already refused any it was not.
            identity.SetScopes(request.GetScopes().IsEmpty ? granted : request.GetScopes());
            identity.SetResources(Scopes.Audience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
}
