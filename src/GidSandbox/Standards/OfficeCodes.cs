namespace GidSandbox.Standards;

/// <summary>WIPO ST.3 codes of offices: every ISO 3166-1 country code plus the regional and international ones.</summary>
public static class OfficeCodes
{
    private static readonly HashSet<string> International =
        ["AP", "BX", "EA", "EM", "EP", "GC", "IB", "OA", "QZ", "WO", "XN", "XU", "XV"];

    public static bool IsWellFormed(string? code) =>
        code is not null && (International.Contains(code.Trim().ToUpperInvariant()) || CountryCodes.TryNormalize(code.Trim(), out _));
}
