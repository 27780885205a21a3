using GidSandbox.Standards;

namespace GidSandbox.Identities;

// The shapes clients send, shared by the use cases that take them, and their validation into
// domain values. Field paths in problems are the GraphQL input paths, so a client can find them.

public sealed class NameInput
{
    public string Text { get; set; } = "";

    public string Script { get; set; } = "";

    public string? Language { get; set; }

    public NameType? Type { get; set; }

    public bool Primary { get; set; }
}

public sealed class AddressInput
{
    public IReadOnlyList<string> Lines { get; set; } = [];

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? Region { get; set; }

    public string Country { get; set; } = "";
}

public sealed class ExternalIdentifierInput
{
    public string Scheme { get; set; } = "";

    public string Issuer { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>What every write input may carry: its retry key and the caller's reason.</summary>
public interface IWriteInput
{
    string? IdempotencyKey { get; }

    string? Reason { get; }
}

/// <summary>The fields every write to an existing identity takes.</summary>
public abstract class IdentityWriteInput : IWriteInput
{
    public Gid Gid { get; set; }

    public long? ExpectedVersion { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? Reason { get; set; }
}

public static class InputRules
{
    public const int MaxNames = 50;
    public const int MaxShortText = 200;
    public const int MaxReason = 1000;

    public static Name? ParseName(Problems problems, string path, NameInput input, int id, bool primary, NameType defaultType)
    {
        var ok = true;
        if (NameText.Problem(input.Text) is { } textProblem)
        {
            problems.Add($"{path}.text", textProblem);
            ok = false;
        }

        if (!ScriptCodes.TryNormalize(input.Script, out var script))
        {
            problems.Add($"{path}.script", $"'{Shorten(input.Script)}' is not an ISO 15924 script code (e.g. Latn, Cyrl, Hani, Hang, Jpan, Arab).");
            ok = false;
        }
        else if (ok && NameScripts.Problem(input.Text, script) is { } scriptProblem)
        {
            problems.Add($"{path}.text", scriptProblem);
            ok = false;
        }

        string? language = null;
        if (input.Language is { Length: > 0 } tag)
        {
            if (LanguageTags.IsWellFormed(tag))
            {
                language = LanguageTags.Canonicalize(tag);
            }
            else
            {
                problems.Add($"{path}.language", $"'{Shorten(tag)}' is not a well-formed BCP 47 language tag (e.g. en, ja-Latn, zh-Hant-TW).");
                ok = false;
            }
        }

        return ok ? new Name(id, input.Text, script, language, input.Type ?? defaultType, primary) : null;
    }

    /// <summary>Validates the names of a registration; the one marked primary (or else the first) is primary.</summary>
    public static IReadOnlyList<Name> ParseNames(Problems problems, string path, IReadOnlyList<NameInput>? inputs, NameType defaultType)
    {
        if (inputs is null || inputs.Count == 0)
        {
            problems.Add(path, "At least one name is required.");
            return [];
        }

        if (inputs.Count > MaxNames)
        {
            problems.Add(path, $"At most {MaxNames} names can be given; got {inputs.Count}.");
            return [];
        }

        var primaries = inputs.Count(n => n.Primary);
        if (primaries > 1)
        {
            problems.Add(path, $"Exactly one name can be primary; {primaries} are marked primary.");
        }

        var primaryIndex = primaries == 0 ? 0 : inputs.ToList().FindIndex(n => n.Primary);
        var names = new List<Name>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (ParseName(problems, $"{path}[{i}]", inputs[i], i + 1, i == primaryIndex, defaultType) is not { } name)
            {
                continue;
            }

            if (names.Any(n => n.SameAs(name.Text, name.Script)))
            {
                problems.Add($"{path}[{i}].text", $"The name '{Shorten(name.Text)}' ({name.Script}) is given twice.");
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    public static string ParseCountry(Problems problems, string path, string? input)
    {
        if (CountryCodes.TryNormalize(input, out var country))
        {
            return country;
        }

        problems.Add(path, $"'{Shorten(input)}' is not an ISO 3166-1 alpha-2 country code (e.g. CH, JP, KR, US).");
        return "";
    }

    public static Address? ParseAddress(Problems problems, string path, AddressInput? input)
    {
        if (input is null)
        {
            return null;
        }

        if (input.Lines.Count is 0 or > 6)
        {
            problems.Add($"{path}.lines", "An address has one to six lines.");
        }

        for (var i = 0; i < input.Lines.Count; i++)
        {
            CheckText(problems, $"{path}.lines[{i}]", input.Lines[i], MaxShortText);
        }

        CheckOptionalText(problems, $"{path}.city", input.City);
        CheckOptionalText(problems, $"{path}.postalCode", input.PostalCode);
        CheckOptionalText(problems, $"{path}.region", input.Region);
        var country = ParseCountry(problems, $"{path}.country", input.Country);
        return new Address([.. input.Lines], input.City, input.PostalCode, input.Region, country);
    }

    public static ExternalIdentifier ParseExternalIdentifier(Problems problems, string path, ExternalIdentifierInput input)
    {
        CheckText(problems, At(path, "scheme"), input.Scheme, 50);
        CheckText(problems, At(path, "value"), input.Value, MaxShortText);
        if (!OfficeCodes.IsWellFormed(input.Issuer))
        {
            problems.Add(At(path, "issuer"), $"'{Shorten(input.Issuer)}' is not an office code; use the WIPO ST.3 code of the issuing office (e.g. EP, JP, KR, IB).");
        }

        var scheme = input.Scheme.Trim();
        var issuer = input.Issuer.Trim().ToUpperInvariant();
        var value = input.Value.Trim();
        if (ExternalIdentifier.GlobalSchemes.FirstOrDefault(g => string.Equals(g, scheme, StringComparison.OrdinalIgnoreCase)) is { } global)
        {
            // LEI, ORCID and ISNI are one identifier whoever links them: kept in their standard spelling, checked.
            string normalized;
            string? problem;
            var valid = global switch
            {
                ExternalIdentifier.Lei => Lei.TryNormalize(value, out normalized, out problem),
                ExternalIdentifier.Orcid => Orcid.TryNormalize(value, out normalized, out problem),
                _ => Isni.TryNormalize(value, out normalized, out problem),
            };
            if (!valid)
            {
                problems.Add(At(path, "value"), problem!);
            }

            return new ExternalIdentifier(global, issuer, valid ? normalized : value);
        }

        return new ExternalIdentifier(scheme, issuer, value);
    }

    public static IReadOnlyList<ExternalIdentifier> ParseExternalIdentifiers(Problems problems, string path, IReadOnlyList<ExternalIdentifierInput>? inputs)
    {
        var parsed = (inputs ?? []).Select((input, i) => ParseExternalIdentifier(problems, $"{path}[{i}]", input)).ToList();
        var repeated = parsed.GroupBy(x => x.Key).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            problems.Add(path, $"The identifier {repeated.Key} is given twice.");
        }

        return parsed;
    }

    /// <summary>Mock data only (Terms 2.3): contact addresses must be in a domain RFC 2606 reserves.</summary>
    public static string? ParseContactEmail(Problems problems, string path, string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        var domain = at > 0 ? email[(at + 1)..].TrimEnd('.').ToLowerInvariant() : "";
        if (at <= 0 || domain.Length == 0 || email.Length > 254 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add(path, $"'{Shorten(email)}' is not an e-mail address.");
        }
        else if (!IsReservedExampleDomain(domain))
        {
            problems.Add(path, $"The sandbox holds mock data only: use a reserved example domain (RFC 2606) such as example.org, not '{Shorten(domain)}'.");
        }

        return email;
    }

    private static bool IsReservedExampleDomain(string domain) =>
        domain is "example.com" or "example.net" or "example.org" or "example" or "test" or "invalid" or "localhost"
        || domain.EndsWith(".example.com", StringComparison.Ordinal) || domain.EndsWith(".example.net", StringComparison.Ordinal)
        || domain.EndsWith(".example.org", StringComparison.Ordinal) || domain.EndsWith(".example", StringComparison.Ordinal)
        || domain.EndsWith(".test", StringComparison.Ordinal) || domain.EndsWith(".invalid", StringComparison.Ordinal)
        || domain.EndsWith(".localhost", StringComparison.Ordinal);

    public static string ParseReason(Problems problems, string path, string? reason)
    {
        CheckText(problems, path, reason, MaxReason);
        return reason?.Trim() ?? "";
    }

    public static void CheckOptionalText(Problems problems, string path, string? text, int maxLength = MaxShortText)
    {
        if (text is not null)
        {
            CheckText(problems, path, text, maxLength);
        }
    }

    public static void CheckText(Problems problems, string path, string? text, int maxLength)
    {
        if (NameText.Problem(text) is { } problem)
        {
            problems.Add(path, problem.Replace("A name", "The text", StringComparison.Ordinal));
        }
        else if (text!.Length > maxLength)
        {
            problems.Add(path, $"At most {maxLength} characters are allowed; got {text.Length}.");
        }
    }

    private static string At(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    public static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
