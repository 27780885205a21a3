using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Deactivating;

public sealed class DeactivateIdentityInput : IdentityWriteInput;

public static class DeactivateIdentity
{
    public static IReadOnlyList<object> Decide(Identity identity, string reason)
    {
        identity.EnsureActive();
        return [new IdentityDeactivated(reason)];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<DeactivateIdentityInput, DeactivateIdentityInputGraphType>(
            "deactivateIdentity",
            "Deactivates an identity (e.g. registered in error). Its GID keeps resolving; a reason is required.",
            input => identity => Decide(identity, input.Reason!.Trim()),
            reasonRequired: true);
}

public sealed class DeactivateIdentityInputGraphType : InputObjectGraphType<DeactivateIdentityInput>
{
    public DeactivateIdentityInputGraphType()
    {
        Name = "DeactivateIdentityInput";
        this.AddWriteFields();
    }
}
