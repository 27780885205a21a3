using GidSandbox.Identities;
using System.Text.Encodings.Web;
using GraphQL;

namespace GidSandbox.GraphQL;

public static class GraphQLRegistration
{
    public const int MaxDepth = 15;
    public const int MaxComplexity = 20_000;

    public static IServiceCollection AddGidGraphQL(this IServiceCollection services) =>
        services.AddGraphQL(graphql => graphql
            .AddSchema<GidSchema>()
            .AddGraphTypes(typeof(GidSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // names in every script stay readable
            .AddErrorInfoProvider<ErrorCodesProvider>()
            .AddValidationRule<OneMutationField>()
            .AddDocumentListener<Reports.UsageListener>(global::GraphQL.DI.ServiceLifetime.Singleton) // refusals by code for the usage report
            .ConfigureExecution(new ValidatedDocumentCache()) // one cache for the process
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = MaxDepth;
                complexity.MaxComplexity = MaxComplexity;
                // Introspection reads the schema, not the registry: IDEs such as GraphiQL must be able to load it.
                var standard = complexity.DefaultComplexityImpactDelegate;
                complexity.DefaultComplexityImpactDelegate = field =>
                    field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || field.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                        ? new(0, 1)
                        : standard(field);
            })
            .AddUnhandledExceptionHandler(context =>
            {
                // Refusals are answers, not failures: keep their message for the client.
                if (context.OriginalException is Refusal refusal)
                {
                    context.Exception = new ExecutionError(refusal.Message, refusal) { Code = refusal.Code };
                }
            }));
}
