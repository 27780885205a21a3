using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Linking;

public sealed class LinkExternalIdInput : IdentityWriteInput
{
    public ExternalIdentifierInput Identifier { get; set; } = new();
}

public sealed record LinkExternalId(Gid Gid, ExternalIdentifier Identifier)
{
    public static LinkExternalId From(LinkExternalIdInput input)
    {
        var problems = new Problems();
        var identifier = InputRules.ParseExternalIdentifier(problems, "input.identifier", input.Identifier);
        problems.ThrowIfAny();
        return new LinkExternalId(input.Gid, identifier);
    }

    public static IReadOnlyList<object> Decide(Identity identity, LinkExternalId c)
    {
        identity.EnsureActive();
        if (identity.ExternalIdentifiers.Contains(c.Identifier))
        {
            throw Refusal.Conflict($"{ExternalIdentifierClaim.Describe(c.Identifier)} is already linked to {identity.Id}.");
        }

        return [new ExternalIdentifierLinked(c.Identifier)];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("linkExternalId")
            .Description("Links an office's local identifier (e.g. an applicant number) to the GID. One identifier maps to at most one live GID.")
            .Argument<NonNullGraphType<LinkExternalIdInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<LinkExternalIdInput>("input");
                var command = From(input);
                return await Writes.RunAsync(ctx.Store(), ctx.WriteRequest(input), "linkExternalId", input,
                    async (session, ct) =>
                    {
                        var identity = await Writes.AppendAsync(session, command.Gid, input.ExpectedVersion, identity => Decide(identity, command), ct);
                        await ExternalIdentifierClaim.ClaimAsync(session, command.Gid, [command.Identifier], ct);
                        return identity;
                    },
                    ctx.CancellationToken);
            });
}

public sealed class LinkExternalIdInputGraphType : InputObjectGraphType<LinkExternalIdInput>
{
    public LinkExternalIdInputGraphType()
    {
        Name = "LinkExternalIdInput";
        this.AddWriteFields();
        Field(x => x.Identifier, type: typeof(NonNullGraphType<ExternalIdentifierInputGraphType>));
    }
}
