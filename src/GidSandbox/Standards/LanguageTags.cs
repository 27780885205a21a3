using System.Text.RegularExpressions;

namespace GidSandbox.Standards;

/// <summary>BCP 47 (RFC 5646) language tags: well-formedness and canonical letter case.</summary>
public static partial class LanguageTags
{
    public static bool IsWellFormed(string? tag) => tag is { Length: > 0 and <= 100 } && WellFormed().IsMatch(tag);

    /// <summary>Language in lower case, script in title case, region in upper case (ja-Latn-JP).</summary>
    public static string Canonicalize(string tag)
    {
        var parts = tag.Split('-');
        var afterSingleton = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].ToLowerInvariant();
            if (i > 0 && !afterSingleton)
            {
                part = part.Length switch
                {
                    1 => part,
                    2 => part.ToUpperInvariant(),
                    4 when char.IsAsciiLetter(part[0]) => char.ToUpperInvariant(part[0]) + part[1..],
                    _ => part,
                };
            }

            afterSingleton |= part.Length == 1;
            parts[i] = part;
        }

        return string.Join('-', parts);
    }

    [GeneratedRegex(
        @"^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wyz](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
