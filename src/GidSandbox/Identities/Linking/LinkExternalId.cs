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
        mutation.AddIdentityWrite<LinkExternalIdInput, LinkExternalIdInputGraphType>(
            "linkExternalId",
            "Links an office's local identifier (e.g. an applicant number) to the GID. One identifier maps to at most one live GID.",
            input =>
            {
                var command = From(input);
                return identity => Decide(identity, command);
            },
            alongside: (session, input, ct) => ExternalIdentifierClaim.ClaimAsync(session, input.Gid, [From(input).Identifier], ct));
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
