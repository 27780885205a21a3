using System.Text.Json.Nodes;
using GidSandbox.Challenges;

namespace GidSandbox.Identities.Erasing;

/// <summary>
/// What an erasure leaves of an event: the person's own events keep their shape (types, ids, versions, offices,
/// times, GIDs) and lose every value about the person; another event that mentions them loses those values only.
/// </summary>
public static class ErasureMasks
{
    public const string Erased = "[erased]";

    /// <summary>Stands for an erased person's country: ISO 3166-1's user-assigned code for "unknown".</summary>
    public const string UnknownCountry = "ZZ";

    /// <summary>An event of the erased person's own streams (an identity or a challenge of it), field by field.</summary>
    public static object MaskOwn(object data) => data switch
    {
        NaturalPersonRegistered e => e with
        {
            Names = [.. e.Names.Select(Mask)],
            Country = UnknownCountry,
            Address = null,
            Orcid = null,
            Isni = null,
            ContactEmail = null,
            DuplicateOverride = e.DuplicateOverride is { } o ? new DuplicateOverride(Erased, [.. o.Candidates.Select(c => c with { MatchedName = Erased })]) : null,
        },
        NameAdded e => e with { Name = Mask(e.Name) },
        AddressChanged e => e with { Address = null },
        ExternalIdentifierLinked e => e with { Identifier = Mask(e.Identifier) },
        ExternalIdentifierUnlinked e => e with { Identifier = Mask(e.Identifier) },
        IdentityAbsorbed e => e with { Names = [.. e.Names.Select(Mask)], ExternalIdentifiers = [.. e.ExternalIdentifiers.Select(Mask)], Lei = null, Orcid = null, Isni = null },
        IdentityDeactivated e => e with { Reason = Erased },
        ChallengeRaised e => e with { Reason = Erased },
        ChallengeResolved e => e with { Reason = Erased },
        _ => data,
    };

    private static Name Mask(Name name) => name with { Text = Erased, Language = null };

    private static ExternalIdentifier Mask(ExternalIdentifier identifier) => identifier with { Value = Erased };

    /// <summary>In another identity's registration: the erased person's names among the look-alikes its office was shown.</summary>
    public static bool MaskCandidates(JsonNode? registration, IReadOnlyCollection<string> gids)
    {
        var changed = false;
        foreach (var candidate in (registration?["duplicateOverride"]?["candidates"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (candidate["gid"]?.GetValue<string>() is { } gid && gids.Contains(gid) && candidate["matchedName"]?.GetValue<string>() != Erased)
            {
                candidate["matchedName"] = Erased;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Replaces every occurrence of the person's <paramref name="strings"/> in the string values of a JSON tree; true if any was.</summary>
    public static bool Scrub(JsonNode? node, IReadOnlyList<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                var changed = false;
                foreach (var (key, value) in o.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && Scrubbed(text, strings) is { } scrubbed)
                    {
                        o[key] = scrubbed;
                        changed = true;
                    }
                    else
                    {
                        changed |= Scrub(value, strings);
                    }
                }

                return changed;
            case JsonArray a:
                var any = false;
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text) && Scrubbed(text, strings) is { } scrubbed)
                    {
                        a[i] = scrubbed;
                        any = true;
                    }
                    else
                    {
                        any |= Scrub(a[i], strings);
                    }
                }

                return any;
            default:
                return false;
        }
    }

    private static string? Scrubbed(string text, IReadOnlyList<string> strings)
    {
        var result = text;
        foreach (var s in strings)
        {
            result = result.Replace(s, Erased, StringComparison.OrdinalIgnoreCase);
        }

        return result == text ? null : result;
    }

    /// <summary>The strings that say who the person is, longest first (so a name is replaced before a part of it), from every identity of theirs as the registry held it.</summary>
    public static IReadOnlyList<string> StringsOf(IEnumerable<Identity> identities, IEnumerable<object> events) =>
        [.. identities.SelectMany(StringsOf).Concat(events.SelectMany(StringsOfEvent))
            .Select(s => s.Trim()).Where(s => s.Length >= MinLength && s != Erased).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(s => s.Length)];

    /// <summary>Shorter strings (initials, a two-letter name) would replace parts of unrelated words.</summary>
    private const int MinLength = 3;

    private static IEnumerable<string> StringsOf(Identity identity) =>
        identity.Names.Select(n => n.Text)
            .Concat(identity.AllIdentifiers.Select(x => x.Value))
            .Concat(Address(identity.Address))
            .Concat(identity.ContactEmail is { } email ? [email] : []);

    private static IEnumerable<string> StringsOfEvent(object data) => data switch
    {
        NaturalPersonRegistered e => e.Names.Select(n => n.Text).Concat(Address(e.Address)).Concat(new[] { e.Orcid, e.Isni, e.ContactEmail }.OfType<string>()),
        NameAdded e => [e.Name.Text],
        AddressChanged e => Address(e.Address),
        ExternalIdentifierLinked e => [e.Identifier.Value],
        ExternalIdentifierUnlinked e => [e.Identifier.Value],
        IdentityAbsorbed e => e.Names.Select(n => n.Text).Concat(e.ExternalIdentifiers.Select(x => x.Value)).Concat(new[] { e.Orcid, e.Isni }.OfType<string>()),
        _ => [],
    };

    private static IEnumerable<string> Address(Address? address) =>
        address?.Lines ?? []; // a city or postal code is shared with others: masked in the person's own events only
}
