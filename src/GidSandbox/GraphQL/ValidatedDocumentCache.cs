using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GidSandbox.GraphQL;

/// <summary>
/// Keeps the parsed form of documents that passed validation, so a client repeating an operation
/// (with new variables) skips parsing and the rules that depend on the document alone. Bounded: past the limit, new documents are
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
        if (options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            // A document that passed once skips the rules that depend on it alone; the rules that depend
            // on the request too (its cost with `first: $n` or a batch in a variable, its HTTP method) are
            // registered for cached documents and run again, as GraphQL for .NET's own document cache does.
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
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
