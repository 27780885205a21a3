using System.Security.Cryptography;

namespace GidSandbox.Hosting;

/// <summary>
/// The embedded cluster's generated passwords, in a private pgpass file, so that
/// <c>PGPASSFILE=.data/postgres.password psql -h 127.0.0.1 -p PORT -U postgres gid_sandbox</c> works for this account only.
/// </summary>
public sealed record Passwords(string Superuser, string Application)
{
    public static Passwords ReadOrCreate(string file)
    {
        var byRole = PrivateFile.ReadOrCreate(file, Generate).Split('\n')
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Trim().Split(':'))
            .Where(fields => fields.Length == 5)
            .ToDictionary(fields => fields[3], fields => fields[4], StringComparer.Ordinal);
        return byRole.TryGetValue(EmbeddedPostgres.Superuser, out var superuser) && byRole.TryGetValue(EmbeddedPostgres.ApplicationRole, out var application)
            ? new Passwords(superuser, application)
            : throw new SetupRefusedException($"{file} does not hold the passwords of the roles {EmbeddedPostgres.Superuser} and {EmbeddedPostgres.ApplicationRole}; delete it, and new ones are set at the next start.");
    }

    /// <summary>Hex, so a password needs no quoting in SQL, pgpass or a connection string.</summary>
    private static string Generate() => $"""
        # Passwords of the GID Sandbox's embedded PostgreSQL (pgpass format), set at every start. Keep this file private.
        *:*:*:{EmbeddedPostgres.Superuser}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}
        *:*:*:{EmbeddedPostgres.ApplicationRole}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}

        """;
}
