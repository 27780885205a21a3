using System.Security.Cryptography;
using System.Text;

namespace GidSandbox.Access;

/// <summary>A sandbox user who signs in to the console (authorization code + PKCE), enrolled from configuration.</summary>
public sealed class Person
{
    public string Username { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Office { get; set; } = "";

    public ParticipantRole Role { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>For an applicant (a natural person of the mock world): the GIDs of their own records, the only ones they see.</summary>
    public List<string> Records { get; set; } = [];

    /// <summary>Required unless development secrets are in use.</summary>
    public string? Password { get; set; }

    /// <summary>Used only with the embedded database, like the clients' development secrets.</summary>
    public string? DevelopmentPassword { get; set; }
}

/// <summary>The public client through which people sign in: the review console.</summary>
public sealed class ConsoleClient
{
    public string ClientId { get; set; } = "gid-console";

    public string DisplayName { get; set; } = "GID Sandbox review console";

    /// <summary>Registered as given; each one's path is also accepted on the origin a request comes in on.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>
    /// Where the console, server-side, reaches this server's token endpoint and API; by default the
    /// first address the server listens on.
    /// </summary>
    public string? Authority { get; set; }
}

public static class PeopleDirectory
{
    /// <summary>The person with this name and password, or null; compares in constant time.</summary>
    public static Person? SignIn(AccessOptions options, string? username, string? password)
    {
        var person = options.People.FirstOrDefault(p => string.Equals(p.Username, username, StringComparison.Ordinal));
        var expected = person is null ? null : person.Password ?? (options.UseDevelopmentSecrets ? person.DevelopmentPassword : null);
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected ?? Guid.NewGuid().ToString())),
            SHA256.HashData(Encoding.UTF8.GetBytes(password ?? "")));
        return expected is not null && matches ? person : null;
    }
}
