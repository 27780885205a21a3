using GidSandbox.Access;
using GidSandbox.GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Merging;

public sealed class DismissDuplicateInput : IWriteInput
{
    public Gid First { get; set; }

    public long? ExpectedFirstVersion { get; set; }

    public Gid Second { get; set; }

    public long? ExpectedSecondVersion { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// A duplicate candidate pair reviewed and found to be two parties: recorded on both identities, with the
/// reason, so duplicateCandidates proposes the pair no more. Whoever may merge the two decides it.
/// </summary>
public sealed record DismissDuplicate(Gid First, long? ExpectedFirstVersion, Gid Second, long? ExpectedSecondVersion) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(First, ExpectedFirstVersion), (Second, ExpectedSecondVersion)];

    public static DismissDuplicate From(DismissDuplicateInput input) =>
        input.First == input.Second
            ? throw Refusal.Invalid("input.second", "A pair is two different GIDs; name the other identity of the pair.")
            : new DismissDuplicate(input.First, input.ExpectedFirstVersion, input.Second, input.ExpectedSecondVersion);

    public Decision Decide(Facts facts, Writer by)
    {
        var (first, second) = (facts.Get(First), facts.Get(Second));
        first.EnsureActive();
        second.EnsureActive();
        if (first.NotDuplicates.Contains(second.Id))
        {
            throw Refusal.Conflict($"The pair {First} and {Second} was already dismissed as two parties.");
        }

        return new Decision(First, [new Appended(First, [new DuplicateDismissed(Second)]), new Appended(Second, [new DuplicateDismissed(First)])]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<DismissDuplicateInput, DismissDuplicateInputGraphType>(
            "dismissDuplicate",
            "Records that a duplicate candidate pair (duplicateCandidates) is two parties, so it is proposed no more: whoever may merge them (the managing office of either, or governance). Needs gid:merge; a reason is required. Returns the first identity.",
            From,
            reasonRequired: true,
            scope: Scopes.Merge,
            governanceCorrects: true);
}

public sealed class DismissDuplicateInputGraphType : InputObjectGraphType<DismissDuplicateInput>
{
    public DismissDuplicateInputGraphType()
    {
        Name = "DismissDuplicateInput";
        Field(x => x.First, type: typeof(NonNullGraphType<GidGraphType>));
        Field(x => x.ExpectedFirstVersion, nullable: true);
        Field(x => x.Second, type: typeof(NonNullGraphType<GidGraphType>));
        Field(x => x.ExpectedSecondVersion, nullable: true);
        Field(x => x.IdempotencyKey, nullable: true);
        Field(x => x.Reason, nullable: true).Description("Why the two are different parties (required).");
    }
}
