using GraphQL.Types;
using Marten;

namespace GidSandbox.Terms;

public static class TermsRegistration
{
    /// <summary>Each office's standing under the Terms of Use, read (briefly cached) before any write.</summary>
    public static IServiceCollection AddGidTerms(this IServiceCollection services) => services.AddSingleton<Standings>();

    /// <summary>The Terms of Use stream's and the offices' streams' event types.</summary>
    public static void ConfigureTerms(this StoreOptions options) =>
        options.Events.AddEventTypes([typeof(TermsOfUsePublished), typeof(TermsOfUseAccepted), typeof(OfficeSuspended), typeof(OfficeReinstated)]);

    public static void MapQueries(ObjectGraphType query) => AcceptTermsOfUse.MapQuery(query);

    public static void MapMutations(ObjectGraphType mutation)
    {
        AcceptTermsOfUse.MapMutation(mutation);
        GoverningParticipation.Map(mutation);
    }
}
