using GidSandbox.Access;
using GidSandbox.GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Merging;

/// <summary>
/// The managing office of one of two identities asks to merge them; the request waits on the other identity,
/// whose managing office accepts (and the merge happens) or declines.
/// </summary>
public sealed record RequestMerge(Gid Survivor, long? ExpectedSurvivorVersion, Gid Merged, long? ExpectedMergedVersion) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Survivor, ExpectedSurvivorVersion), (Merged, ExpectedMergedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var (survivor, merged) = (facts.Get(Survivor), facts.Get(Merged));
        MergeIdentities.EnsureMergeable(survivor, merged);
        if (Ownership.Manages(survivor, by) && Ownership.Manages(merged, by))
        {
            throw Refusal.Conflict($"{by.Office} manages both {Survivor} and {Merged}: merge them with mergeIdentities.");
        }

        var other = Ownership.Manages(survivor, by) ? merged : survivor;
        if (other.MergeRequests.Any(r => r.SamePair(Survivor, Merged)))
        {
            throw Refusal.Conflict($"The merge of {Merged} into {Survivor} was already asked for; it waits for {other.ManagingOffice}.");
        }

        return new Decision(other.Gid, [new Appended(other.Gid, [new MergeRequested(Survivor, Merged, by.Office)])]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<MergeIdentitiesInput, MergeIdentitiesInputGraphType>(
            "requestMerge",
            "Asks the other managing office to agree to merging two identities, one of which your office manages; returns the identity the request waits on (mergeRequests). Needs gid:merge; a reason is required.",
            input =>
            {
                var merge = MergeIdentities.From(input);
                return new RequestMerge(merge.Survivor, merge.ExpectedSurvivorVersion, merge.Merged, merge.ExpectedMergedVersion);
            },
            reasonRequired: true,
            scope: Scopes.Merge);
}

/// <summary>The managing office a merge request waits for accepts it (the merge happens) or declines it.</summary>
public sealed record AnswerMerge(Gid Survivor, long? ExpectedSurvivorVersion, Gid Merged, long? ExpectedMergedVersion, bool Accept) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Survivor, ExpectedSurvivorVersion), (Merged, ExpectedMergedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var (survivor, merged) = (facts.Get(Survivor), facts.Get(Merged));
        var waiting = new[] { survivor, merged }.FirstOrDefault(i => Ownership.Manages(i, by) && i.MergeRequests.Any(r => r.SamePair(Survivor, Merged)))
            ?? throw Refusal.NotFound($"No request to merge {Merged} into {Survivor} waits for {by.Office}.");
        return Accept
            ? MergeIdentities.Combine(survivor, merged)
            : new Decision(waiting.Gid, [new Appended(waiting.Gid, [new MergeRequestDeclined(Survivor, Merged)])]);
    }

    public static void Map(ObjectGraphType mutation)
    {
        foreach (var accept in new[] { true, false })
        {
            mutation.AddIdentityWrite<MergeIdentitiesInput, MergeIdentitiesInputGraphType>(
                accept ? "acceptMerge" : "declineMerge",
                accept
                    ? "Accepts a merge another managing office asked for (requestMerge) on an identity your office manages: the merge happens and the survivor is returned. A reason is required."
                    : "Declines a merge another managing office asked for on an identity your office manages. A reason is required.",
                input =>
                {
                    var merge = MergeIdentities.From(input);
                    return new AnswerMerge(merge.Survivor, merge.ExpectedSurvivorVersion, merge.Merged, merge.ExpectedMergedVersion, accept);
                },
                reasonRequired: true);
        }
    }
}
