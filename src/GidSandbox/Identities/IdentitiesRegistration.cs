using GidSandbox.Identities.Linking;
using JasperFx.Events.Projections;
using Marten;

namespace GidSandbox.Identities;

public static class IdentitiesRegistration
{
    /// <summary>The identity streams' event types, the <see cref="Identity"/> document (inline), identifier claims and idempotency records.</summary>
    public static void ConfigureIdentities(this StoreOptions options)
    {
        options.Events.AddEventTypes(IdentityEventTypes.All);
        options.Projections.Add<IdentityProjection>(ProjectionLifecycle.Inline);
        // A parent's subsidiaries are found by the parent named on each legal entity.
        options.Schema.For<Identity>().Index(x => x.Parent);
        options.Schema.For<ExternalIdentifierClaim>().Index(x => x.Gid);
        options.Schema.For<IdempotencyRecord>();
    }
}
