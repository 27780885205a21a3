using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace GidSandbox.Access;

/// <summary>A write the registry refused, and why: enforcement decisions are audited too.</summary>
public sealed record WriteRefused(string Operation, string Code, string Message);

public sealed record RefusedWrite(string Operation, string Code, string Message, string? Office, string? ClientId, string? CorrelationId, Instant RecordedAt);

public static partial class RefusedWrites
{
    public const int MaxListed = 500;

    public static string StreamId(string office) => $"refusals-{office}";

    /// <summary>Records a refusal in its own transaction (the refused write's own stored nothing).</summary>
    public static async Task RecordAsync(IResolveFieldContext context, string operation, Refusal refusal)
    {
        try
        {
            var request = context.WriteRequest(null, null);
            await Writes.InTransactionAsync(context.Store(), request,
                (session, _) => Task.FromResult(session.Events.Append(StreamId(request.Actor.Office), new WriteRefused(operation, refusal.Code, refusal.Message))),
                context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller still gets its refusal; the failure to audit it is an operational fault, logged.
            LogNotRecorded(context.RequestServices!.GetRequiredService<ILogger<WriteRefused>>(), ex, operation);
        }
    }

    public static void Map(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefusedWriteGraphType>>>>("refusedWrites")
            .Description("The writes refused to an office's clients, newest first. Needs audit:read.")
            .Argument<NonNullGraphType<StringGraphType>>("office")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 50)
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead)
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > MaxListed)
                {
                    throw Refusal.Invalid("first", $"first is 1 to {MaxListed}.");
                }

                await using var session = ctx.Store().QuerySession();
                var events = await session.Events.FetchStreamAsync(StreamId(ctx.GetArgument<string>("office").Trim().ToUpperInvariant()), token: ctx.CancellationToken);
                return events.Reverse().Take(first).Select(From).ToList();
            });

    private static RefusedWrite From(IEvent e)
    {
        var refused = (WriteRefused)e.Data;
        string? Header(string name) => e.Headers?.TryGetValue(name, out var value) == true ? value?.ToString() : null;
        return new RefusedWrite(refused.Operation, refused.Code, refused.Message, Header("office"), Header("clientId"), e.CorrelationId, Instant.FromDateTimeOffset(e.Timestamp));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A refusal of {Operation} could not be recorded")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string operation);
}

public sealed class RefusedWriteGraphType : ObjectGraphType<RefusedWrite>
{
    public RefusedWriteGraphType()
    {
        Name = "RefusedWrite";
        Field(x => x.Operation);
        Field(x => x.Code);
        Field(x => x.Message);
        Field(x => x.Office, nullable: true);
        Field(x => x.ClientId, nullable: true);
        Field(x => x.CorrelationId, nullable: true);
        Field(x => x.RecordedAt, type: typeof(NonNullGraphType<InstantGraphType>));
    }
}
