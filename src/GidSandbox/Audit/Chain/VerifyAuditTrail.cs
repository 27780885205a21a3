using GidSandbox.Access;
using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Audit.Chain;

/// <summary>verifyAuditTrail and auditCheckpoints: recompute the hash chain and read the points to record outside the registry.</summary>
public static class VerifyAuditTrail
{
    public static void Map(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ChainReportGraphType>>("verifyAuditTrail")
            .Description("Recomputes the hash chain over every event and reports the first broken link. Needs audit:read. Takes time proportional to the trail.")
            .Argument<LongGraphType>("anchorSequence", "With anchorLink: a checkpoint recorded outside the registry that must still hold.")
            .Argument<StringGraphType>("anchorLink")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead)
            .ResolveAsync(async ctx =>
            {
                var anchor = Anchor(ctx.GetArgument<long?>("anchorSequence"), ctx.GetArgument<string?>("anchorLink"));
                return await ctx.RequestServices!.GetRequiredService<ChainVerifier>().VerifyAsync(anchor, ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditCheckpointGraphType>>>>("auditCheckpoints")
            .Description($"The latest checkpoints of the hash chain (one every {AuditChain.CheckpointEvery} events), newest first. Needs audit:read.")
            .Argument<NonNullGraphType<IntGraphType>>("last", a => a.DefaultValue = 10)
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead)
            .ResolveAsync(async ctx =>
            {
                var last = ctx.GetArgument<int>("last");
                if (last is < 1 or > 1000)
                {
                    throw Refusal.Invalid("last", "last is 1 to 1000.");
                }

                return await ctx.RequestServices!.GetRequiredService<ChainVerifier>().LatestCheckpointsAsync(last, ctx.CancellationToken);
            });
    }

    public static ChainAnchor? Anchor(long? sequence, string? link)
    {
        if (sequence is null && link is null)
        {
            return null;
        }

        if (sequence is not > 0 || link is null || link.Trim().Length != 64 || !link.Trim().All(Uri.IsHexDigit))
        {
            throw Refusal.Invalid(sequence is not > 0 ? "anchorSequence" : "anchorLink",
                "An anchor is a positive event sequence number and the 64-hex-digit link recorded for it (see auditCheckpoints).");
        }

        return new ChainAnchor(sequence.Value, link.Trim().ToLowerInvariant());
    }
}

public sealed class ChainReportGraphType : ObjectGraphType<ChainReport>
{
    public ChainReportGraphType()
    {
        Name = "AuditVerification";
        Field(x => x.Intact).Description("True when every chained event, link and checkpoint recomputes.");
        Field(x => x.EventsVerified);
        Field(x => x.HeadSequence, nullable: true).Description("The last chained event.");
        Field(x => x.HeadLink).Description("The link of the last chained event (or of the last good one, when broken).");
        Field(x => x.PendingEvents).Description("Events recorded after the chain's head, not chained yet (the projection follows within seconds).");
        Field(x => x.CheckpointsVerified);
        Field(x => x.EventsErased).Description("Of the events verified, those an erasure masked: chained as they were before, and reading exactly as the erasure's own chained record says.");
        Field(x => x.TombstonesSkipped).Description("Marten's tombstones passed over: placeholders written where an append failed half way, never chained, and shaped exactly as Marten writes them (anything else unchained is a break). Not among the events verified.");
        Field(x => x.FirstBreak, type: typeof(ChainBreakGraphType));
    }
}

public sealed class ChainBreakGraphType : ObjectGraphType<ChainBreak>
{
    public ChainBreakGraphType()
    {
        Name = "AuditChainBreak";
        Field(x => x.Sequence).Description("The event sequence number where the chain first breaks.");
        Field(x => x.StreamId, nullable: true);
        Field(x => x.Problem, type: typeof(NonNullGraphType<EnumerationGraphType<ChainProblem>>));
        Field(x => x.Differences).Description("What differs, in words.");
    }
}

public sealed class AuditCheckpointGraphType : ObjectGraphType<AuditCheckpoint>
{
    public AuditCheckpointGraphType()
    {
        Name = "AuditCheckpoint";
        Field<NonNullGraphType<LongGraphType>>("sequence").Resolve(ctx => ctx.Source.Id);
        Field(x => x.Position).Description("How many events the chain covers up to here.");
        Field(x => x.Link).Description("SHA-256 link at this event, lowercase hex.");
        Field(x => x.Timestamp).Description("When the event was recorded (UTC).");
    }
}
