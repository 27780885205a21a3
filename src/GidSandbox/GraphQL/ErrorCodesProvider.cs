using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Errors.Custom;

namespace GidSandbox.GraphQL;

/// <summary>
/// The one place where failures become <c>extensions.code</c>. Refusals keep their message and
/// fields; anything unexpected becomes <c>INTERNAL_ERROR</c> without details.
/// </summary>
public sealed class ErrorCodesProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var (code, message, fields) = executionError switch
        {
            { InnerException: Refusal r } => (r.Code, r.Message, r.Fields),
            ComplexityError e => (ErrorCodes.QueryTooComplex, $"{e.Message} Ask for fewer fields or fewer items at once (docs/limits.md).", []),
            OverQuotaError e => (ErrorCodes.RateLimited, e.Message, []),
            { InnerException: var cause } when Hosting.Availability.IsOutage(cause) => (ErrorCodes.Unavailable, Hosting.Availability.Message, []),
            InvalidVariableError e => (ErrorCodes.ValidationFailed, WithCause(e), VariableFields(e)),
            ArgumentsOfCorrectTypeError e => (ErrorCodes.ValidationFailed, WithCause(e), []),
            MutationOverGetError => (ErrorCodes.MethodNotAllowed, executionError.Message, []),
            ValidationError or DocumentError => (ErrorCodes.ValidationFailed, executionError.Message, []),
            UnhandledError => (ErrorCodes.InternalError, "The registry failed to answer this field; the failure was logged. Try again, and report it if it persists.", []),
            _ => (executionError.Code ?? ErrorCodes.InternalError, executionError.Message, (IReadOnlyList<string>)[]),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (fields.Count > 0)
        {
            extensions["fields"] = fields;
        }

        if (executionError.InnerException is Refusal { Extensions: var more })
        {
            foreach (var (key, value) in more)
            {
                extensions[key] = value;
            }
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>Scalars explain what is wrong in their exception; GraphQL.NET keeps that as the inner cause.</summary>
    private static string WithCause(ExecutionError error)
    {
        var cause = error.InnerException;
        while (cause?.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return cause is FormatException ? $"{error.Message.Split(". ")[0]}: {cause.Message}" : error.Message;
    }

    private static IReadOnlyList<string> VariableFields(InvalidVariableError e)
    {
        // "Variable '$input.names[0].script' is invalid. …" names the offending path.
        var start = e.Message.IndexOf("'$", StringComparison.Ordinal);
        var end = start < 0 ? -1 : e.Message.IndexOf('\'', start + 2);
        return end > start ? [e.Message[(start + 2)..end]] : [];
    }
}
