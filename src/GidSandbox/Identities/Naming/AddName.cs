using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Naming;

public sealed class AddNameInput : IdentityWriteInput
{
    public NameInput Name { get; set; } = new();
}

public sealed record AddName(Gid Gid, Name Name)
{
    public static AddName From(AddNameInput input)
    {
        var problems = new Problems();
        var name = InputRules.ParseName(problems, "input.name", input.Name, id: 0, input.Name.Primary, NameType.Alias);
        problems.ThrowIfAny();
        return new AddName(input.Gid, name!);
    }

    public static IReadOnlyList<object> Decide(Identity identity, AddName c)
    {
        identity.EnsureActive();
        if (identity.Names.Any(n => n.SameAs(c.Name.Text, c.Name.Script)))
        {
            throw Refusal.Conflict($"{identity.Id} already has the name '{InputRules.Shorten(c.Name.Text)}' ({c.Name.Script}).");
        }

        if (identity.Names.Count >= InputRules.MaxNames)
        {
            throw Refusal.Conflict($"{identity.Id} already has {InputRules.MaxNames} names, the most an identity can have.");
        }

        return [new NameAdded(c.Name with { Id = identity.NextNameId })];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<AddNameInput, AddNameInputGraphType>(
            "addName",
            "Adds a name (a transliteration, translation, alias or former name); with primary: true it becomes the primary name.",
            input =>
            {
                var command = From(input);
                return identity => Decide(identity, command);
            });
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
