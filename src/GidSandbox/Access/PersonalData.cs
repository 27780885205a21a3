using System.Text.Json.Nodes;
using GidSandbox.Identities;

namespace GidSandbox.Access;

/// <summary>
/// Terms 4.1: a natural person's address and contact details are shown only to the office that
/// manages the person's record (the registering office, until a transfer) and to governance; everyone
/// else sees names, country and identifiers.
/// </summary>
public static class PersonalData
{
    private static readonly string[] RestrictedProperties = ["address", "contactEmail"];

    public static bool VisibleTo(Caller caller, IdentityKind kind, string managingOffice) =>
        kind == IdentityKind.LegalEntity
        || caller.Role == ParticipantRole.Governance
        || string.Equals(caller.Actor.Office, managingOffice, StringComparison.Ordinal);

    /// <summary>Also the person themselves, signed in as an applicant, sees their own record whole.</summary>
    public static bool VisibleTo(Caller caller, Identity identity) => VisibleTo(caller, identity.Kind, identity.ManagingOffice) || caller.OwnRecords.Contains(identity.Id);

    /// <summary>
    /// Whether the caller may see which person acted for an office (a user name is personal data too):
    /// the acting office itself and governance; others see the office and client only.
    /// </summary>
    public static bool ActingPersonVisibleTo(Caller caller, string? actingOffice) =>
        caller.Role == ParticipantRole.Governance || string.Equals(caller.Actor.Office, actingOffice, StringComparison.Ordinal);

    /// <summary>Removes the restricted details from recorded event data (history, audit) the caller may not see.</summary>
    public static JsonNode? Redact(JsonNode? data)
    {
        if (data is JsonObject json)
        {
            foreach (var property in RestrictedProperties.Where(json.ContainsKey))
            {
                json[property] = null;
            }
        }

        return data;
    }
}
