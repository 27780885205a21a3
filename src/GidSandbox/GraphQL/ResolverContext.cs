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

    /// <summary>What the request cost and what the office has left, once charged; shown in <c>extensions.cost</c>.</summary>
    public QuotaCharge? Cost { get; set; }

    /// <summary>
    /// The database connections this request's resolvers may hold at once, so one request of many
    /// aliased fields cannot take the pool from every other office; null when unbounded.
    /// </summary>
    public required SemaphoreSlim? Connections { get; init; }

    /// <summary>True for a GET request, which may only read.</summary>
    public bool OverGet { get; init; }

    public SubsidiariesLoader Subsidiaries { get; } = new();

    /// <summary>The caller wrote lately: its lookups and search read from the primary, not a replica (Cluster/ReadReplica).</summary>
    public bool ReadsFromPrimary { get; init; }

    /// <summary>Where the request's lookups and search were read, when a replica is configured: <c>replica</c> or <c>primary</c>.</summary>
    public string? ReadFrom { get; set; }
}

public static class ResolverContext
{
    public static IDocumentStore Store(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDocumentStore>();

    /// <summary>A lookup or search: on the replica when one may answer it (Cluster/ReadReplica), else on the primary.</summary>
    public static Task<T> ReadAsync<T>(this IResolveFieldContext context, Func<IDocumentStore, Task<T>> read) =>
        context.RequestServices!.GetService<Cluster.ReadReplica>() is { } replica
            ? replica.ReadAsync(context, read)
            : read(context.Store());

    /// <summary>The caller as identity decisions see it, at the sandbox clock's instant.</summary>
    public static Writer Writer(this IResolveFieldContext context)
    {
        var caller = ((GidUserContext)context.UserContext).Caller;
        var now = context.RequestServices!.GetRequiredService<IClock>().GetCurrentInstant();
        return new Writer(caller.Actor.Office, caller.Role == ParticipantRole.Governance, now, caller.OwnRecords);
    }

    /// <summary>Waits for one of the request's database connections; dispose to give it back.</summary>
    public static async Task<IDisposable> ConnectionSlotAsync(this IResolveFieldContext context)
    {
        var connections = ((GidUserContext)context.UserContext).Connections;
        if (connections is null)
        {
            return Slot.Unbounded;
        }

        await connections.WaitAsync(context.CancellationToken);
        return new Slot(connections);
    }

    private sealed class Slot(SemaphoreSlim? connections) : IDisposable
    {
        public static readonly Slot Unbounded = new(null);

        public void Dispose() => connections?.Release();
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
