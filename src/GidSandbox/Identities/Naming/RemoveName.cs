using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Naming;

public sealed class RemoveNameInput : IdentityWriteInput
{
    public int NameId { get; set; }
}

public sealed record RemoveName(Gid Gid, long? ExpectedVersion, int NameId) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        var name = identity.Names.FirstOrDefault(n => n.Id == NameId)
            ?? throw Refusal.NotFound($"{identity.Id} has no name with id {NameId}; its names are {string.Join(", ", identity.Names.Select(n => n.Id))}.");
        if (name.IsPrimary)
        {
            throw Refusal.Conflict($"Name {NameId} is the primary name of {identity.Id}; add another name with primary: true first.");
        }

        return Decision.On(Gid, [new NameRemoved(NameId)]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<RemoveNameInput, RemoveNameInputGraphType>(
            "removeName",
            "Removes a name your office asserted that is wrong (governance removes any). The primary name cannot be removed; a reason is required.",
            input => new RemoveName(input.Gid, input.ExpectedVersion, input.NameId),
            reasonRequired: true,
            governanceCorrects: true);
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
