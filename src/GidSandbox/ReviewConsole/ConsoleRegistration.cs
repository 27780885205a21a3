using GidSandbox.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// The review console: server-rendered pages under /console, signed in through the sandbox's own
/// authorization server (authorization code + PKCE, ASP.NET Core's OpenID Connect handler) as the
/// public client gid-console, and reading everything through the GraphQL API with the user's token.
/// </summary>
public static class ConsoleRegistration
{
    public const string PathBase = "/console";
    public const string SessionScheme = "ConsoleSession";
    public const string SignInScheme = "ConsoleOidc";
    public const string CallbackPath = PathBase + "/signed-in";
    public const string AssetsFolder = "console-assets";
    public const string SessionCookie = "gid-console";

    public static IServiceCollection AddReviewConsole(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(SessionScheme, cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.Path = PathBase;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The session lasts as long as the access token it holds (set at sign-in and at each renewal), never longer.
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(AccessRegistration.AccessTokenMinutes);
                cookie.SlidingExpiration = false;
                cookie.ForwardChallenge = SignInScheme;
            })
            .AddOpenIdConnect(SignInScheme, oidc =>
            {
                oidc.SignInScheme = SessionScheme;
                oidc.CallbackPath = CallbackPath;
                oidc.ResponseType = OpenIddict.Abstractions.OpenIddictConstants.ResponseTypes.Code;
                oidc.UsePkce = true;
                oidc.ResponseMode = OpenIddict.Abstractions.OpenIddictConstants.ResponseModes.Query;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.RequireHttpsMetadata = false; // loopback by default; put TLS in front of it elsewhere
                oidc.TokenValidationParameters.NameClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
                oidc.Scope.Clear();
                oidc.Scope.Add(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId);
                oidc.Scope.Add(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess); // a refresh token, to renew the session (ConsoleSignIn.Renew)
                foreach (var scope in GidSandbox.Access.Scopes.All)
                {
                    oidc.Scope.Add(scope);
                }

                // The correlation and nonce cookies only travel back on the same site's top-level redirect.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Events = ConsoleSignIn.Events();
            });
        // Options are built at the first sign-in, when the server knows its own addresses.
        services.AddOptions<OpenIdConnectOptions>(SignInScheme)
            .Configure<IServer, IOptions<AccessOptions>>((oidc, server, access) =>
            {
                oidc.ClientId = access.Value.Console.ClientId;
                oidc.Authority ??= ConsoleSignIn.OwnAuthority(access.Value.Console.Authority, server);
            });
        return services;
    }

    public static void MapReviewConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = PathBase + "/assets",
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, AssetsFolder)),
        });
        LandingPage.Map(app);
        ConsoleSignIn.Map(app);
        var pages = app.MapGroup(PathBase).AddEndpointFilter<ConsoleSessionFilter>();
        HomePage.Map(pages);
        TermsPage.Map(pages);
        IdentityPage.Map(pages);
        GraphiQLPage.Map(pages);
        Dashboards.Dashboards.Map(pages);
        SearchPage.Map(pages);
        AuditTrail.AuditTrailPage.Map(pages);
        AuditTrail.AuditExport.Map(pages);
        AuditTrail.AuditVerificationPage.Map(pages);
        DuplicatesPage.Map(pages);
        ChallengesPage.Map(pages);
        MyRecordsPage.Map(pages);
    }
}
