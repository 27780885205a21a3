using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Deactivating;

public sealed class ReactivateIdentityInput : IdentityWriteInput;

public static class ReactivateIdentity
{
    public static IReadOnlyList<object> Decide(Identity identity)
    {
        if (identity.Status != IdentityStatus.Deactivated)
        {
            throw Refusal.Conflict(identity.Status == IdentityStatus.Merged
                ? $"{identity.Id} was merged into {identity.MergedInto}; a merged GID cannot be reactivated."
                : $"{identity.Id} is active already.");
        }

        return [new IdentityReactivated()];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<ReactivateIdentityInput, ReactivateIdentityInputGraphType>(
            "reactivateIdentity",
            "Reactivates a deactivated identity. A reason is required.",
            _ => Decide,
            reasonRequired: true);
}

public sealed class ReactivateIdentityInputGraphType : InputObjectGraphType<ReactivateIdentityInput>
{
    public ReactivateIdentityInputGraphType()
    {
        Name = "ReactivateIdentityInput";
        this.AddWriteFields();
    }
}
