using GidSandbox.Access;
using GidSandbox.Challenges;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Terms;
using GraphQL;
using GraphQL.Types;
using JasperFx.Events.Projections;
using Marten;
using NodaTime;

namespace GidSandbox.Rights;

/// <summary>A person, signed in as an applicant, asked governance to erase their data; governance decides (eraseNaturalPerson).</summary>
public sealed record ErasureRequested(Gid Person, string Reference, LocalDate ReceivedOn);

/// <summary>An erasure request as governance sees it: open until the person's identity is erased.</summary>
public sealed record ErasureRequest(string Gid, string Reference, LocalDate ReceivedOn, bool Erased);

/// <summary>
/// A natural person signed in as an applicant (scope applicant:self): sees their own records only, records or
/// withdraws consent (<see cref="RecordConsent"/>), asks for a correction (a challenge carrying their request, which
/// the managing office resolves) or for erasure (a request governance decides). docs/rights.md.
/// </summary>
public static class Applicants
{
    public static void ConfigureRights(this StoreOptions options) =>
        options.Events.AddEventTypes([typeof(PersonalDataExported), typeof(ErasureRequested)]);

    private static void ForApplicants(FieldType field)
    {
        field.Metadata[ScopeRule.RequiredScope] = Scopes.Applicant;
        field.Metadata[ScopeRule.TermsExempt] = true; // the Terms of Use bind participants, not the people in the registry
    }

    /// <summary>The caller's own record, or FORBIDDEN: an applicant learns nothing of any other GID, not even whether it exists.</summary>
    private static Gid OwnRecord(IResolveFieldContext ctx, Gid gid) =>
        ((GidUserContext)ctx.UserContext).Caller.OwnRecords.Contains(gid.Value)
            ? gid
            : throw new Refusal(ErrorCodes.Forbidden, $"{gid} is not one of your records; you see and act on your own only.");

    /// <summary>A reference for a request the person filed themselves, as a receiver would file it.</summary>
    private static string NewReference() => $"PR-{Guid.NewGuid():N}"[..15].ToUpperInvariant();

    public static void MapQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdentityGraphType>>>>("myRecords")
            .Description("Applicants only (applicant:self): your own records, whole (address and contact too), with your consent; a record merged into another is followed by the one it lives on in.")
            .Configure(ForApplicants)
            .ResolveAsync(async ctx =>
            {
                var own = ((GidUserContext)ctx.UserContext).Caller.OwnRecords;
                await using var session = ctx.Store().QuerySession();
                var records = (await session.LoadManyAsync<Identity>(ctx.CancellationToken, own.Order(StringComparer.Ordinal).ToArray())).ToList();
                var survivors = records.Select(r => r.MergedInto).OfType<string>().Where(g => !own.Contains(g)).Distinct().ToArray();
                return survivors.Length == 0 ? records : [.. records, .. await session.LoadManyAsync<Identity>(ctx.CancellationToken, survivors)];
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ErasureRequestGraphType>>>>("erasureRequests")
            .Description("Governance (governance:admin): the erasures people asked for signed in as applicants, oldest first; open until governance erases the person (eraseNaturalPerson with the request's reference).")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.GovernanceAdmin)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.Store().QuerySession();
                var requests = await session.Events.QueryRawEventDataOnly<ErasureRequested>().ToListAsync(ctx.CancellationToken);
                var gids = requests.Select(r => r.Person.Value).Distinct().ToArray();
                var erased = gids.Length == 0 ? [] : (await session.LoadManyAsync<Identity>(ctx.CancellationToken, gids)).Where(i => i.Status == IdentityStatus.Erased).Select(i => i.Id).ToHashSet();
                return requests.Select(r => new ErasureRequest(r.Person.Value, r.Reference, r.ReceivedOn, erased.Contains(r.Person.Value))).OrderBy(r => r.ReceivedOn).ToList();
            });
    }

    public static void MapMutations(ObjectGraphType mutation)
    {
        RecordConsent.Map(mutation);

        mutation.Field<NonNullGraphType<ChallengeGraphType>>("requestCorrection")
            .Description($"Applicants only (applicant:self): asks for a correction of one of your records. It is a challenge carrying your request, which the managing office resolves within {Challenge.BusinessDaysToResolve} business days (Geneva), as any challenge.")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .Argument<NonNullGraphType<EnumerationGraphType<ChallengeKind>>>("kind")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "What is wrong, and what it should read.")
            .Configure(ForApplicants)
            .ResolveAsync(async ctx =>
            {
                var gid = OwnRecord(ctx, ctx.GetArgument<Gid>("gid"));
                var request = ctx.WriteRequest(null, ctx.GetArgument<string>("reason"), reasonRequired: true);
                var today = AcceptTermsOfUse.Today(ctx);
                return await Writes.InTransactionAsync(ctx.Store(), request, async (session, ct) =>
                {
                    var identity = await session.LoadAsync<Identity>(gid.Value, ct) ?? throw Refusal.NotFound($"No identity has the GID {gid}.");
                    var raised = Challenge.Raise(identity, Challenge.NewId(), ctx.GetArgument<ChallengeKind>("kind"), request.Reason!, request.Actor.Office, today, new PersonRequest(NewReference(), today));
                    session.Events.StartStream<Challenge>(raised.ChallengeId, raised);
                    return Challenge.Project(null, raised);
                }, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ErasureRequestGraphType>>("requestErasure")
            .Description("Applicants only (applicant:self): asks governance to erase your data. Governance verifies the request and decides, with its legal basis (governance/data-protection.md); the request's reference is what the erasure will name.")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .Configure(ForApplicants)
            .ResolveAsync(async ctx =>
            {
                var gid = OwnRecord(ctx, ctx.GetArgument<Gid>("gid"));
                var request = ctx.WriteRequest(null, null);
                var today = AcceptTermsOfUse.Today(ctx);
                return await Writes.InTransactionAsync(ctx.Store(), request, async (session, ct) =>
                {
                    var identity = await session.LoadAsync<Identity>(gid.Value, ct) ?? throw Refusal.NotFound($"No identity has the GID {gid}.");
                    if (identity.Status == IdentityStatus.Erased)
                    {
                        throw Refusal.Conflict($"{gid} was already erased on {identity.Erasure!.ErasedAt:uuuu-MM-dd}.");
                    }

                    var requested = new ErasureRequested(gid, NewReference(), today);
                    session.Events.Append(ExportPersonalData.RightsStream(gid), requested);
                    return new ErasureRequest(gid.Value, requested.Reference, today, Erased: false);
                }, ctx.CancellationToken);
            });
    }
}

public sealed class ErasureRequestGraphType : ObjectGraphType<ErasureRequest>
{
    public ErasureRequestGraphType()
    {
        Name = "ErasureRequest";
        Description = "A person's request, signed in as an applicant, that governance erase their data.";
        Field<NonNullGraphType<GidGraphType>>("gid").Resolve(ctx => ctx.Source.Gid);
        Field(x => x.Reference).Description("Give it as requestReference to eraseNaturalPerson.");
        Field(x => x.ReceivedOn, type: typeof(NonNullGraphType<LocalDateGraphType>));
        Field(x => x.Erased).Description("True once governance erased the person.");
    }
}
