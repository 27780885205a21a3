using System.Net.Mime;
using System.Text.Json;
using System.Globalization;
using GidSandbox.Access;
using GidSandbox.Hosting;
using Microsoft.AspNetCore.Authentication;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GidSandbox.GraphQL;

/// <summary>
/// GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with application/json, GET for
/// queries only, application/graphql-response+json answers with the spec's status codes, and
/// application/json for clients that ask for it.
/// </summary>
public static partial class GraphQLHttpEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const long MaxRequestBytes = 1024 * 1024;

    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder app, string pattern = "/graphql") =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync).RequireRateLimiting(Quotas.Policy);

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, ILoggerFactory loggers,
        OfficeQuotas quotas, AvailabilityOptions availability)
    {
        // Who asks comes first: nothing of an unauthenticated request is read or parsed.
        var authentication = await http.AuthenticateAsync(CachedBearerHandler.SchemeName);
        if (!authentication.Succeeded)
        {
            await BearerRefusal.WriteAsync(http, authentication,
                "Send an access token as 'Authorization: Bearer <token>'; get one from /connect/token with your client credentials.");
            return;
        }

        await RespondAsync(http, Caller.From(authentication.Principal!), executer, serializer, loggers, quotas, availability);
    }

    /// <summary>
    /// Reads, runs and answers the request of an authenticated <paramref name="caller"/>. Only the endpoint above
    /// calls it in the server; the lookup benchmark's own host calls it to measure what the access checks cost.
    /// </summary>
    internal static async Task RespondAsync(HttpContext http, Caller caller, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer,
        ILoggerFactory loggers, OfficeQuotas quotas, AvailabilityOptions availability)
    {
        var responseType = NegotiateResponseType(http.Request);
        if (responseType is null)
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status406NotAcceptable, MediaTypeNames.Application.Json, ErrorCodes.NotAcceptable,
                $"Accept {GraphQLResponseJson} or application/json.");
            return;
        }

        var overGet = HttpMethods.IsGet(http.Request.Method);
        var (request, problem) = overGet
            ? ReadGet(http.Request, serializer)
            : await ReadPostAsync(http.Request, serializer, http.RequestAborted);
        if (request is null)
        {
            await WriteRequestErrorAsync(http, serializer, problem!.Status, responseType, problem.Code, problem.Message);
            return;
        }

        var correlationId = http.Request.Headers["X-Correlation-Id"] is { Count: 1 } given && given[0]!.Length is > 0 and <= 100
            ? given[0]!
            : http.TraceIdentifier;
        http.Response.Headers["X-Correlation-Id"] = correlationId;

        var office = caller.Actor.Office;
        using var connections = availability.ConnectionsPerRequest > 0 ? new SemaphoreSlim(availability.ConnectionsPerRequest) : null;
        var replica = http.RequestServices.GetService<Cluster.ReadReplica>();
        var userContext = new GidUserContext
        {
            Caller = caller,
            CorrelationId = correlationId,
            Connections = connections,
            OverGet = overGet,
            ReadsFromPrimary = replica?.PrimaryFor(http) == true,
        };
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            UserContext = userContext,
        });

        LogInternalErrors(result, loggers.CreateLogger(typeof(GraphQLHttpEndpoint)));
        if (replica is not null)
        {
            NoteReplicaUse(http, replica, result, userContext);
        }

        if (userContext.Warnings.Count > 0)
        {
            (result.Extensions ??= [])["warnings"] = userContext.Warnings.Distinct().ToList();
        }

        // A request refused before its cost was known (e.g. a syntax error) still spends a point.
        var cost = userContext.Cost ?? (quotas.Charge(office, 1) with { Requested = 1 });
        if (cost.Remaining >= 0)
        {
            (result.Extensions ??= [])["cost"] = new Dictionary<string, object> { ["requested"] = cost.Requested, ["remaining"] = cost.Remaining };
        }

        http.Response.StatusCode = StatusOf(result, responseType, http.Response.Headers, availability);
        http.Response.ContentType = $"{responseType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// A mutation that ran makes its caller read from the primary for a bound, on this node and (through the proxy, told by
    /// <see cref="Cluster.ReadYourWrites.WroteHeader"/>) on the others; the answer says where lookups and search were read.
    /// </summary>
    private static void NoteReplicaUse(HttpContext http, Cluster.ReadReplica replica, ExecutionResult result, GidUserContext userContext)
    {
        if (result.Executed && result.Operation?.Operation == GraphQLParser.AST.OperationType.Mutation
            && Cluster.ReadYourWrites.CallerOf(http.Request) is { } writer)
        {
            replica.Writers.Wrote(writer);
            http.Response.Headers[Cluster.ReadYourWrites.WroteHeader] = "1";
        }

        if (userContext.ReadFrom is { } readFrom)
        {
            http.Response.Headers[Cluster.ReadReplica.ReadFromHeader] = readFrom;
        }
    }

    /// <summary>
    /// 405 for a mutation over GET, 400 for a document that never ran (graphql-response+json), 429 over quota,
    /// 503 when the database was away for any field (retry the whole request), else 200.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string responseType, IHeaderDictionary headers, AvailabilityOptions availability)
    {
        if (result.Errors?.OfType<MutationOverGetError>().Any() == true)
        {
            headers.Allow = HttpMethods.Post;
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (result.Errors?.OfType<OverQuotaError>().FirstOrDefault() is { } overQuota)
        {
            headers.RetryAfter = overQuota.Charge.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return StatusCodes.Status429TooManyRequests;
        }

        if (result.Errors?.Any(e => Availability.IsOutage(e.InnerException)) == true)
        {
            headers.RetryAfter = availability.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return StatusCodes.Status503ServiceUnavailable;
        }

        return responseType == GraphQLResponseJson && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private static string? NegotiateResponseType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return GraphQLResponseJson;
        }

        foreach (var media in accepted.OrderByDescending(m => m.Quality ?? 1))
        {
            if (media.Quality == 0)
            {
                continue;
            }

            var type = media.MediaType.Value;
            if (type is GraphQLResponseJson or "*/*" or "application/*")
            {
                return GraphQLResponseJson;
            }

            if (type == MediaTypeNames.Application.Json)
            {
                return MediaTypeNames.Application.Json;
            }
        }

        return null;
    }

    private static (GraphQLRequest? Request, RequestProblem? Problem) ReadGet(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        if (http.Query["query"] is not { Count: 1 } query || string.IsNullOrWhiteSpace(query[0]))
        {
            return (null, RequestProblem.Invalid("A GET request needs exactly one 'query' parameter."));
        }

        Inputs? variables = null;
        if (http.Query["variables"] is { Count: > 0 } variablesText)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(variablesText[0]);
            }
            catch (JsonException)
            {
                return (null, RequestProblem.Invalid("The 'variables' parameter must be a JSON object."));
            }
        }

        return (new GraphQLRequest { Query = query[0], OperationName = Single(http.Query["operationName"]), Variables = variables }, null);
    }

    private static async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadPostAsync(HttpRequest http, IGraphQLTextSerializer serializer, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType) || contentType.MediaType != MediaTypeNames.Application.Json)
        {
            return (null, new RequestProblem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Send the request body as application/json."));
        }

        if (http.ContentLength > MaxRequestBytes)
        {
            return (null, RequestProblem.TooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxRequestBytes)
            {
                return (null, RequestProblem.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        GraphQLRequest? request;
        try
        {
            buffer.Position = 0;
            request = await serializer.ReadAsync<GraphQLRequest>(buffer, ct);
        }
        catch (JsonException ex)
        {
            return (null, RequestProblem.Invalid($"The request body is not a GraphQL request in JSON: {ex.Message}"));
        }

        return string.IsNullOrWhiteSpace(request?.Query)
            ? (null, RequestProblem.Invalid("The request body needs a 'query' string."))
            : (request, null);
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    /// <summary>Why a request was refused before GraphQL read it: its HTTP status and error code.</summary>
    private sealed record RequestProblem(int Status, string Code, string Message)
    {
        public static readonly RequestProblem TooLarge =
            new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"The request body is larger than {MaxRequestBytes} bytes.");

        public static RequestProblem Invalid(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, message);
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string contentType, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{contentType}; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// Answers a request refused before GraphQL runs (authentication, quota) or given up (a request timeout, the database
    /// away) in the GraphQL response shape. Not cancelled by <see cref="HttpContext.RequestAborted"/>: once a request has
    /// timed out that token is cancelled, and this writes the timeout's answer.
    /// </summary>
    public static async Task WriteErrorAsync(HttpContext http, string code, string message)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        http.Response.ContentType = $"{(NegotiateResponseType(http.Request) ?? GraphQLResponseJson)}; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        await serializer.WriteAsync(http.Response.Body, result, CancellationToken.None);
    }

    private static void LogInternalErrors(ExecutionResult result, ILogger logger)
    {
        foreach (var error in result.Errors?.OfType<global::GraphQL.Execution.UnhandledError>() ?? [])
        {
            LogFieldFailure(logger, error.InnerException, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL field failed: {Message}")]
    private static partial void LogFieldFailure(ILogger logger, Exception? exception, string message);
}
