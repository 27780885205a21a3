using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>
/// Authorization code + PKCE for people: OpenIddict has checked the client, redirect URI and
/// code challenge; this asks the person to sign in, then issues the code with their office,
/// role and the scopes both asked for and held.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";

    public static void MapAuthorizeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, IOptions<AccessOptions> options) =>
        {
            var request = http.GetOpenIddictServerRequest()
                ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
            var signedIn = await http.AuthenticateAsync(SignInPage.PeopleScheme);
            var person = signedIn.Succeeded
                ? options.Value.People.FirstOrDefault(p => p.Username == signedIn.Principal.Identity?.Name)
                : null;
            if (person is null)
            {
                var returnUrl = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
                return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [SignInPage.PeopleScheme]);
            }

            var asked = request.GetScopes();
            // openid only adds an ID token about who signed in; the API scopes are limited to what the person holds.
            var granted = asked.IsEmpty ? [.. person.Scopes] : asked.Intersect([.. person.Scopes, OpenIddictConstants.Scopes.OpenId], StringComparer.Ordinal).ToList();
            return Results.SignIn(PrincipalFor(person, granted), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

    public static ClaimsPrincipal PrincipalFor(Person person, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Username);
        identity.SetClaim(Claims.Name, person.DisplayName);
        identity.SetClaim(GidClaims.Office, person.Office);
        identity.SetClaim(GidClaims.Role, person.Role.ToString());
        identity.SetScopes(scopes);
        identity.SetResources(Scopes.Audience);
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Subject ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
