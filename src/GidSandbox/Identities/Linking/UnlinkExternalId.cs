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
        mutation.AddIdentityWrite<UnlinkExternalIdInput, UnlinkExternalIdInputGraphType>(
            "unlinkExternalId",
            "Unlinks a local identifier linked in error, freeing it for another GID. A reason is required.",
            input =>
            {
                var command = From(input);
                return identity => Decide(identity, command);
            },
            reasonRequired: true,
            alongside: (session, input, ct) =>
            {
                session.Delete<ExternalIdentifierClaim>(From(input).Identifier.Key);
                return Task.CompletedTask;
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
