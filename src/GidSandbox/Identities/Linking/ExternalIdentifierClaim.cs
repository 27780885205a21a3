using Marten;

namespace GidSandbox.Identities.Linking;

/// <summary>
/// The one live GID holding an identifier (an office's local number, or an LEI, ORCID or ISNI). Its id is the
/// identifier's key, so the primary key makes two concurrent links of the same identifier fail in the database,
/// not only in a decision.
/// </summary>
public sealed record ExternalIdentifierClaim(string Id, string Gid, ExternalIdentifier Identifier)
{
    /// <summary>Stores what a decision's events did to a claim: claimed (insert, so a concurrent claim fails), moved by a merge, released.</summary>
    public static void Apply(IDocumentSession session, ClaimChange change)
    {
        var claim = new ExternalIdentifierClaim(change.Identifier.Key, change.Gid.Value, change.Identifier);
        switch (change.Kind)
        {
            case ClaimChangeKind.Claimed:
                session.Insert(claim);
                break;
            case ClaimChangeKind.Moved:
                session.Store(claim);
                break;
            default:
                session.Delete<ExternalIdentifierClaim>(claim.Id);
                break;
        }
    }

    /// <summary>The conflict a decision answers when another identity holds an identifier.</summary>
    public static void EnsureFree(Facts facts, Gid gid, IEnumerable<ExternalIdentifier> identifiers)
    {
        foreach (var identifier in identifiers)
        {
            if (facts.HolderOf(identifier) is { } holder && holder != gid.Value)
            {
                throw Refusal.Conflict($"The identifier {Describe(identifier)} is already linked to {holder}; {(identifier.IsGlobal ? "it sits on at most one identity: raise a challenge there, or merge the two identities" : "unlink it there first, or merge the two identities")}.");
            }
        }
    }

    public static string Describe(ExternalIdentifier x) => x.IsGlobal ? $"{x.Scheme} '{x.Value}'" : $"{x.Issuer} {x.Scheme} '{x.Value}'";
}
