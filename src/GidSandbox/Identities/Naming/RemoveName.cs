using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Naming;

public sealed class RemoveNameInput : IdentityWriteInput
{
    public int NameId { get; set; }
}

public sealed record RemoveName(Gid Gid, int NameId)
{
    public static IReadOnlyList<object> Decide(Identity identity, RemoveName c)
    {
        identity.EnsureActive();
        var name = identity.Names.FirstOrDefault(n => n.Id == c.NameId)
            ?? throw Refusal.NotFound($"{identity.Id} has no name with id {c.NameId}; its names are {string.Join(", ", identity.Names.Select(n => n.Id))}.");
        if (name.IsPrimary)
        {
            throw Refusal.Conflict($"Name {c.NameId} is the primary name of {identity.Id}; add another name with primary: true first.");
        }

        return [new NameRemoved(c.NameId)];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<RemoveNameInput, RemoveNameInputGraphType>(
            "removeName",
            "Removes a name that is wrong. The primary name cannot be removed; a reason is required.",
            input => identity => Decide(identity, new RemoveName(input.Gid, input.NameId)),
            reasonRequired: true);
}

public sealed class RemoveNameInputGraphType : InputObjectGraphType<RemoveNameInput>
{
    public RemoveNameInputGraphType()
    {
        Name = "RemoveNameInput";
        this.AddWriteFields();
        Field(x => x.NameId).Description("The id of the name, as the identity's names list it.");
    }
}
