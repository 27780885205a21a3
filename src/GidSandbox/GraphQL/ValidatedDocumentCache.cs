using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQL.Validation.Rules.Custom;

namespace GidSandbox.GraphQL;

/// <summary>
/// Keeps the parsed form of documents that passed validation, so a client repeating an operation
/// (with new variables) skips parsing and validation, but not the cost check. Bounded: past the limit, new documents are
/// simply not cached.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution
{
    public const int MaxDocuments = 2_000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    // After the options are configured (complexity limits included), before execution.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        // A GET request may only read: its document is validated in full every time (MutationsOverPost), since the same
        // document may have passed before by POST.
        if (options.Query is not { } query || options.UserContext is GidUserContext { OverGet: true })
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            // Validity does not depend on variables, so a document that passed once skips the
            // rules, but its cost does (`first: $n`, a batch in a variable): the cost rule runs
            // again on every request, after the variables are coerced.
            options.Document = document;
            options.ValidationRules = [.. (options.ValidationRules ?? []).OfType<ComplexityValidationRule>()];
            options.CachedDocumentValidationRules = [];
            return await next(options);
        }

        try
        {
            options.Document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException)
        {
            return await next(options); // the executer reports the syntax error
        }

        var result = await next(options);
        if (result.Executed && _documents.Count < MaxDocuments)
        {
            _documents.TryAdd(query, options.Document);
        }

        return result;
    }
}
