using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace GidSandbox.GraphQL;

/// <summary>
/// A mutation document carries one write. GraphQL runs a document's mutation fields one after another and reports
/// them together, so a refusal of the second would sit beside a committed first under <c>data: null</c>, and a client
/// that retries would write twice. One field per document means its answer is the whole truth of what was stored.
/// </summary>
public sealed class OneMutationField : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, context) =>
    {
        if (operation.Operation != OperationType.Mutation)
        {
            return;
        }

        var fields = RootFields(operation.SelectionSet, context, []).ToList();
        if (fields.Count > 1)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"A mutation document carries one write, and this one has {fields.Count} ({string.Join(", ", fields.Select(f => f.Alias?.Name.StringValue ?? f.Name.StringValue))}); nothing was stored. Send each write as its own request.",
                [.. fields.Skip(1)]));
        }
    });

    private static IEnumerable<GraphQLField> RootFields(GraphQLSelectionSet set, ValidationContext context, HashSet<string> seen)
    {
        foreach (var selection in set.Selections)
        {
            var nested = selection switch
            {
                GraphQLField field when field.Name.StringValue != "__typename" => [field],
                GraphQLInlineFragment inline => RootFields(inline.SelectionSet, context, seen),
                GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue) && context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                    => RootFields(fragment.SelectionSet, context, seen),
                _ => [],
            };
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }
}
