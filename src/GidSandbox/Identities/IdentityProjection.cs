using JasperFx.Events;
using Marten.Events.Aggregation;

namespace GidSandbox.Identities;

/// <summary>Keeps <see cref="Identity"/> up to date inline, in the same transaction as its events.</summary>
public sealed partial class IdentityProjection : SingleStreamProjection<Identity, string>
{
    public override Identity? Evolve(Identity? snapshot, string id, IEvent e) =>
        Identity.Project(snapshot, e.Data) is { } identity ? identity with { Version = e.Version } : null;
}
