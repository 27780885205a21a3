using GraphQL.Types;
using JasperFx.Events.Projections;
using Marten;

namespace GidSandbox.Challenges;

public static class ChallengesRegistration
{
    /// <summary>The challenge streams' event types and the <see cref="Challenge"/> document (inline).</summary>
    public static void ConfigureChallenges(this StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(ChallengeRaised), typeof(ChallengeResolved)]);
        options.Projections.Add<ChallengeProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Challenge>().Index(x => x.Gid);
    }

    public static void MapQueries(ObjectGraphType query) => ChallengingIdentities.MapQueries(query);

    public static void MapMutations(ObjectGraphType mutation) => ChallengingIdentities.MapMutations(mutation);
}
