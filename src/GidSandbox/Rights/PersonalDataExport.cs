using GidSandbox.Access;
using GidSandbox.Challenges;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Identities.Erasing;
using GidSandbox.Identities.History;
using GidSandbox.Terms;
using GraphQL;
using GraphQL.Types;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace GidSandbox.Rights;

/// <summary>One event of one of the person's identities, or of another identity's decision about them.</summary>
public sealed record ExportedEvent(string Gid, HistoryEntry Event);

/// <summary>Everything the registry holds about one natural person, for the person (their right to see it).</summary>
public sealed record PersonalDataExport(
    string Gid,
    PersonRequest Request,
    Instant ProducedAt,
    IReadOnlyList<Identity> Identities,
    IReadOnlyList<ExportedEvent> History,
    IReadOnlyList<Challenge> Challenges,
    IReadOnlyList<ExportedEvent> DuplicateDecisions);

/// <summary>
/// Recorded in the person's rights log (stream <c>rights-GID</c>) each time governance produced an export for them:
/// the request it answered and the identities it covered, never their content.
/// </summary>
public sealed record PersonalDataExported(Gid Person, PersonRequest Request, IReadOnlyList<Gid> Identities, Instant At);

public sealed class ExportPersonalDataInput
{
    public Gid Gid { get; set; }

    public PersonRequestInput Request { get; set; } = new();
}

/// <summary>exportPersonalData: governance answers a person's verified request to see their data.</summary>
public static class ExportPersonalData
{
    /// <summary>The events that record a decision on whether the person and another identity are one.</summary>
    private static readonly Type[] DuplicateDecisionTypes = [typeof(DuplicateDismissed), typeof(MergeRequested), typeof(MergeRequestDeclined), typeof(IdentityMerged), typeof(IdentityAbsorbed)];

    public static string RightsStream(Gid gid) => $"rights-{gid.Value}";

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<PersonalDataExportGraphType>>("exportPersonalData")
            .Description("Governance (governance:admin): everything the registry holds about a natural person, for their verified request to see it — every identity of theirs (merged-away ones too), its history with who and when, the challenges and duplicate decisions concerning them, their consent. The request and the export's date are recorded (the person's rights log, stream rights-GID); its content is not.")
            .Argument<NonNullGraphType<ExportPersonalDataInputGraphType>>("input")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.GovernanceAdmin)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ExportPersonalDataInput>("input");
                var problems = new Problems();
                var personRequest = PersonRequest.Parse(problems, "input.request", input.Request, AcceptTermsOfUse.Today(ctx));
                problems.ThrowIfAny();
                var request = ctx.WriteRequest(null, null);
                var at = ctx.RequestServices!.GetRequiredService<IClock>().GetCurrentInstant();
                return await Writes.InTransactionAsync(ctx.Store(), request, async (session, ct) =>
                {
                    var export = await GatherAsync(session, input.Gid, personRequest, at, ct);
                    session.Events.Append(RightsStream(Gid.Parse(export.Gid)), new PersonalDataExported(Gid.Parse(export.Gid), personRequest, [.. export.Identities.Select(i => i.Gid)], at));
                    return export;
                }, ctx.CancellationToken);
            });

    /// <summary>The person's surviving identity, every identity merged into it, and what the registry holds about each.</summary>
    public static async Task<PersonalDataExport> GatherAsync(IQuerySession session, Gid gid, PersonRequest request, Instant at, CancellationToken ct)
    {
        var identity = await session.LoadAsync<Identity>(gid.Value, ct) ?? throw Refusal.NotFound($"No identity has the GID {gid}.");
        for (var hops = 0; identity.MergedInto is { } survivor && hops < 100; hops++)
        {
            identity = await session.LoadAsync<Identity>(survivor, ct) ?? throw new InvalidOperationException($"{identity.Id} was merged into a missing {survivor}.");
        }

        if (identity.Kind != IdentityKind.NaturalPerson)
        {
            throw Refusal.Invalid("input.gid", $"{gid} is a legal entity; a person's request to see their data concerns a natural person.");
        }

        if (identity.Status == IdentityStatus.Erased)
        {
            throw Refusal.Conflict($"{identity.Id} was erased on {identity.Erasure!.ErasedAt:uuuu-MM-dd} (decision {identity.Erasure.DecisionReference}); nothing of the person is held.");
        }

        var merged = await EraseNaturalPerson.MergedIntoAsync(session, identity.Gid, ct);
        var identities = new List<Identity> { identity };
        identities.AddRange(merged.Count == 0 ? [] : await session.LoadManyAsync<Identity>(ct, merged.Select(g => g.Value).ToArray()));
        var history = new List<ExportedEvent>();
        foreach (var each in identities)
        {
            history.AddRange((await session.Events.FetchStreamAsync(each.Id, token: ct)).Select(e => new ExportedEvent(each.Id, HistoryEntry.From(e, GraphQLJson.Options))));
        }

        var ids = identities.Select(i => i.Id).ToArray();
        var challenges = (await session.Query<Challenge>().Where(c => c.Gid.IsOneOf(ids)).ToListAsync(ct)).OrderBy(c => c.RaisedOn).ToList();
        var decisionTypes = DuplicateDecisionTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var decisions = history.Where(e => decisionTypes.Contains(e.Event.Type)).ToList();
        return new PersonalDataExport(identity.Id, request, at, identities, history, challenges, decisions);
    }
}

public sealed class ExportPersonalDataInputGraphType : InputObjectGraphType<ExportPersonalDataInput>
{
    public ExportPersonalDataInputGraphType()
    {
        Name = "ExportPersonalDataInput";
        Field(x => x.Gid, type: typeof(NonNullGraphType<GidGraphType>)).Description("Any GID of the person; a merged-away one leads to the identity it was merged into.");
        Field(x => x.Request, type: typeof(NonNullGraphType<PersonRequestInputGraphType>)).Description("The person's request to see their data, as governance received and verified it.");
    }
}

public sealed class PersonalDataExportGraphType : ObjectGraphType<PersonalDataExport>
{
    public PersonalDataExportGraphType()
    {
        Name = "PersonalDataExport";
        Description = "Everything the registry holds about a natural person, produced by governance for the person's verified request.";
        Field<NonNullGraphType<GidGraphType>>("gid").Description("The person's surviving identity.").Resolve(ctx => ctx.Source.Gid);
        Field(x => x.Request, type: typeof(NonNullGraphType<PersonRequestGraphType>));
        Field(x => x.ProducedAt, type: typeof(NonNullGraphType<InstantGraphType>));
        Field(x => x.Identities, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdentityGraphType>>>))
            .Description("The surviving identity first, then every identity merged into it: names, address, contact, identifiers, consent.");
        Field(x => x.History, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ExportedEventGraphType>>>))
            .Description("Every event of those identities, oldest first per identity, with the office, client, person and time that recorded it and why.");
        Field(x => x.Challenges, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ChallengeGraphType>>>)).Description("Every challenge of those identities.");
        Field(x => x.DuplicateDecisions, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ExportedEventGraphType>>>))
            .Description("The decisions whether the person and another identity are one: merges, merge requests and their answers, dismissed look-alikes.");
    }
}

public sealed class ExportedEventGraphType : ObjectGraphType<ExportedEvent>
{
    public ExportedEventGraphType()
    {
        Name = "ExportedEvent";
        Field<NonNullGraphType<GidGraphType>>("gid").Description("The identity whose stream holds the event.").Resolve(ctx => ctx.Source.Gid);
        Field(x => x.Event, type: typeof(NonNullGraphType<HistoryEntryGraphType>));
    }
}
