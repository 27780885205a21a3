namespace GidSandbox;

/// <summary>The codes a client can rely on in <c>extensions.code</c> (README, docs/limits.md).</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string RateLimited = "RATE_LIMITED";
    public const string TermsNotAccepted = "TERMS_NOT_ACCEPTED";
    public const string OfficeSuspended = "OFFICE_SUSPENDED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string PossibleDuplicate = "POSSIBLE_DUPLICATE";

    /// <summary>The database is down, slow or out of connections: nothing was stored; retry after <c>Retry-After</c> (HTTP 503).</summary>
    public const string Unavailable = "UNAVAILABLE";

    /// <summary>The HTTP request itself was refused before GraphQL read it (HTTP 405, 406, 413, 415): change how it is sent.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
}

/// <summary>
/// A request the registry will not carry out. Thrown by decisions and input parsing; the GraphQL
/// layer turns it into an error with <see cref="Code"/> and, for validation, the offending fields.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "A refusal is a domain outcome; the name says so.")]
public sealed class Refusal(string code, string message, IReadOnlyList<string>? fields = null, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Fields { get; } = fields ?? [];

    /// <summary>More for the client to act on, shown in <c>extensions</c> beside the code (e.g. duplicate candidates).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static Refusal Invalid(string field, string message) => new(ErrorCodes.ValidationFailed, message, [field]);

    public static Refusal NotFound(string message) => new(ErrorCodes.NotFound, message);

    public static Refusal Conflict(string message) => new(ErrorCodes.Conflict, message);
}

/// <summary>Collects every validation problem of one input so the caller hears about all of them at once.</summary>
public sealed class Problems
{
    private readonly List<(string Field, string Message)> _items = [];

    public bool Any => _items.Count > 0;

    public void Add(string field, string message) => _items.Add((field, message));

    public void ThrowIfAny()
    {
        if (_items.Count == 0)
        {
            return;
        }

        throw new Refusal(ErrorCodes.ValidationFailed, Message, [.. _items.Select(p => p.Field).Distinct()]);
    }

    /// <summary>Every problem, each as <c>field: message</c>.</summary>
    public string Message => string.Join(" ", _items.Select(p => $"{p.Field}: {p.Message}"));
}
