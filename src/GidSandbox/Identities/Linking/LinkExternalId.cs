using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Linking;

public sealed class LinkExternalIdInput : IdentityWriteInput
{
    public ExternalIdentifierInput Identifier { get; set; } = new();
}

public sealed record LinkExternalId(Gid Gid, long? ExpectedVersion, ExternalIdentifier Identifier) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public IReadOnlyList<ExternalIdentifier> Claims => [Identifier];

    public static LinkExternalId From(LinkExternalIdInput input)
    {
        var problems = new Problems();
        var identifier = InputRules.ParseExternalIdentifier(problems, "input.identifier", input.Identifier);
        problems.ThrowIfAny();
        return new LinkExternalId(input.Gid, input.ExpectedVersion, identifier);
    }

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        if (identity.AllIdentifiers.Contains(Identifier))
        {
            throw Refusal.Conflict($"{ExternalIdentifierClaim.Describe(Identifier)} is already linked to {identity.Id}.");
        }

        ExternalIdentifierClaim.EnsureFree(facts, Gid, [Identifier]);
        if (Identifier.IsGlobal && identity.AllIdentifiers.FirstOrDefault(x => x.Scheme == Identifier.Scheme) is { } held && Identifier.Scheme != ExternalIdentifier.Isni)
        {
            throw Refusal.Conflict($"{identity.Id} already has the {Identifier.Scheme} '{held.Value}'; a party has one.");
        }

        return Decision.On(Gid, [new ExternalIdentifierLinked(Identifier with { AssertedBy = by.Office, AssertedAt = by.At })]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<LinkExternalIdInput, LinkExternalIdInputGraphType>(
            "linkExternalId",
            "Links an identifier to the GID: a local identifier your office issued (e.g. an applicant number; issuer is your office), or an LEI, ORCID or ISNI (scheme LEI, ORCID or ISNI). One identifier sits on at most one live GID.",
            From);
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
