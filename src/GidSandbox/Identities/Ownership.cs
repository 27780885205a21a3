using GidSandbox.Identities.Addressing;
using GidSandbox.Identities.Deactivating;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Managing;
using GidSandbox.Identities.Merging;
using GidSandbox.Identities.Naming;

namespace GidSandbox.Identities;

/// <summary>
/// Who may change what (docs/ownership.md), decided before anything else: before the use case compares a
/// single stored value, so a refused caller learns nothing from the answer. Every identity command has a
/// rule here; a command without one is refused, so a new use case cannot skip the rules.
/// </summary>
public static class Ownership
{
    public static void Authorize(IIdentityCommand command, Facts facts, Writer by)
    {
        var refusal = command switch
        {
            IRegistration => RegisteringIdentifiers(command.Claims, by),
            AddName c => AddingName(facts.Get(c.Gid), c, by),
            RemoveName c => RemovingName(facts.Get(c.Gid), c, by),
            ChangeAddress c => Managing(facts.Get(c.Gid), by, "changes its address and contact details"),
            LinkExternalId c => LinkingIdentifier(c.Identifier, by),
            UnlinkExternalId c => UnlinkingIdentifier(facts.Get(c.Gid), c.Identifier, by),
            DeactivateIdentity c => Managing(facts.Get(c.Gid), by, "deactivates it"),
            ReactivateIdentity c => Managing(facts.Get(c.Gid), by, "reactivates it"),
            MergeIdentities c => Merging(facts.Get(c.Survivor), facts.Get(c.Merged), by),
            RequestMerge c => RequestingMerge(facts.Get(c.Survivor), facts.Get(c.Merged), by),
            AnswerMerge c => AnsweringMerge(facts.Get(c.Survivor), facts.Get(c.Merged), by),
            DismissDuplicate c => DismissingDuplicate(facts.Get(c.First), facts.Get(c.Second), by),
            RequestManagementTransfer => by.Governance ? "Governance does not manage identities; it reassigns their management with reassignManagement." : null,
            AnswerManagementTransfer c => Managing(facts.Get(c.Gid), by, "accepts or declines a transfer of its management", governanceMay: false),
            ReassignManagement => by.Governance ? null : "Only governance reassigns the management of an identity; an office asks with requestManagementTransfer.",
            Erasing.EraseNaturalPerson => by.Governance ? null : "Only governance erases a natural person, on a decision with its legal basis; the person, or an office for them, asks governance (governance/data-protection.md).",
            Rights.RecordConsent c => by.OwnRecords?.Contains(c.Gid.Value) == true ? null : $"Only the person identified by {c.Gid}, signed in as an applicant, records or withdraws their consent (docs/rights.md).",
            _ => $"No ownership rule covers {command.GetType().Name}, so nobody may make it.",
        };
        if (refusal is not null)
        {
            throw new Refusal(ErrorCodes.Forbidden, refusal);
        }
    }

    public static bool Manages(Identity identity, Writer by) => identity.ManagingOffice == by.Office;

    private static string? Managing(Identity identity, Writer by, string what, bool governanceMay = true) =>
        Manages(identity, by) || (governanceMay && by.Governance)
            ? null
            : $"Only {identity.ManagingOffice}, the managing office of {identity.Id}, {what}{(governanceMay ? " (or governance)" : "")}. To dispute its data, raise a challenge (raiseChallenge); to take over its management, ask with requestManagementTransfer.";

    private static string? RegisteringIdentifiers(IEnumerable<ExternalIdentifier> identifiers, Writer by) =>
        identifiers.Select(x => LinkingIdentifier(x, by)).FirstOrDefault(r => r is not null);

    private static string? AddingName(Identity identity, AddName c, Writer by) =>
        c.Name.IsPrimary && !Manages(identity, by) && !by.Governance
            ? $"Only {identity.ManagingOffice}, the managing office of {identity.Id}, chooses its primary name; add yours with primary: false."
            : null;

    private static string? RemovingName(Identity identity, RemoveName c, Writer by)
    {
        var name = identity.Names.FirstOrDefault(n => n.Id == c.NameId);
        var source = name?.AssertedBy ?? identity.ManagingOffice;
        return name is null || source == by.Office || by.Governance
            ? null
            : $"Name {c.NameId} of {identity.Id} is {source}'s assertion; only {source} (or governance) removes it. To dispute it, raise a challenge (kind WRONG_NAME).";
    }

    private static string? LinkingIdentifier(ExternalIdentifier identifier, Writer by) =>
        by.Governance
            ? "Governance corrects links (unlinkExternalId) but asserts none; the office that issued an identifier links it."
            : identifier.IsGlobal || identifier.Issuer == by.Office
                ? null
                : $"{ExternalIdentifierClaim.Describe(identifier)} is {identifier.Issuer}'s own identifier; only {identifier.Issuer} links it. Link the identifiers {by.Office} issued.";

    private static string? UnlinkingIdentifier(Identity identity, ExternalIdentifier identifier, Writer by)
    {
        if (by.Governance)
        {
            return null;
        }

        if (!identifier.IsGlobal)
        {
            return identifier.Issuer == by.Office
                ? null
                : $"{ExternalIdentifierClaim.Describe(identifier)} is {identifier.Issuer}'s own identifier; only {identifier.Issuer} (or governance) unlinks it. To dispute the link, raise a challenge (kind WRONG_IDENTIFIER).";
        }

        var linked = identity.AllIdentifiers.FirstOrDefault(x => x.Equals(identifier));
        var linker = linked?.AssertedBy ?? identity.RegisteringOffice;
        return linked is null || linker == by.Office
            ? null
            : $"{ExternalIdentifierClaim.Describe(identifier)} on {identity.Id} was linked by {linker}; only {linker} (or governance) unlinks it. To dispute it, raise a challenge (kind WRONG_IDENTIFIER).";
    }

    private static string? Merging(Identity survivor, Identity merged, Writer by) =>
        by.Governance || (Manages(survivor, by) && Manages(merged, by))
            ? null
            : Manages(survivor, by) || Manages(merged, by)
                ? $"{survivor.Id} is managed by {survivor.ManagingOffice} and {merged.Id} by {merged.ManagingOffice}: a merge of the two needs both, so ask with requestMerge and {(Manages(survivor, by) ? merged.ManagingOffice : survivor.ManagingOffice)} accepts with acceptMerge."
                : $"Only the managing offices of {survivor.Id} ({survivor.ManagingOffice}) and {merged.Id} ({merged.ManagingOffice}), or governance, merge them. To report a duplicate, raise a challenge (kind SUSPECTED_DUPLICATE).";

    private static string? RequestingMerge(Identity survivor, Identity merged, Writer by) =>
        Manages(survivor, by) || Manages(merged, by)
            ? null
            : $"Only the managing office of {survivor.Id} ({survivor.ManagingOffice}) or of {merged.Id} ({merged.ManagingOffice}) asks to merge them. To report a duplicate, raise a challenge (kind SUSPECTED_DUPLICATE).";

    private static string? DismissingDuplicate(Identity first, Identity second, Writer by) =>
        by.Governance || Manages(first, by) || Manages(second, by)
            ? null
            : $"Only those who may merge {first.Id} ({first.ManagingOffice}) and {second.Id} ({second.ManagingOffice}), their managing offices or governance, dismiss the pair. To report a duplicate, raise a challenge (kind SUSPECTED_DUPLICATE).";

    private static string? AnsweringMerge(Identity survivor, Identity merged, Writer by) =>
        Manages(survivor, by) || Manages(merged, by)
            ? null
            : $"Only the managing office asked to agree to the merge of {merged.Id} into {survivor.Id} answers the request.";
}
