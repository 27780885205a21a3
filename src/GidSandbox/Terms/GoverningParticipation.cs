using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GidSandbox.Terms;

/// <summary>Governance actions: publishing a version of the Terms, suspending and reinstating an office.</summary>
public static class GoverningParticipation
{
    public const int MaxTermsLength = 200_000;

    public static TermsOfUsePublished DecidePublication(TermsOfUseBook terms, LocalDate today, string version, string text, LocalDate effectiveDate, int gracePeriodDays)
    {
        var problems = new Problems();
        if (version.Trim().Length is 0 or > 20 || version.Any(char.IsControl))
        {
            problems.Add("version", "A version is 1 to 20 printable characters, e.g. 1.1.");
        }
        else if (terms.Find(version.Trim()) is not null)
        {
            problems.Add("version", $"Version {version} is already published; versions are never changed, publish a new one.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTermsLength)
        {
            problems.Add("text", $"The text is required and at most {MaxTermsLength} characters.");
        }

        if (effectiveDate < today)
        {
            problems.Add("effectiveDate", $"A new version cannot take effect in the past ({effectiveDate:uuuu-MM-dd} is before today, {today:uuuu-MM-dd}).");
        }
        else if (terms.Versions.Any(v => v.EffectiveDate >= effectiveDate))
        {
            problems.Add("effectiveDate", "A new version must take effect after every version already published.");
        }

        if (gracePeriodDays is < 0 or > 365)
        {
            problems.Add("gracePeriodDays", "The grace period is 0 to 365 days.");
        }

        problems.ThrowIfAny();
        return new TermsOfUsePublished(version.Trim(), TermsVersion.HashOf(text), text, effectiveDate, gracePeriodDays);
    }

    public static void Map(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TermsVersionGraphType>>("publishTermsOfUse")
            .Description("Publishes a new version of the Terms of Use, effective on a future day. Needs governance:admin.")
            .Argument<NonNullGraphType<StringGraphType>>("version")
            .Argument<NonNullGraphType<StringGraphType>>("text", "The Terms in Markdown.")
            .Argument<NonNullGraphType<LocalDateGraphType>>("effectiveDate")
            .Argument<NonNullGraphType<IntGraphType>>("gracePeriodDays")
            .Configure(Governance)
            .ResolveAsync(async ctx =>
            {
                var standings = ctx.RequestServices!.GetRequiredService<Standings>();
                var terms = await standings.TermsAsync(ctx.CancellationToken);
                var published = DecidePublication(terms, AcceptTermsOfUse.Today(ctx), ctx.GetArgument<string>("version"), ctx.GetArgument<string>("text"),
                    ctx.GetArgument<LocalDate>("effectiveDate"), ctx.GetArgument<int>("gracePeriodDays"));
                await AppendAsync(ctx, TermsOfUseBook.StreamId, terms.Versions.Count, published, ctx.WriteRequest(null, null));
                standings.Forget(TermsOfUseBook.StreamId);
                return (await standings.TermsAsync(ctx.CancellationToken)).Find(published.Version);
            });

        MapStanding(mutation, "suspendOffice", "Suspends an office: every request of its clients is refused with OFFICE_SUSPENDED until it is reinstated.",
            (standing, reason) => standing.Suspended
                ? throw Refusal.Conflict($"Office {standing.Office} is already suspended ({standing.SuspensionReason}).")
                : new OfficeSuspended(reason));
        MapStanding(mutation, "reinstateOffice", "Reinstates a suspended office.",
            (standing, reason) => standing.Suspended
                ? new OfficeReinstated(reason)
                : throw Refusal.Conflict($"Office {standing.Office} is not suspended."));
    }

    private static void MapStanding(ObjectGraphType mutation, string name, string description, Func<OfficeStanding, string, object> decide) =>
        mutation.Field<NonNullGraphType<OfficeStandingGraphType>>(name)
            .Description($"{description} Needs governance:admin; a reason is required.")
            .Argument<NonNullGraphType<StringGraphType>>("office", "The office's WIPO ST.3 code, or the association's short name.")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Configure(Governance)
            .ResolveAsync(async ctx =>
            {
                var office = ctx.GetArgument<string>("office").Trim().ToUpperInvariant();
                var participants = ctx.RequestServices!.GetRequiredService<IOptions<AccessOptions>>().Value.Participants;
                if (!participants.Any(p => p.Office == office))
                {
                    throw Refusal.Invalid("office", $"'{InputRules.Shorten(office)}' is not a participating office or association.");
                }

                var request = ctx.WriteRequest(null, ctx.GetArgument<string>("reason"), reasonRequired: true);
                var standings = ctx.RequestServices!.GetRequiredService<Standings>();
                var standing = await standings.OfficeAsync(office, ctx.CancellationToken);
                await AppendAsync(ctx, OfficeStanding.StreamId(office), standing.Version, decide(standing, request.Reason!), request);
                standings.Forget(OfficeStanding.StreamId(office));
                return await standings.OfficeAsync(office, ctx.CancellationToken);
            });

    /// <summary>Appends one event, asserting the stream has not moved since it was read.</summary>
    private static Task<JasperFx.Events.StreamAction> AppendAsync(IResolveFieldContext ctx, string streamId, long versionRead, object @event, WriteRequest request) =>
        Writes.InTransactionAsync(ctx.Store(), request, (session, _) => Task.FromResult(session.Events.Append(streamId, versionRead + 1, @event)), ctx.CancellationToken);

    private static void Governance(FieldType field) => field.Metadata[ScopeRule.RequiredScope] = Scopes.GovernanceAdmin;
}
