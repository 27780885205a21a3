using GidSandbox.Access;
using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Merging;

public sealed class MergeIdentitiesInput : IWriteInput
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
/// and identifiers move over. A merged GID is never reused and still resolves. The office that manages
/// both merges at once (so does governance); two managing offices merge by request and acceptance.
/// </summary>
public sealed record MergeIdentities(Gid Survivor, long? ExpectedSurvivorVersion, Gid Merged, long? ExpectedMergedVersion) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Survivor, ExpectedSurvivorVersion), (Merged, ExpectedMergedVersion)];

    public static MergeIdentities From(MergeIdentitiesInput input) =>
        input.Survivor == input.Merged
            ? throw Refusal.Invalid("input.merged", "An identity cannot be merged into itself; name two different GIDs.")
            : new MergeIdentities(input.Survivor, input.ExpectedSurvivorVersion, input.Merged, input.ExpectedMergedVersion);

    public Decision Decide(Facts facts, Writer by) => Combine(facts.Get(Survivor), facts.Get(Merged));

    /// <summary>Whether the two can be one: both live, of one kind, with no two different LEIs or ORCIDs.</summary>
    public static void EnsureMergeable(Identity survivor, Identity merged)
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

        foreach (var scheme in new[] { ExternalIdentifier.Lei, ExternalIdentifier.Orcid })
        {
            var kept = survivor.AllIdentifiers.FirstOrDefault(x => x.Scheme == scheme);
            var taken = merged.AllIdentifiers.FirstOrDefault(x => x.Scheme == scheme);
            if (kept is not null && taken is not null && kept.Value != taken.Value)
            {
                throw Refusal.Conflict($"{survivor.Id} has the {scheme} '{kept.Value}' and {merged.Id} the {scheme} '{taken.Value}': two different parties, or one of them is wrong; correct it before merging.");
            }
        }
    }

    /// <summary>The merge itself: the events on both streams.</summary>
    public static Decision Combine(Identity survivor, Identity merged)
    {
        EnsureMergeable(survivor, merged);
        var nextId = survivor.NextNameId;
        var names = new List<Name>();
        foreach (var name in merged.Names.Where(n => !survivor.Names.Any(s => s.SameAs(n.Text, n.Script))))
        {
            var type = name.Type is NameType.Legal or NameType.Primary ? NameType.Alias : name.Type;
            names.Add(name with { Id = nextId++, Type = type, IsPrimary = false });
        }

        var identifiers = merged.ExternalIdentifiers.Where(x => !survivor.AllIdentifiers.Contains(x)).ToList();
        string? Taken(string? kept, string? taken) => kept is null ? taken : null;
        return new Decision(survivor.Gid,
        [
            new Appended(survivor.Gid, [new IdentityAbsorbed(merged.Gid, names, identifiers, Taken(survivor.Lei, merged.Lei), Taken(survivor.Orcid, merged.Orcid), Taken(survivor.Isni, merged.Isni))]),
            new Appended(merged.Gid, [new IdentityMerged(survivor.Gid)]),
        ]);
    }

    private static string Describe(IdentityKind kind) => kind == IdentityKind.LegalEntity ? "legal entity" : "natural person";

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<MergeIdentitiesInput, MergeIdentitiesInputGraphType>(
            "mergeIdentities",
            "Merges a duplicate into the surviving identity and returns the survivor: the office that manages both, or governance. Identities managed by two offices merge by requestMerge and acceptMerge. Needs gid:merge; a reason is required.",
            From,
            reasonRequired: true,
            scope: Scopes.Merge,
            governanceCorrects: true);
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
