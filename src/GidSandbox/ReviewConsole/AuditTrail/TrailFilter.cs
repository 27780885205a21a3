using System.Globalization;
using System.Text.RegularExpressions;

namespace GidSandbox.ReviewConsole.AuditTrail;

/// <summary>
/// A filter of the audit trail as the trail page's form sends it (times as the browser's datetime-local values, read as
/// UTC), for the trail page and the export alike.
/// </summary>
internal sealed partial record TrailFilter(string? Gid, string? Office, string? ClientId, IReadOnlyList<string> EventTypes, string? From, string? To, int First, string? After)
{
    public static TrailFilter Of(IQueryCollection query) => new(
        Blank(query["gid"]),
        Blank(query["office"])?.ToUpperInvariant(),
        Blank(query["clientId"]),
        [.. query["eventType"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())],
        Blank(query["from"]),
        Blank(query["to"]),
        int.TryParse(query["first"].ToString(), CultureInfo.InvariantCulture, out var first) ? first : AuditTrailPage.DefaultPageSize,
        Blank(query["after"]));

    public object Variables => new
    {
        filter = new { gid = Gid, office = Office, clientId = ClientId, eventTypes = EventTypes.Count > 0 ? EventTypes : null, from = Instant(From), to = Instant(To) },
        first = First,
        after = After,
    };

    /// <summary>This filter in a console URL (the page, another page of it, or its export).</summary>
    public string Query(string? after = null, string? format = null, bool asInstants = false) => QueryString.Create(
        new (string, string?)[]
        {
            ("format", format),
            ("gid", Gid),
            ("office", Office),
            ("clientId", ClientId),
            ("from", asInstants ? Instant(From) : From),
            ("to", asInstants ? Instant(To) : To),
            ("first", format is null && First != AuditTrailPage.DefaultPageSize ? First.ToString(CultureInfo.InvariantCulture) : null),
            ("after", after),
        }
        .Concat(EventTypes.Select(t => ("eventType", (string?)t)))
        .Where(p => p.Item2 is { Length: > 0 })
        .Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).ToString();

    /// <summary>A datetime-local value (no zone) read as UTC; anything else goes to the API as it is, which judges it.</summary>
    private static string? Instant(string? local) =>
        local is null ? null
            : LocalMinutes().IsMatch(local) ? local + ":00Z"
            : LocalSeconds().IsMatch(local) ? local + "Z"
            : local;

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalMinutes();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSeconds();
}
