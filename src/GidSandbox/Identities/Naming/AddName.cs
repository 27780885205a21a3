using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Naming;

public sealed class AddNameInput : IdentityWriteInput
{
    public NameInput Name { get; set; } = new();
}

public sealed record AddName(Gid Gid, long? ExpectedVersion, Name Name) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public static AddName From(AddNameInput input)
    {
        var problems = new Problems();
        var name = InputRules.ParseName(problems, "input.name", input.Name, id: 0, input.Name.Primary, NameType.Alias);
        problems.ThrowIfAny();
        return new AddName(input.Gid, input.ExpectedVersion, name!);
    }

    /// <summary>Any office adds its own names; the name records who asserted it and when.</summary>
    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        if (identity.Names.Any(n => n.SameAs(Name.Text, Name.Script)))
        {
            throw Refusal.Conflict($"{identity.Id} already has the name '{InputRules.Shorten(Name.Text)}' ({Name.Script}).");
        }

        if (identity.Names.Count >= InputRules.MaxNames)
        {
            throw Refusal.Conflict($"{identity.Id} already has {InputRules.MaxNames} names, the most an identity can have.");
        }

        return Decision.On(Gid, [new NameAdded(Name with { Id = identity.NextNameId, AssertedBy = by.Office, AssertedAt = by.At })]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<AddNameInput, AddNameInputGraphType>(
            "addName",
            "Adds your office's name for the identity (a transliteration, translation, alias or former name). Only the managing office makes a name primary (primary: true).",
            From);
}

public sealed class AddNameInputGraphType : InputObjectGraphType<AddNameInput>
{
    public AddNameInputGraphType()
    {
        Name = "AddNameInput";
        this.AddWriteFields();
        Field(x => x.Name, type: typeof(NonNullGraphType<NameInputGraphType>));
    }
}
