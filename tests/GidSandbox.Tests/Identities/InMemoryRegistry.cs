using GidSandbox.Identities;
using NodaTime;

namespace GidSandbox.Tests.Identities;

/// <summary>
/// The pure core run without a database, as the mock-data loader runs it: identities and identifier claims in
/// dictionaries, every write through <see cref="IdentityDecider"/> (ownership first), claims as the events make them.
/// </summary>
internal sealed class InMemoryRegistry
{
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    public static readonly Writer Governance = new("IB", Governance: true, Now);

    public Dictionary<string, Identity> Identities { get; } = [];

    /// <summary>Identifier key to the GID holding it.</summary>
    public Dictionary<string, string> Claims { get; } = [];

    public static Writer Office(string code) => new(code, Governance: false, Now);

    public Identity this[Gid gid] => Identities[gid.Value];

    /// <summary>Decides and applies one command; gives back the identity the caller would get.</summary>
    public Identity Do(IIdentityCommand command, Writer by)
    {
        var facts = new Facts(new Dictionary<string, Identity>(Identities), new Dictionary<string, string>(Claims));
        var decision = IdentityDecider.Decide(command, facts, by);
        foreach (var gid in decision.Streams.Select(s => s.Gid).Distinct())
        {
            Identities[gid.Value] = IdentityDecider.After(facts, decision, gid);
        }

        foreach (var change in decision.ClaimChanges())
        {
            if (change.Kind == ClaimChangeKind.Released)
            {
                Claims.Remove(change.Identifier.Key);
            }
            else
            {
                Claims[change.Identifier.Key] = change.Gid.Value;
            }
        }

        return Identities[decision.Result.Value];
    }
}
