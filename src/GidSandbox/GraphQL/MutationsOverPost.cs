using GraphQL.Validation;
using GraphQLParser.AST;

namespace GidSandbox.GraphQL;

/// <summary>
/// GraphQL over HTTP: GET may only read. The operation a GET request selects must not be a mutation; the endpoint
/// answers this refusal with HTTP 405 and <c>Allow: POST</c>. GET requests skip the validated-document cache, so it
/// runs also for a document that passed before by POST.
/// </summary>
public sealed class MutationsOverPost : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        context.UserContext is GidUserContext { OverGet: true } && context.Operation.Operation == OperationType.Mutation
            ? new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, visited) =>
            {
                if (operation == visited.Operation)
                {
                    visited.ReportError(new MutationOverGetError(visited.Document.Source, operation));
                }
            }))
            : default;
}

public sealed class MutationOverGetError(GraphQLParser.ROM source, ASTNode node)
    : ValidationError(source, null, "Mutations are not allowed over GET; send them with POST.", node);
