using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Linking;

public sealed class UnlinkExternalIdInput : IdentityWriteInput
{
    public ExternalIdentifierInput Identifier { get; set; } = new();
}

public sealed record UnlinkExternalId(Gid Gid, ExternalIdentifier Identifier)
{
    public static UnlinkExternalId From(UnlinkExternalIdInput input)
    {
        var problems = new Problems();
        var identifier = InputRules.ParseExternalIdentifier(problems, "input.identifier", input.Identifier);
        problems.ThrowIfAny();
        return new UnlinkExternalId(input.Gid, identifier);
    }

    public static IReadOnlyList<object> Decide(Identity identity, UnlinkExternalId c)
    {
        identity.EnsureActive();
        if (!identity.ExternalIdentifiers.Contains(c.Identifier))
        {
            throw Refusal.NotFound($"{ExternalIdentifierClaim.Describe(c.Identifier)} is not linked to {identity.Id}.");
        }

        return [new ExternalIdentifierUnlinked(c.Identifier)];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("unlinkExternalId")
            .Description("Unlinks a local identifier linked in error, freeing it for another GID. A reason is required.")
            .Argument<NonNullGraphType<UnlinkExternalIdInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UnlinkExternalIdInput>("input");
                var command = From(input);
                return await Writes.RunAsync(ctx.Store(), ctx.WriteRequest(input, reasonRequired: true), "unlinkExternalId", input,
                    async (session, ct) =>
                    {
                        var identity = await Writes.AppendAsync(session, command.Gid, input.ExpectedVersion, identity => Decide(identity, command), ct);
                        session.Delete<ExternalIdentifierClaim>(command.Identifier.Key);
                        return identity;
                    },
                    ctx.CancellationToken);
            });
}

public sealed class UnlinkExternalIdInputGraphType : InputObjectGraphType<UnlinkExternalIdInput>
{
    public UnlinkExternalIdInputGraphType()
    {
        Name = "UnlinkExternalIdInput";
        this.AddWriteFields();
        Field(x => x.Identifier, type: typeof(NonNullGraphType<ExternalIdentifierInputGraphType>));
    }
}
