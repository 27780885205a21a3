using GidSandbox.Identities;
using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace GidSandbox.GraphQL;

public static class GraphQLRegistration
{
    public static IServiceCollection AddGidGraphQL(this IServiceCollection services) =>
        services.AddGraphQL(graphql => graphql
            .AddSchema<GidSchema>()
            .AddGraphTypes(typeof(GidSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // names in every script stay readable
            .AddErrorInfoProvider<ErrorCodesProvider>()
            .AddValidationRule<OneMutationField>()
            .AddValidationRule<MutationsOverPost>()
            .AddDocumentListener<Reports.UsageListener>(global::GraphQL.DI.ServiceLifetime.Singleton) // refusals by code for the usage report
            .ConfigureExecution(new ValidatedDocumentCache()) // one cache for the process
            .AddValidationRule<ComplexityValidationRule>(useForCachedDocuments: true) // every alias, list item and introspection, with this request's variables
            .ConfigureComplexity(Cost.Configure) // charged to the office's quota
            .AddUnhandledExceptionHandler(context =>
            {
                // Refusals are answers, not failures: keep their message for the client.
                if (context.OriginalException is Refusal refusal)
                {
                    context.Exception = new ExecutionError(refusal.Message, refusal) { Code = refusal.Code };
                }
            }));

    private static IGraphQLBuilder ConfigureComplexity(this IGraphQLBuilder graphql, Action<ComplexityOptions> configure)
    {
        graphql.Services.Configure(configure);
        return graphql;
    }
}
