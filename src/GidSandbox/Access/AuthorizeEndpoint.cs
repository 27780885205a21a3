using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>
/// Authorization code + PKCE for people: OpenIddict has checked the client, redirect URI and
/// code challenge; this asks the person to sign in, then issues the code with their office,
/// role and the scopes both asked for and held. With <c>prompt=login</c> the person signs in
/// again even if the sign-in page's session is still alive.
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
            if (person is null || request.HasPromptValue(PromptValues.Login))
            {
                return Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrlWithoutLoginPrompt(http, request) }, [SignInPage.PeopleScheme]);
            }

            var asked = request.GetScopes();
            // openid only adds an ID token about who signed in, offline_access a refresh token to renew the access token;
            // the API scopes are limited to what the person holds.
            var granted = asked.IsEmpty
                ? [.. person.Scopes]
                : asked.Intersect([.. person.Scopes, OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.OfflineAccess], StringComparer.Ordinal).ToList();
            return Results.SignIn(PrincipalFor(person, granted), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

    /// <summary>The same authorization request, minus prompt=login, so the fresh sign-in comes back here only once.</summary>
    private static string ReturnUrlWithoutLoginPrompt(HttpContext http, OpenIddictRequest request)
    {
        var parameters = (http.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)http.Request.Form : http.Request.Query)
            .Where(p => p.Key != Parameters.Prompt)
            .ToList();
        var prompt = request.GetPromptValues().Remove(PromptValues.Login);
        if (!prompt.IsEmpty)
        {
            parameters.Add(new(Parameters.Prompt, string.Join(' ', prompt)));
        }

        return http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
    }

    public static ClaimsPrincipal PrincipalFor(Person person, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Username);
        identity.SetClaim(Claims.Name, person.DisplayName);
        identity.SetClaim(GidClaims.Office, person.Office);
        identity.SetClaim(GidClaims.Role, person.Role.ToString());
        identity.SetClaims(GidClaims.Records, [.. person.Records]);
        identity.SetScopes(scopes);
        identity.SetResources(Scopes.Audience);
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Subject ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
