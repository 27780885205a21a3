using System.Text.Json;
using System.Text.Json.Nodes;
using GidSandbox.Access;
using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace GidSandbox.Identities.History;

/// <summary>One event of an identity's stream, with who recorded it, when and why.</summary>
public sealed record HistoryEntry(
    long Version,
    long Sequence,
    string Type,
    Instant RecordedAt,
    string? Office,
    string? ClientId,
    string? Subject,
    string? CorrelationId,
    string? Reason,
    string? TermsVersion,
    Instant OccurredAt,
    JsonElement Data)
{
    public static HistoryEntry From(IEvent e, JsonSerializerOptions json) => new(
        e.Version,
        e.Sequence,
        e.EventType.Name,
        Writes.RecordedAt(e),
        Header(e, "office"),
        Header(e, "clientId"),
        Header(e, "subject"),
        e.CorrelationId,
        Header(e, "reason"),
        Header(e, "termsVersion"),
        Instant.FromDateTimeOffset(e.Timestamp),
        JsonSerializer.SerializeToElement(e.Data, e.EventType, json));

    private static string? Header(IEvent e, string name) =>
        e.Headers?.TryGetValue(name, out var value) == true ? value?.ToString() : null;
}

public static class IdentityHistory
{
    public static void Map(ObjectGraphType query)
    {
        query.Field<ListGraphType<NonNullGraphType<HistoryEntryGraphType>>>("identityHistory")
            .Description("Every event of the identity, oldest first; null when the GID is unknown.")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.Store().QuerySession();
                var events = await session.Events.FetchStreamAsync(ctx.GetArgument<Gid>("gid").Value, token: ctx.CancellationToken);
                if (events.Count == 0)
                {
                    return null;
                }

                var caller = ((GidUserContext)ctx.UserContext).Caller;
                var entries = events
                    .Select(e => HistoryEntry.From(e, GraphQLJson.Options))
                    .Select(e => PersonalData.ActingPersonVisibleTo(caller, e.Office) ? e : e with { Subject = null })
                    .ToList();
                var current = Identity.Project(null, events.Select(e => e.Data));
                return PersonalData.VisibleTo(caller, current)
                    ? entries
                    : entries.Select(e => e with { Data = PersonalData.Redact(JsonNode.Parse(e.Data.GetRawText()))!.Deserialize<JsonElement>() }).ToList();
            });

        query.Field<IdentityGraphType>("identityAsOf")
            .Description("The identity as it was at an instant (when its events occurred: occurredAt of identityHistory), rebuilt from its events; null if it did not exist then. Every version has an instant of its own.")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .Argument<NonNullGraphType<InstantGraphType>>("at")
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.Store().QuerySession();
                var at = ctx.GetArgument<Instant>("at");
                return await session.Events.AggregateStreamAsync<Identity>(
                    ctx.GetArgument<Gid>("gid").Value, timestamp: at.ToDateTimeOffset(), token: ctx.CancellationToken);
            });
    }
}

public sealed class HistoryEntryGraphType : ObjectGraphType<HistoryEntry>
{
    public HistoryEntryGraphType()
    {
        Name = "HistoryEntry";
        Field(x => x.Version).Description("The identity's version after this event.");
        Field(x => x.Sequence).Description("The event's position in the registry-wide event sequence.");
        Field(x => x.Type).Description("The event type, e.g. NameAdded.");
        Field(x => x.OccurredAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it happened: for mock data, the instant in the mock world; otherwise when it was recorded. Each version has its own; identityAsOf reads this.");
        Field(x => x.RecordedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When the registry stored it (for mock data, the time of the load).");
        Field(x => x.Office, nullable: true).Description("The office that acted.");
        Field(x => x.ClientId, nullable: true).Description("The client that acted.");
        Field(x => x.Subject, nullable: true).Description("The person signed in through the client (e.g. in the review console), if any; null for a client acting for itself, and for callers other than the acting office and governance.");
        Field(x => x.CorrelationId, nullable: true);
        Field(x => x.Reason, nullable: true);
        Field(x => x.TermsVersion, nullable: true).Description("The version of the Terms of Use in force for the acting office.");
        Field(x => x.Data, type: typeof(NonNullGraphType<JsonGraphType>)).Description("The event as recorded.");
    }
}
