using System.Text.Json;
using System.Text.Json.Nodes;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// How pages read the API's answers: each page declares records for the fields it asks for, and
/// reads them once from the GraphQL result (<see cref="ApiAnswer.Read{T}"/>); pages then render records.
/// </summary>
public static class Views
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A field's value as the console shows it: an absent value is a dash.</summary>
    public static string Shown(string? value) => value ?? "—";

    public static T? Read<T>(this JsonNode? node) => node is null ? default : node.Deserialize<T>(Json);

    /// <summary>An identity's identifiers in one line: LEI, ORCID, ISNI and each office's own.</summary>
    public static string Identifiers(string? lei, string? orcid, string? isni, IEnumerable<ExternalIdView>? external)
    {
        var globals = new[] { ("LEI", lei), ("ORCID", orcid), ("ISNI", isni) }
            .Where(g => g.Item2 is not null)
            .Select(g => $"{g.Item1} {g.Item2}");
        var local = (external ?? [])
            .Where(x => !GlobalSchemes.Contains(Shown(x.Scheme).ToLowerInvariant()))
            .Select(x => $"{Shown(x.Issuer)} {Shown(x.Scheme)} {Shown(x.Value)}");
        var all = globals.Concat(local).ToList();
        return all.Count == 0 ? "none" : string.Join("; ", all);
    }

    private static readonly string[] GlobalSchemes = ["lei", "orcid", "isni"];
}

/// <summary>An office's identifier linked to an identity (<c>externalIdentifiers</c>).</summary>
public sealed record ExternalIdView(string? Scheme, string? Issuer, string? Value);

/// <summary>An identity's address (<c>address</c>).</summary>
public sealed record AddressView(IReadOnlyList<string> Lines, string? City, string? PostalCode, string? Country);

/// <summary>One of an identity's names (<c>names</c>).</summary>
public sealed record NameView(string Text, string? Script, string? Type, bool Primary);

/// <summary>The caller as the API describes it (<c>me</c>).</summary>
public sealed record MeView(string? Office, string? Name, string? Role, IReadOnlyList<string>? Scopes, string? TermsStatus, string? TermsVersion);
