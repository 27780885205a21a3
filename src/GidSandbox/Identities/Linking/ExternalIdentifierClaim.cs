using Marten;

namespace GidSandbox.Identities.Linking;

/// <summary>
/// The one live GID holding an external identifier. Its id is the identifier's key, so the primary
/// key makes two concurrent links of the same identifier fail in the database, not only in a check.
/// </summary>
public sealed record ExternalIdentifierClaim(string Id, string Gid, ExternalIdentifier Identifier)
{
    /// <summary>Claims identifiers for <paramref name="gid"/>, refusing any that another GID holds.</summary>
    public static async Task ClaimAsync(IDocumentSession session, Gid gid, IReadOnlyList<ExternalIdentifier> identifiers, CancellationToken ct)
    {
        if (identifiers.Count == 0)
        {
            return;
        }

        var existing = await session.LoadManyAsync<ExternalIdentifierClaim>(ct, identifiers.Select(x => x.Key).ToArray());
        if (existing.Count > 0 && existing[0] is var taken)
        {
            throw Refusal.Conflict($"The identifier {Describe(taken.Identifier)} is already linked to {taken.Gid}; unlink it there first, or merge the two identities.");
        }

        foreach (var identifier in identifiers)
        {
            session.Insert(new ExternalIdentifierClaim(identifier.Key, gid.Value, identifier));
        }
    }

    public static string Describe(ExternalIdentifier x) => $"{x.Issuer} {x.Scheme} '{x.Value}'";
}
