using System.Text.Json;
using System.Text.Json.Serialization;
using GidSandbox.Access;
using GidSandbox.Identities;
using GidSandbox.Terms;
using GraphQL;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace GidSandbox.GraphQL;

/// <summary>What a resolver knows of the request: who is calling and the correlation id.</summary>
public sealed class GidUserContext : Dictionary<string, object?>
{
    public required Caller Caller { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>Set by the access check of the root field, before any resolver runs.</summary>
    public TermsDecision? Terms { get; set; }

    /// <summary>Shown to the caller in the response's extensions.</summary>
    public List<string> Warnings { get; } = [];
}

public static class ResolverContext
{
    public static IDocumentStore Store(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDocumentStore>();

    /// <summary>The caller as identity decisions see it, at the sandbox clock's instant.</summary>
    public static Writer Writer(this IResolveFieldContext context)
    {
        var caller = ((GidUserContext)context.UserContext).Caller;
        var now = context.RequestServices!.GetRequiredService<IClock>().GetCurrentInstant();
        return new Writer(caller.Actor.Office, caller.Role == ParticipantRole.Governance, now);
    }

    public static WriteRequest WriteRequest(this IResolveFieldContext context, string? idempotencyKey, string? reason, bool reasonRequired = false)
    {
        var problems = new Problems();
        if (reason is not null || reasonRequired)
        {
            reason = InputRules.ParseReason(problems, "input.reason", reason);
        }

        problems.ThrowIfAny();
        var user = (GidUserContext)context.UserContext;
        return new WriteRequest(user.Caller.Actor, user.CorrelationId, idempotencyKey, reason, user.Terms?.VersionInForce);
    }
}

/// <summary>The JSON shape of recorded events as the API shows them.</summary>
public static class GraphQLJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }
}
