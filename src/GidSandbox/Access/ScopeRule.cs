using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace GidSandbox.Access;

/// <summary>
/// Every root field names the scope it needs; a caller without it gets <c>FORBIDDEN</c> before
/// the resolver runs, so nothing is read or stored. The check wraps the root fields' resolvers,
/// so aliases and fragments cannot get around it, and nested fields pay nothing for it.
/// </summary>
public static class ScopeRule
{
    public const string RequiredScope = "requiredScope";

    /// <summary>Marks a field that any authenticated caller may use.</summary>
    public const string AnyCaller = "";

    /// <summary>Queries need gid:read and mutations gid:write unless a field says otherwise.</summary>
    public static void Apply(IObjectGraphType query, IObjectGraphType mutation)
    {
        foreach (var (root, scope) in new[] { (query, Scopes.Read), (mutation, Scopes.Write) })
        {
            foreach (var field in root.Fields)
            {
                var required = field.GetMetadata<string?>(RequiredScope) ?? scope;
                field.Metadata[RequiredScope] = required;
                if (required.Length > 0 && field.Resolver is { } inner)
                {
                    field.Resolver = new ScopedResolver(field.Name, required, inner);
                }
            }
        }
    }

    private sealed class ScopedResolver(string field, string scope, IFieldResolver inner) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            ((GidUserContext)context.UserContext).Caller.Has(scope)
                ? inner.ResolveAsync(context)
                : throw new Refusal(ErrorCodes.Forbidden,
                    $"{field} needs the {scope} scope, which this client's token does not carry. Ask for it in the token request if your client was granted it.");
    }
}
