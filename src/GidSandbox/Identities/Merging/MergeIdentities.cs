using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Identities.Linking;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Identities.Merging;

public sealed class MergeIdentitiesInput
{
    public Gid Survivor { get; set; }

    public long? ExpectedSurvivorVersion { get; set; }

    public Gid Merged { get; set; }

    public long? ExpectedMergedVersion { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// Two GIDs found to be one party: the merged one points to the survivor for good and its names
/// and external identifiers move over. A merged GID is never reused and still resolves.
/// </summary>
public static class MergeIdentities
{
    public static (IReadOnlyList<object> Survivor, IReadOnlyList<object> Merged) Decide(Identity survivor, Identity merged)
    {
        if (survivor.Id == merged.Id)
        {
            throw Refusal.Invalid("input.merged", "An identity cannot be merged into itself; name two different GIDs.");
        }

        survivor.EnsureActive();
        merged.EnsureActive();
        if (survivor.Kind != merged.Kind)
        {
            throw Refusal.Conflict($"{merged.Id} is a {Describe(merged.Kind)} and {survivor.Id} a {Describe(survivor.Kind)}; only identities of one kind can be merged.");
        }

        var nextId = survivor.NextNameId;
        var names = new List<Name>();
        foreach (var name in merged.Names.Where(n => !survivor.Names.Any(s => s.SameAs(n.Text, n.Script))))
        {
            var type = name.Type is NameType.Legal or NameType.Primary ? NameType.Alias : name.Type;
            names.Add(name with { Id = nextId++, Type = type, IsPrimary = false });
        }

        return (
            [new IdentityAbsorbed(merged.Gid, names, merged.ExternalIdentifiers)],
            [new IdentityMerged(survivor.Gid)]);
    }

    private static string Describe(IdentityKind kind) => kind == IdentityKind.LegalEntity ? "legal entity" : "natural person";

    public static async Task<Identity> HandleAsync(IDocumentSession session, MergeIdentitiesInput input, CancellationToken ct)
    {
        if (input.Survivor == input.Merged)
        {
            throw Refusal.Invalid("input.merged", "An identity cannot be merged into itself; name two different GIDs.");
        }

        var survivor = await FetchAsync(session, input.Survivor, input.ExpectedSurvivorVersion, ct);
        var merged = await FetchAsync(session, input.Merged, input.ExpectedMergedVersion, ct);
        if (survivor.Aggregate is null || merged.Aggregate is null)
        {
            throw Refusal.NotFound($"No identity has the GID {(survivor.Aggregate is null ? input.Survivor : input.Merged)}.");
        }

        var (survivorEvents, mergedEvents) = Decide(survivor.Aggregate, merged.Aggregate);
        survivor.AppendMany(survivorEvents);
        merged.AppendMany(mergedEvents);
        MoveClaims(session, merged.Aggregate, input.Survivor);

        return Identity.Project(survivor.Aggregate, survivorEvents) with { Version = survivor.Aggregate.Version + survivorEvents.Count };
    }

    /// <summary>The merged identity's external identifiers now resolve to the survivor.</summary>
    public static void MoveClaims(IDocumentSession session, Identity merged, Gid survivor)
    {
        foreach (var identifier in merged.ExternalIdentifiers)
        {
            session.Store(new ExternalIdentifierClaim(identifier.Key, survivor.Value, identifier));
        }
    }

    private static Task<JasperFx.Events.IEventStream<Identity>> FetchAsync(IDocumentSession session, Gid gid, long? version, CancellationToken ct) =>
        version is { } v ? session.Events.FetchForWriting<Identity>(gid.Value, v, ct) : session.Events.FetchForWriting<Identity>(gid.Value, ct);

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("mergeIdentities")
            .Description("Merges a duplicate into the surviving identity and returns the survivor. Needs gid:merge; a reason is required.")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.Merge)
            .Argument<NonNullGraphType<MergeIdentitiesInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<MergeIdentitiesInput>("input");
                return await Writes.RunAsync(ctx.Store(), ctx.WriteRequest(input.IdempotencyKey, input.Reason, reasonRequired: true), "mergeIdentities", input,
                    (session, ct) => HandleAsync(session, input, ct), ctx.CancellationToken);
            });
}

public sealed class MergeIdentitiesInputGraphType : InputObjectGraphType<MergeIdentitiesInput>
{
    public MergeIdentitiesInputGraphType()
    {
        Name = "MergeIdentitiesInput";
        Field(x => x.Survivor, type: typeof(NonNullGraphType<GidGraphType>)).Description("The GID that remains.");
        Field(x => x.ExpectedSurvivorVersion, nullable: true);
        Field(x => x.Merged, type: typeof(NonNullGraphType<GidGraphType>)).Description("The duplicate GID, which will point to the survivor.");
        Field(x => x.ExpectedMergedVersion, nullable: true);
        Field(x => x.IdempotencyKey, nullable: true);
        Field(x => x.Reason, nullable: true).Description("Why the two are one party (required).");
    }
}
