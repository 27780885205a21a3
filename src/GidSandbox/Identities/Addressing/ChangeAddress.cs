using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Addressing;

public sealed class ChangeAddressInput : IdentityWriteInput
{
    public AddressInput? Address { get; set; }
}

public sealed record ChangeAddress(Gid Gid, Address? Address)
{
    public static ChangeAddress From(ChangeAddressInput input)
    {
        var problems = new Problems();
        var address = InputRules.ParseAddress(problems, "input.address", input.Address);
        problems.ThrowIfAny();
        return new ChangeAddress(input.Gid, address);
    }

    public static IReadOnlyList<object> Decide(Identity identity, ChangeAddress c)
    {
        identity.EnsureActive();
        return Equals(identity.Address, c.Address) || SameAddress(identity.Address, c.Address) ? [] : [new AddressChanged(c.Address)];
    }

    private static bool SameAddress(Address? a, Address? b) =>
        a is not null && b is not null && a.Lines.SequenceEqual(b.Lines) && a with { Lines = b.Lines } == b;

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<ChangeAddressInput, ChangeAddressInputGraphType>(
            "changeAddress",
            "Replaces the identity's address; address: null removes it. An unchanged address records nothing.",
            input =>
            {
                var command = From(input);
                return identity => Decide(identity, command);
            });
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
