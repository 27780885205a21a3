using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Challenges;
using GidSandbox.Feed;
using GidSandbox.Reports;
using GidSandbox.Rights;
using GidSandbox.Identities.Addressing;
using GidSandbox.Identities.Deactivating;
using GidSandbox.Identities.Erasing;
using GidSandbox.Identities.History;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Lookup;
using GidSandbox.Identities.Managing;
using GidSandbox.Identities.Merging;
using GidSandbox.Identities.Naming;
using GidSandbox.Identities.Registering;
using GidSandbox.Matching.BatchMatching;
using GidSandbox.Matching.DuplicateReport;
using GidSandbox.Matching.Searching;
using GidSandbox.Terms;
using GraphQL.Types;

namespace GidSandbox.GraphQL;

public sealed class GidSchema : Schema
{
    public GidSchema(IServiceProvider services, GidQuery query, GidMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        ScopeRule.Apply(query, mutation);
        RegisterType(new LocalDateGraphType());
    }
}

/// <summary>Every query; each use case adds its own fields.</summary>
public sealed class GidQuery : ObjectGraphType
{
    public GidQuery()
    {
        Name = "Query";
        WhoAmI.Map(this);
        AcceptTermsOfUse.MapQuery(this);
        RefusedWrites.Map(this);
        GetIdentity.Map(this);
        ResolveExternalId.Map(this);
        IdentityHistory.Map(this);
        SearchIdentities.Map(this);
        MatchIdentities.Map(this);
        DuplicateCandidates.Map(this);
        AuditTrail.Map(this);
        VerifyAuditTrail.Map(this);
        ChangeFeed.Map(this);
        GovernanceReports.Map(this);
        ChallengingIdentities.MapQueries(this);
        Applicants.MapQueries(this);
    }
}

/// <summary>Every mutation; each use case adds its own field.</summary>
public sealed class GidMutation : ObjectGraphType
{
    public GidMutation()
    {
        Name = "Mutation";
        RegisterNaturalPerson.Map(this);
        RegisterLegalEntity.Map(this);
        AddName.Map(this);
        RemoveName.Map(this);
        ChangeAddress.Map(this);
        LinkExternalId.Map(this);
        UnlinkExternalId.Map(this);
        MergeIdentities.Map(this);
        RequestMerge.Map(this);
        AnswerMerge.Map(this);
        DismissDuplicate.Map(this);
        RequestManagementTransfer.Map(this);
        DeactivateIdentity.Map(this);
        ReactivateIdentity.Map(this);
        EraseNaturalPerson.Map(this);
        AcceptTermsOfUse.MapMutation(this);
        GoverningParticipation.Map(this);
        ChallengingIdentities.MapMutations(this);
        ExportPersonalData.Map(this);
        Applicants.MapMutations(this);
    }
}
