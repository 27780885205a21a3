using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.Challenges;
using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Reports;
using GidSandbox.Rights;
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

/// <summary>
/// Every query: the caller (<c>me</c>) first, then each feature's fields, added by its
/// <c>&lt;Feature&gt;Registration.MapQueries</c>, in the order the schema lists them.
/// </summary>
public sealed class GidQuery : ObjectGraphType
{
    private static readonly Action<ObjectGraphType>[] Features =
    [
        TermsRegistration.MapQueries,
        AccessRegistration.MapQueries,
        IdentitiesRegistration.MapQueries,
        MatchingRegistration.MapQueries,
        AuditRegistration.MapQueries,
        ReportsRegistration.MapQueries,
        ChallengesRegistration.MapQueries,
        RightsRegistration.MapQueries,
    ];

    public GidQuery()
    {
        Name = "Query";
        WhoAmI.Map(this);
        foreach (var map in Features)
        {
            map(this);
        }
    }
}

/// <summary>Every mutation: each feature's fields, added by its <c>&lt;Feature&gt;Registration.MapMutations</c>.</summary>
public sealed class GidMutation : ObjectGraphType
{
    private static readonly Action<ObjectGraphType>[] Features =
    [
        IdentitiesRegistration.MapMutations,
        TermsRegistration.MapMutations,
        ChallengesRegistration.MapMutations,
        RightsRegistration.MapMutations,
    ];

    public GidMutation()
    {
        Name = "Mutation";
        foreach (var map in Features)
        {
            map(this);
        }
    }
}
