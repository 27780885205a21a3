using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Deactivating;

public sealed class ReactivateIdentityInput : IdentityWriteInput;

public sealed record ReactivateIdentity(Gid Gid, long? ExpectedVersion) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        if (identity.Status != IdentityStatus.Deactivated)
        {
            throw Refusal.Conflict(identity.Status == IdentityStatus.Merged
                ? $"{identity.Id} was merged into {identity.MergedInto}; a merged GID cannot be reactivated."
                : $"{identity.Id} is active already.");
        }

        return Decision.On(Gid, [new IdentityReactivated()]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<ReactivateIdentityInput, ReactivateIdentityInputGraphType>(
            "reactivateIdentity",
            "Reactivates a deactivated identity: its managing office or governance. A reason is required.",
            input => new ReactivateIdentity(input.Gid, input.ExpectedVersion),
            reasonRequired: true,
            governanceCorrects: true);
}

public sealed class ReactivateIdentityInputGraphType : InputObjectGraphType<ReactivateIdentityInput>
{
    public ReactivateIdentityInputGraphType()
    {
        Name = "ReactivateIdentityInput";
        this.AddWriteFields();
    }
}
