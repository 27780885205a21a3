using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Rights;
using GidSandbox.Terms;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Challenges;

/// <summary>raiseChallenge, resolveChallenge, challenges(gid) and overdueChallenges.</summary>
public static class ChallengingIdentities
{
    public static void MapMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ChallengeGraphType>>("raiseChallenge")
            .Description($"Challenges an identity's data (any office or association; needs gid:read). Its managing office must resolve it within {Challenge.BusinessDaysToResolve} business days (Geneva).")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .Argument<NonNullGraphType<EnumerationGraphType<ChallengeKind>>>("kind")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<PersonRequestInputGraphType>("personRequest", "When the challenge asks, for the person themselves, to correct their data: their request as you received and verified it (a person's right to correction, governance/data-protection.md).")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.Read)
            .ResolveAsync(async ctx =>
            {
                var problems = new Problems();
                var personRequest = ctx.GetArgument<PersonRequestInput?>("personRequest") is { } input ? PersonRequest.Parse(problems, "personRequest", input, AcceptTermsOfUse.Today(ctx)) : null;
                problems.ThrowIfAny();
                var request = ctx.WriteRequest(null, ctx.GetArgument<string>("reason"), reasonRequired: true);
                return await Writes.InTransactionAsync(ctx.Store(), request, async (session, ct) =>
                {
                    var gid = ctx.GetArgument<Gid>("gid");
                    var identity = await session.LoadAsync<Identity>(gid.Value, ct)
                        ?? throw Refusal.NotFound($"No identity has the GID {gid}.");
                    var raised = Challenge.Raise(identity, Challenge.NewId(), ctx.GetArgument<ChallengeKind>("kind"), request.Reason!, request.Actor.Office, AcceptTermsOfUse.Today(ctx), personRequest);
                    session.Events.StartStream<Challenge>(raised.ChallengeId, raised);
                    return Challenge.Project(null, raised);
                }, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ChallengeGraphType>>("resolveChallenge")
            .Description("Resolves a challenge of an identity your office manages: accepted (after correcting or merging it) or rejected, with a reason.")
            .Argument<NonNullGraphType<IdGraphType>>("challengeId")
            .Argument<NonNullGraphType<EnumerationGraphType<ChallengeOutcome>>>("outcome")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                var request = ctx.WriteRequest(null, ctx.GetArgument<string>("reason"), reasonRequired: true);
                var id = ctx.GetArgument<string>("challengeId");
                return await Writes.InTransactionAsync(ctx.Store(), request, async (session, ct) =>
                {
                    var stream = await session.Events.FetchForWriting<Challenge>(id, ct);
                    var challenge = stream.Aggregate ?? throw Refusal.NotFound($"There is no challenge {InputRules.Shorten(id)}.");
                    var identity = await session.LoadAsync<Identity>(challenge.Gid, ct)
                        ?? throw new InvalidOperationException($"Challenge {id} names a missing identity.");
                    var resolved = Challenge.Resolve(challenge, identity.ManagingOffice, ctx.GetArgument<ChallengeOutcome>("outcome"), request.Reason!, request.Actor.Office, AcceptTermsOfUse.Today(ctx));
                    stream.AppendOne(resolved);
                    return Challenge.Project(challenge, resolved);
                }, ctx.CancellationToken);
            });
    }

    public static void MapQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChallengeGraphType>>>>("challenges")
            .Description("The data-quality challenges of an identity, oldest first.")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.Store().QuerySession();
                var gid = ctx.GetArgument<Gid>("gid").Value;
                return (await session.Query<Challenge>().Where(c => c.Gid == gid).ToListAsync(ctx.CancellationToken)).OrderBy(c => c.RaisedOn).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChallengeGraphType>>>>("challengeInbox")
            .Description($"The open challenges your office is to resolve (of the identities it manages now; for governance, every open one), due first: each within {Challenge.BusinessDaysToResolve} business days (Geneva) of being raised.")
            .ResolveAsync(async ctx =>
            {
                var caller = ((GidUserContext)ctx.UserContext).Caller;
                await using var session = ctx.Store().QuerySession();
                var open = await session.Query<Challenge>().Where(c => c.Status == ChallengeStatus.Open).ToListAsync(ctx.CancellationToken);
                var managing = caller.Role == ParticipantRole.Governance
                    ? null
                    : (await session.LoadManyAsync<Identity>(ctx.CancellationToken, open.Select(c => c.Gid).Distinct().ToArray()))
                        .Where(i => i.ManagingOffice == caller.Actor.Office).Select(i => i.Id).ToHashSet();
                return open.Where(c => managing is null || managing.Contains(c.Gid)).OrderBy(c => c.DueBy).ThenBy(c => c.RaisedOn).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChallengeGraphType>>>>("overdueChallenges")
            .Description($"Open challenges past their due day ({Challenge.BusinessDaysToResolve} business days in Geneva), oldest due first. Needs audit:read.")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead)
            .ResolveAsync(async ctx =>
            {
                var today = AcceptTermsOfUse.Today(ctx);
                await using var session = ctx.Store().QuerySession();
                var open = await session.Query<Challenge>().Where(c => c.Status == ChallengeStatus.Open).ToListAsync(ctx.CancellationToken);
                return open.Where(c => c.IsOverdue(today)).OrderBy(c => c.DueBy).ToList();
            });
    }
}

public sealed class ChallengeGraphType : ObjectGraphType<Challenge>
{
    public ChallengeGraphType()
    {
        Name = "Challenge";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<GidGraphType>>("gid").Resolve(ctx => ctx.Source.Gid);
        Field(x => x.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<ChallengeKind>>));
        Field(x => x.Reason);
        Field(x => x.RaisedBy).Description("The office or association that raised it.");
        Field(x => x.RegisteringOffice).Description("The managing office of the identity when the challenge was raised; the managing office at the time of resolution resolves it.");
        Field(x => x.RaisedOn, type: typeof(NonNullGraphType<LocalDateGraphType>));
        Field(x => x.DueBy, type: typeof(NonNullGraphType<LocalDateGraphType>)).Description("The last day to resolve it (Geneva business days).");
        Field(x => x.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ChallengeStatus>>));
        Field(x => x.Outcome, type: typeof(EnumerationGraphType<ChallengeOutcome>));
        Field(x => x.Resolution, nullable: true).Description("The registering office's reason.");
        Field(x => x.ResolvedOn, type: typeof(LocalDateGraphType));
        Field(x => x.PersonRequest, type: typeof(PersonRequestGraphType)).Description("The person's own request to correct their data, when the challenge carries one.");
    }
}
