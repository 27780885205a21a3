using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GidSandbox.Identities;
using GidSandbox.Identities.Registering;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace GidSandbox.MockData;

/// <summary>
/// One line of a mock-data NDJSON file: one write an office makes at a simulated instant. The
/// inputs are the API's own input shapes, so a line is checked exactly as a request would be.
/// </summary>
public sealed class MockLine
{
    public const string RegisterLegalEntity = "registerLegalEntity";
    public const string RegisterNaturalPerson = "registerNaturalPerson";
    public const string AcceptTermsOfUse = "acceptTermsOfUse";
    public const string AddName = "addName";
    public const string LinkExternalId = "linkExternalId";
    public const string MergeIdentities = "mergeIdentities";
    public const string DeactivateIdentity = "deactivateIdentity";
    public const string RequestMerge = "requestMerge";
    public const string AcceptMerge = "acceptMerge";
    public const string RequestManagementTransfer = "requestManagementTransfer";
    public const string AcceptManagementTransfer = "acceptManagementTransfer";

    public static readonly IReadOnlyList<string> Types =
    [
        RegisterLegalEntity, RegisterNaturalPerson, AddName, LinkExternalId, MergeIdentities, RequestMerge, AcceptMerge,
        RequestManagementTransfer, AcceptManagementTransfer, DeactivateIdentity, AcceptTermsOfUse,
    ];

    public string Type { get; set; } = "";

    /// <summary>When the write happens in the mock world; recorded as its events' timestamp (mock-data/README.md).</summary>
    public Instant At { get; set; }

    /// <summary>The office that makes the write (WIPO ST.3 code).</summary>
    public string Office { get; set; } = "";

    /// <summary>The identity written to: the new GID of a registration, the survivor of a merge.</summary>
    public string? Gid { get; set; }

    /// <summary>Ground truth: the real-world party behind the identity, the same for all its spellings and duplicates.</summary>
    public string? Party { get; set; }

    /// <summary>inventor, applicant, agent, company, university, institute or government.</summary>
    public string? Role { get; set; }

    /// <summary>How this spelling differs from the party's own (e.g. legal-form, word-order, typo), for duplicates and office variants.</summary>
    public string? Variant { get; set; }

    public RegisterLegalEntityInput? LegalEntity { get; set; }

    public RegisterNaturalPersonInput? NaturalPerson { get; set; }

    public NameInput? Name { get; set; }

    public ExternalIdentifierInput? Identifier { get; set; }

    /// <summary>The GID merged into <see cref="Gid"/>.</summary>
    public string? Merged { get; set; }

    public string? Reason { get; set; }

    public string? TermsVersion { get; set; }

    /// <summary>A copy of this line as another write, by <paramref name="office"/> at <paramref name="at"/>.</summary>
    public MockLine With(string type, string office, Instant at)
    {
        var copy = (MockLine)MemberwiseClone();
        copy.Type = type;
        copy.Office = office;
        copy.At = at;
        return copy;
    }

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Native scripts stay readable in the files; NDJSON needs no HTML escaping.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }
}
