using GraphQL.Types;
using Marten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

public static class AccessRegistration
{
    /// <summary>
    /// Bounds the authorization server's forms, authenticates every request with the API's scheme
    /// (and serves OpenIddict's endpoints), then applies the sign-in throttle and the per-office quota.
    /// </summary>
    public static void UseGidAccess(this WebApplication app)
    {
        app.UseFormLimits();
        app.UseGidThrottling();
        app.UseAuthentication();
        app.UseRateLimiter();
    }

    /// <summary>The access tokens' lifetime unless configured otherwise (Access:AccessTokenLifetime).</summary>
    public const int AccessTokenMinutes = 15;

    /// <summary>The audited refusals' event type (streams <c>refusals-{office}</c>).</summary>
    public static void ConfigureAccess(this StoreOptions options) => options.Events.AddEventType<WriteRefused>();

    /// <summary>
    /// The authorization server (OpenIddict, EF Core store in its own schema of the same
    /// database) and the validation of its access tokens for the GID API.
    /// </summary>
    public static IServiceCollection AddGidAccess(this IServiceCollection services, IConfiguration configuration, string connectionString, SigningKeys keys)
    {
        services.AddHealthChecks().AddCheck<ParticipantsReady>("participants", tags: ["ready"]);
        services.AddDbContext<AccessDbContext>(db =>
        {
            // Retries ride out a PostgreSQL restart or failover, as Marten's resilience does for the event store;
            // few and short, so a database that stays away is answered with 503 in seconds, not after a minute of backoff.
            db.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(2, TimeSpan.FromSeconds(1), null));
            db.UseOpenIddict();
        });

        services.AddSingleton(keys); // other features derive their own keys (e.g. signed cursors) from these
        services.AddGidDataProtection(keys);
        var validatedTokens = new ValidatedTokens(configuration.GetValue("Access:ValidatedTokenReuse", ValidatedTokens.DefaultReuse));
        services.AddSingleton(validatedTokens);
        services.AddSingleton<VerifiedSecrets>();
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<AccessDbContext>();
                core.ReplaceApplicationManager(typeof(GidApplicationManager<>));
            })
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path)
                    .SetAuthorizationEndpointUris(AuthorizeEndpoint.Path)
                    .SetIntrospectionEndpointUris("/connect/introspect")
                    .SetRevocationEndpointUris("/connect/revoke");
                server.AllowClientCredentialsFlow();
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // S256 only: plain is neither advertised nor accepted, and a code_challenge without a method (which means plain) is refused.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.AddUniformInvalidClient();
                server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
                server.AddEventHandler(SameOriginRedirectUri.Descriptor);
                server.RegisterScopes(Scopes.All);
                server.RegisterAudiences(Scopes.Audience);
                server.AddSigningKey(keys.Signing); // the first key signs; the earlier one still validates the tokens it signed
                server.AddSigningKey(keys.EarlierSigning);
                server.AddEncryptionKey(keys.Encryption);
                server.DisableAccessTokenEncryption(); // signed JWTs that resource servers can read
                // The console's session renews its access token with a refresh token (offline_access), never past its SessionLifetime.
                // Reference tokens: the cookie holds a short handle (the token itself stays in the store), and revoking it is immediate.
                server.AllowRefreshTokenFlow().UseReferenceRefreshTokens();
                server.AddEventHandler<OpenIddictServerEvents.HandleRevocationRequestContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        validatedTokens.Forget(context.Request.Token);
                        return default;
                    }));
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // the sandbox runs on loopback; put TLS in front of it elsewhere
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(Scopes.Audience);
                validation.EnableTokenEntryValidation(); // revoked tokens are refused
                validation.AddGidTokenRules();
                // Tokens in URLs end up in logs and browser history: only the Authorization header carries them.
                validation.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<AccessOptions>>((server, access) =>
        {
            server.AccessTokenLifetime = access.Value.AccessTokenLifetime;
            server.RefreshTokenLifetime = access.Value.SessionLifetime;
        });
        services.AddAuthentication(CachedBearerHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, null)
            .AddCookie(SignInPage.PeopleScheme, cookie =>
            {
                cookie.LoginPath = SignInPage.Path;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                cookie.SlidingExpiration = false;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
            });
        services.AddAntiforgery();
        services.AddGidQuotas(configuration);
        services.AddGidThrottling(configuration);
        services.AddOwnIssuer();
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.TryAddSingleton<IClock>(NodaTime.SystemClock.Instance);
        return services;
    }

    /// <summary>The writes refused to an office (<c>me</c>, the caller, opens the schema: <see cref="GraphQL.GidQuery"/>).</summary>
    public static void MapQueries(ObjectGraphType query) => RefusedWrites.Map(query);
}
