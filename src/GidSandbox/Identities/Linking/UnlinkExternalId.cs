using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Linking;

public sealed class UnlinkExternalIdInput : IdentityWriteInput
{
    public ExternalIdentifierInput Identifier { get; set; } = new();
}

public sealed record UnlinkExternalId(Gid Gid, long? ExpectedVersion, ExternalIdentifier Identifier) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public static UnlinkExternalId From(UnlinkExternalIdInput input)
    {
        var problems = new Problems();
        var identifier = InputRules.ParseExternalIdentifier(problems, "input.identifier", input.Identifier);
        problems.ThrowIfAny();
        return new UnlinkExternalId(input.Gid, input.ExpectedVersion, identifier);
    }

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        if (!identity.AllIdentifiers.Contains(Identifier))
        {
            throw Refusal.NotFound($"{ExternalIdentifierClaim.Describe(Identifier)} is not linked to {identity.Id}.");
        }

        return Decision.On(Gid, [new ExternalIdentifierUnlinked(Identifier)]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.AddIdentityWrite<UnlinkExternalIdInput, UnlinkExternalIdInputGraphType>(
            "unlinkExternalId",
            "Unlinks an identifier linked in error, freeing it for another GID: a local identifier by its issuing office, an LEI, ORCID or ISNI by the office that linked it (governance unlinks any). A reason is required.",
            From,
            reasonRequired: true,
            governanceCorrects: true);
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
