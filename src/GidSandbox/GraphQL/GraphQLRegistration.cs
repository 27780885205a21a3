using GidSandbox.Identities;
using System.Text.Encodings.Web;
using GraphQL;

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
            .AddDocumentListener<Reports.UsageListener>(global::GraphQL.DI.ServiceLifetime.Singleton) // refusals by code for the usage report
            .ConfigureExecution(new ValidatedDocumentCache()) // one cache for the process
            .AddComplexityAnalyzer(Cost.Configure) // every alias, list item and introspection counts; charged to the office's quota
            .AddUnhandledExceptionHandler(context =>
            {
                // Refusals are answers, not failures: keep their message for the client.
                if (context.OriginalException is Refusal refusal)
                {
                    context.Exception = new ExecutionError(refusal.Message, refusal) { Code = refusal.Code };
                }
            }));
}
