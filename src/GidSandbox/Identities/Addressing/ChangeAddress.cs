using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Addressing;

public sealed class ChangeAddressInput : IdentityWriteInput
{
    public AddressInput? Address { get; set; }
}

public sealed record ChangeAddress(Gid Gid, long? ExpectedVersion, Address? Address) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public static ChangeAddress From(ChangeAddressInput input)
    {
        var problems = new Problems();
        var address = InputRules.ParseAddress(problems, "input.address", input.Address);
        problems.ThrowIfAny();
        return new ChangeAddress(input.Gid, input.ExpectedVersion, address);
    }

    /// <summary>Only reached by the managing office or governance (<see cref="Ownership"/>), so comparing with the stored address tells no one else anything.</summary>
    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        return Equals(identity.Address, Address)
            ? Decision.On(Gid, [])
            : Decision.On(Gid, [new AddressChanged(Address is null ? null : Address with { AssertedBy = by.Office, AssertedAt = by.At })]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<ChangeAddressInput, ChangeAddressInputGraphType>(
            "changeAddress",
            "Replaces the identity's address; address: null removes it. Only the managing office (or governance) changes it; an unchanged address records nothing.",
            From,
            governanceCorrects: true);
}

public sealed class ChangeAddressInputGraphType : InputObjectGraphType<ChangeAddressInput>
{
    public ChangeAddressInputGraphType()
    {
        Name = "ChangeAddressInput";
        this.AddWriteFields();
        Field(x => x.Address, type: typeof(AddressInputGraphType));
    }
}
