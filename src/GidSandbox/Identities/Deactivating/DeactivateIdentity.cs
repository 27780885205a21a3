using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Deactivating;

public sealed class DeactivateIdentityInput : IdentityWriteInput;

public sealed record DeactivateIdentity(Gid Gid, long? ExpectedVersion, string Reason) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        return Decision.On(Gid, [new IdentityDeactivated(Reason)]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<DeactivateIdentityInput, DeactivateIdentityInputGraphType>(
            "deactivateIdentity",
            "Deactivates an identity (e.g. registered in error): its managing office or governance. Its GID keeps resolving; a reason is required.",
            input => new DeactivateIdentity(input.Gid, input.ExpectedVersion, input.Reason!.Trim()),
            reasonRequired: true,
            governanceCorrects: true);
}

public sealed class DeactivateIdentityInputGraphType : InputObjectGraphType<DeactivateIdentityInput>
{
    public DeactivateIdentityInputGraphType()
    {
        Name = "DeactivateIdentityInput";
        this.AddWriteFields();
    }
}
