using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Standards;
using GraphQL.Types;

namespace GidSandbox.Identities.Managing;

public sealed class ManagementTransferInput : IdentityWriteInput;

public sealed class ReassignManagementInput : IdentityWriteInput
{
    public string ToOffice { get; set; } = "";
}

/// <summary>An office asks to take over the management of an identity; its managing office answers.</summary>
public sealed record RequestManagementTransfer(Gid Gid, long? ExpectedVersion) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        identity.EnsureActive();
        if (Ownership.Manages(identity, by))
        {
            throw Refusal.Conflict($"{by.Office} manages {identity.Id} already.");
        }

        if (identity.TransferRequestedBy is { } pending)
        {
            throw Refusal.Conflict(pending == by.Office
                ? $"{by.Office} asked for the management of {identity.Id} already; it waits for {identity.ManagingOffice}."
                : $"{pending} asked for the management of {identity.Id} first; ask again once {identity.ManagingOffice} has answered it.");
        }

        return Decision.On(Gid, [new ManagementTransferRequested(by.Office)]);
    }

    public static void Map(ObjectGraphType mutation)
    {
        mutation.AddIdentityWrite<ManagementTransferInput, ManagementTransferInputGraphType>(
            "requestManagementTransfer",
            "Asks to take over the management of an identity; its managing office accepts (acceptManagementTransfer) or declines. A reason is required.",
            input => new RequestManagementTransfer(input.Gid, input.ExpectedVersion),
            reasonRequired: true);
        foreach (var accept in new[] { true, false })
        {
            mutation.AddIdentityWrite<ManagementTransferInput, ManagementTransferInputGraphType>(
                accept ? "acceptManagementTransfer" : "declineManagementTransfer",
                accept
                    ? "Hands the management of an identity your office manages to the office that asked for it. A reason is required."
                    : "Declines another office's request to take over the management of an identity your office manages. A reason is required.",
                input => new AnswerManagementTransfer(input.Gid, input.ExpectedVersion, accept),
                reasonRequired: true);
        }

        mutation.AddIdentityWrite<ReassignManagementInput, ReassignManagementInputGraphType>(
            "reassignManagement",
            "Governance: gives the management of an identity to another office. A reason is required.",
            input => ReassignManagement.From(input),
            reasonRequired: true,
            scope: Scopes.GovernanceAdmin,
            governanceCorrects: true);
    }
}

public sealed record AnswerManagementTransfer(Gid Gid, long? ExpectedVersion, bool Accept) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        var to = identity.TransferRequestedBy ?? throw Refusal.NotFound($"No office asked to take over the management of {identity.Id}.");
        return Decision.On(Gid, [Accept ? new ManagementTransferred(identity.ManagingOffice, to, ByGovernance: false) : new ManagementTransferDeclined(to)]);
    }
}

public sealed record ReassignManagement(Gid Gid, long? ExpectedVersion, string ToOffice) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public static ReassignManagement From(ReassignManagementInput input) =>
        OfficeCodes.IsWellFormed(input.ToOffice)
            ? new ReassignManagement(input.Gid, input.ExpectedVersion, input.ToOffice.Trim().ToUpperInvariant())
            : throw Refusal.Invalid("input.toOffice", $"'{InputRules.Shorten(input.ToOffice)}' is not an office code; use the WIPO ST.3 code of a participating office (e.g. EP, JP, KR).");

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        if (identity.Status == IdentityStatus.Merged)
        {
            throw Refusal.Conflict($"{identity.Id} was merged into {identity.MergedInto}; reassign the management of {identity.MergedInto} instead.");
        }

        return identity.ManagingOffice == ToOffice
            ? throw Refusal.Conflict($"{ToOffice} manages {identity.Id} already.")
            : Decision.On(Gid, [new ManagementTransferred(identity.ManagingOffice, ToOffice, ByGovernance: true)]);
    }
}

public sealed class ManagementTransferInputGraphType : InputObjectGraphType<ManagementTransferInput>
{
    public ManagementTransferInputGraphType()
    {
        Name = "ManagementTransferInput";
        this.AddWriteFields();
    }
}

public sealed class ReassignManagementInputGraphType : InputObjectGraphType<ReassignManagementInput>
{
    public ReassignManagementInputGraphType()
    {
        Name = "ReassignManagementInput";
        this.AddWriteFields();
        Field(x => x.ToOffice).Description("The WIPO ST.3 code of the office that will manage the identity.");
    }
}
