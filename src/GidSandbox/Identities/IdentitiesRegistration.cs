using GidSandbox.Identities.Registering;
using GidSandbox.Identities.Naming;
using GidSandbox.Identities.Merging;
using GidSandbox.Identities.Managing;
using GidSandbox.Identities.Lookup;
using GidSandbox.Identities.History;
using GidSandbox.Identities.Erasing;
using GidSandbox.Identities.Deactivating;
using GidSandbox.Identities.Addressing;
using GraphQL.Types;
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

    public static void MapQueries(ObjectGraphType query)
    {
        GetIdentity.Map(query);
        ResolveExternalId.Map(query);
        IdentityHistory.Map(query);
    }

    public static void MapMutations(ObjectGraphType mutation)
    {
        RegisterNaturalPerson.Map(mutation);
        RegisterLegalEntity.Map(mutation);
        AddName.Map(mutation);
        RemoveName.Map(mutation);
        ChangeAddress.Map(mutation);
        LinkExternalId.Map(mutation);
        UnlinkExternalId.Map(mutation);
        MergeIdentities.Map(mutation);
        RequestMerge.Map(mutation);
        AnswerMerge.Map(mutation);
        DismissDuplicate.Map(mutation);
        RequestManagementTransfer.Map(mutation);
        DeactivateIdentity.Map(mutation);
        ReactivateIdentity.Map(mutation);
        EraseNaturalPerson.Map(mutation);
    }
}
