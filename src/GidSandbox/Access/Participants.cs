using System.Text.Json;
using GidSandbox.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>A participating office, association or governance client, enrolled from configuration.</summary>
public sealed class Participant
{
    public string ClientId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>WIPO ST.3 code (offices) or the association's short name.</summary>
    public string Office { get; set; } = "";

    public ParticipantRole Role { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>The client secret; required unless development secrets are in use.</summary>
    public string? Secret { get; set; }

    /// <summary>Used only when <see cref="AccessOptions.UseDevelopmentSecrets"/> is on (the embedded database).</summary>
    public string? DevelopmentSecret { get; set; }
}

public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// On with the embedded database only: the shipped development secrets are then accepted. Set in code when the sandbox
    /// starts the embedded cluster (Persistence), never bound from configuration.
    /// </summary>
    public bool UseDevelopmentSecrets { get; internal set; }

    public List<Participant> Participants { get; set; } = [];

    public List<Person> People { get; set; } = [];

    public ConsoleClient Console { get; set; } = new();

    /// <summary>How long an access token lasts; a console session renews its token before then (see <see cref="SessionLifetime"/>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(AccessRegistration.AccessTokenMinutes);

    /// <summary>How far a token's own <c>exp</c> and <c>nbf</c> may be off by this server's clock and still hold (TokenRules).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after typing the password a console session may go on renewing its access token.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The authorization server's own URL (the tokens' <c>iss</c>); by default the first address the server listens on.</summary>
    public string? Issuer { get; set; }
}

public static class ParticipantEnrollment
{
    /// <summary>The advisory lock enrollment holds (any number no other lock of this database uses).</summary>
    private const long EnrollmentLock = 0x6769645F656E726C; // "gid_enrl"
    /// <summary>
    /// Makes every configured participant a client with exactly its configured scopes (OpenIddict's tables are
    /// created at start, see AccessDbContext); running it again changes nothing that is already right.
    /// </summary>
    public static async Task EnrollParticipantsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<AccessOptions>>().Value;
        var missing = options.Participants.Where(p => p.Secret is null && !(options.UseDevelopmentSecrets && p.DevelopmentSecret is not null)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No client secret is configured for {string.Join(", ", missing.Select(p => p.ClientId))}. " +
                "Give Access:Participants:N:Secret for each; the shipped development secrets are used only with the embedded database.");
        }

        // Nodes of a cluster start side by side: one enrolls at a time (a session lock in PostgreSQL, released when this
        // unpooled connection closes), so they do not update the same clients at once and fail on OpenIddict's concurrency check.
        var unpooled = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<GidDatabase>().Application) { Pooling = false };
        await using var database = new NpgsqlConnection(unpooled.ConnectionString);
        await database.OpenAsync();
        await using (var lockEnrollment = new NpgsqlCommand($"set lock_timeout = 0; set statement_timeout = 0; select pg_advisory_lock({EnrollmentLock})", database))
        {
            lockEnrollment.CommandTimeout = 0; // waits for as long as the node before it enrolls
            await lockEnrollment.ExecuteNonQueryAsync();
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var console = DescribeConsole(options.Console);
        if (await applications.FindByClientIdAsync(options.Console.ClientId) is { } existingConsole)
        {
            await applications.UpdateAsync(existingConsole, console);
        }
        else
        {
            await applications.CreateAsync(console);
        }

        foreach (var participant in options.Participants)
        {
            var descriptor = Describe(participant, participant.Secret ?? participant.DevelopmentSecret!);
            if (await applications.FindByClientIdAsync(participant.ClientId) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor);
            }
            else
            {
                await applications.CreateAsync(descriptor);
            }
        }
    }

    internal static OpenIddictApplicationDescriptor Describe(Participant participant, string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = participant.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = participant.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Introspection,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials,
            },
        };
        foreach (var scope in participant.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[GidClaims.Office] = JsonSerializer.SerializeToElement(participant.Office);
        descriptor.Properties[GidClaims.Role] = JsonSerializer.SerializeToElement(participant.Role.ToString());
        return descriptor;
    }

    /// <summary>A public client (no secret; PKCE required) for people signing in through a browser.</summary>
    private static OpenIddictApplicationDescriptor DescribeConsole(ConsoleClient console)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = console.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = console.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in Scopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        foreach (var uri in console.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        return descriptor;
    }
}
