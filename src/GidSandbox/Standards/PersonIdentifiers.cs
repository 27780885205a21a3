namespace GidSandbox.Standards;

/// <summary>ORCID iDs: 16 characters shown as dddd-dddd-dddd-dddC, MOD 11-2 check character.</summary>
public static class Orcid
{
    private static readonly string[] Prefixes = ["https://orcid.org/", "http://orcid.org/", "orcid.org/"];

    public static bool TryNormalize(string? input, out string orcid, out string? error)
    {
        var text = (input ?? "").Trim();
        foreach (var prefix in Prefixes.Where(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            text = text[prefix.Length..];
        }

        var compact = text.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        error = Identifiers.Mod11_2Problem("An ORCID iD", input, compact);
        orcid = error is null ? $"{compact[..4]}-{compact[4..8]}-{compact[8..12]}-{compact[12..]}" : "";
        return error is null;
    }
}

/// <summary>ISNI (ISO 27729): 16 characters, often shown in groups of four, MOD 11-2 check character.</summary>
public static class Isni
{
    public static bool TryNormalize(string? input, out string isni, out string? error)
    {
        var compact = (input ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        error = Identifiers.Mod11_2Problem("An ISNI", input, compact);
        isni = error is null ? compact : "";
        return error is null;
    }
}

internal static class Identifiers
{
    public static string Quote(string? input) =>
        input is null ? "''" : input.Length <= 40 ? $"'{input}'" : $"'{input[..40]}…'";

    /// <summary>Why 15 digits and a MOD 11-2 check character are not what <paramref name="compact"/> holds, or null.</summary>
    public static string? Mod11_2Problem(string what, string? input, string compact)
    {
        var shown = Quote(input);
        if (compact.Length != 16)
        {
            return $"{what} has 15 digits and a check character; {shown} has {compact.Length} characters.";
        }

        if (compact[..15].FirstOrDefault(c => !char.IsAsciiDigit(c)) is var bad and not '\0')
        {
            return $"{shown} contains '{bad}'; {what[(what.IndexOf(' ', StringComparison.Ordinal) + 1)..]} has digits and a final check character 0-9 or X.";
        }

        var expected = Iso7064.Mod11Check(compact.AsSpan(0, 15));
        return compact[15] == expected
            ? null
            : $"The check character of {shown} is '{compact[15]}' but should be '{expected}'; it was probably mistyped.";
    }
}
