using System.Security.Claims;
using GidSandbox.Identities;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GidSandbox.Access;

/// <summary>
/// The authenticated client behind a request, as its access token says: the actor recorded on
/// writes (with a subject only for a person signed in through a client), and the name to show
/// (the person's user name, or the client's display name).
/// </summary>
public sealed record Caller(Actor Actor, ParticipantRole Role, IReadOnlySet<string> Scopes, string? Name)
{
    public static Caller From(ClaimsPrincipal principal)
    {
        // A client acting for itself is its own subject; a person signed in through a client is the subject.
        var subject = principal.GetClaim(Claims.Subject) ?? "";
        var clientId = principal.GetClaim(Claims.ClientId) ?? subject;
        var office = principal.GetClaim(GidClaims.Office) ?? "";
        var role = Enum.TryParse<ParticipantRole>(principal.GetClaim(GidClaims.Role), out var parsed) ? parsed : ParticipantRole.Association;
        var actingPerson = subject != clientId ? subject : null;
        return new Caller(new Actor(office, clientId, actingPerson), role, principal.GetScopes().ToHashSet(StringComparer.Ordinal), actingPerson ?? principal.GetClaim(Claims.Name))
        {
            OwnRecords = role == ParticipantRole.Applicant ? principal.GetClaims(GidClaims.Records).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
        };
    }

    /// <summary>For an applicant, the GIDs of their own records; empty for everyone else.</summary>
    public IReadOnlySet<string> OwnRecords { get; init; } = new HashSet<string>();

    public bool Has(string scope) => Scopes.Contains(scope);
}
