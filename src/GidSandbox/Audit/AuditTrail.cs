using System.Text.Json;
using GidSandbox.Access;
using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace GidSandbox.Audit;

/// <summary>auditTrail(filter): every event of the registry, by identity, office, client, type and time, as a Relay connection.</summary>
public static class AuditTrail
{
    public const string Query = "auditTrail";
    public const int MaxPage = 500;

    public static void Map(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("auditEventTypes")
            .Description("The event types auditTrail can filter on (filter.eventTypes), in alphabetical order. Needs audit:read.")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead)
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<AuditLog>().Types.Names);

        query.Field<NonNullGraphType<ConnectionType<AuditEntryGraphType, EdgeType<AuditEntryGraphType>>>>(Query)
            .Description($"Every event of the registry in global sequence order, filtered; pages of up to {MaxPage}. Needs audit:read.")
            .Argument<AuditFilterInputGraphType>("filter")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after", "The endCursor of the previous page of the same query.")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead)
            .ResolveAsync(async ctx =>
            {
                var log = ctx.RequestServices!.GetRequiredService<AuditLog>();
                var cursors = ctx.RequestServices!.GetRequiredService<Cursors>();
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > MaxPage)
                {
                    throw Refusal.Invalid("first", $"first is 1 to {MaxPage}; follow pageInfo.endCursor for more.");
                }

                var filter = AuditFilter.Parse(ctx.GetArgument<AuditFilterInput?>("filter"), log.Types);
                var fingerprint = filter.Fingerprint(Query);
                var after = cursors.Read(ctx.GetArgument<string?>("after"), fingerprint, "after", Query);
                var entries = new List<AuditEntry>(first + 1);
                await foreach (var entry in log.ReadAsync(filter, after, first + 1, ctx.CancellationToken))
                {
                    entries.Add(entry);
                }

                var edges = entries.Take(first)
                    .Select(e => new Edge<AuditEntry> { Node = e, Cursor = cursors.Create(e.Sequence, fingerprint) })
                    .ToList();
                return new Connection<AuditEntry>
                {
                    Edges = edges,
                    PageInfo = new PageInfo
                    {
                        HasNextPage = entries.Count > first,
                        HasPreviousPage = after > 0,
                        StartCursor = edges.FirstOrDefault()?.Cursor,
                        EndCursor = edges.LastOrDefault()?.Cursor,
                    },
                };
            });
    }
}

public sealed class AuditFilterInputGraphType : InputObjectGraphType<AuditFilterInput>
{
    public AuditFilterInputGraphType()
    {
        Name = "AuditFilter";
        Description = "Criteria combined with AND; leave one out to not filter on it.";
        Field(x => x.Gid, type: typeof(GidGraphType)).Description("Events of this identity's stream.");
        Field(x => x.Office, nullable: true).Description("The acting office (WIPO ST.3 code) or association.");
        Field(x => x.ClientId, nullable: true).Description("The acting client.");
        Field(x => x.EventTypes, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Event types, e.g. [\"NameAdded\", \"IdentityMerged\"].");
        Field(x => x.From, type: typeof(InstantGraphType)).Description("Happened (timestamp) at or after this instant.");
        Field(x => x.To, type: typeof(InstantGraphType)).Description("Happened (timestamp) before this instant.");
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Field(x => x.Sequence).Description("Position in the registry-wide event sequence.");
        Field(x => x.StreamId).Description("The stream: a GID, or office-XX, terms-of-use, refusals-XX, challenge-… .");
        Field(x => x.Version).Description("The stream's version after this event.");
        Field(x => x.Type).Description("The event type, e.g. NameAdded.");
        Field(x => x.Timestamp, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it happened: for mock data, the instant in the mock world; otherwise when it was recorded. The from and to filters read this.");
        Field(x => x.RecordedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When the registry stored it (for mock data, the time of the load); the timestamp otherwise.");
        Field(x => x.Office, nullable: true).Description("The office that acted.");
        Field(x => x.ClientId, nullable: true).Description("The client that acted.");
        Field(x => x.Subject, nullable: true).Description("The person signed in through the client, if any.");
        Field(x => x.TermsVersion, nullable: true).Description("The version of the Terms of Use in force for the acting office.");
        Field(x => x.CorrelationId, nullable: true);
        Field(x => x.Reason, nullable: true);
        Field<NonNullGraphType<JsonGraphType>>("data").Description("The event as stored.")
            .Resolve(ctx => JsonDocument.Parse(ctx.Source.Data).RootElement.Clone());
    }
}
