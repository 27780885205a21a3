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
}

/// <summary>The caller as the API describes it (<c>me</c>).</summary>
public sealed record MeView(string? Office, string? Name, string? Role, IReadOnlyList<string>? Scopes, string? TermsStatus, string? TermsVersion);
