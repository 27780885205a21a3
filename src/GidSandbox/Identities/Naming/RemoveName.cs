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
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("removeName")
            .Description("Removes a name that is wrong. The primary name cannot be removed; a reason is required.")
            .Argument<NonNullGraphType<RemoveNameInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RemoveNameInput>("input");
                var command = new RemoveName(input.Gid, input.NameId);
                return await Writes.RunAsync(ctx.Store(), ctx.WriteRequest(input, reasonRequired: true), "removeName", input,
                    (session, ct) => Writes.AppendAsync(session, command.Gid, input.ExpectedVersion, identity => Decide(identity, command), ct),
                    ctx.CancellationToken);
            });
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
