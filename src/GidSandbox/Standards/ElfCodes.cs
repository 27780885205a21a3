namespace GidSandbox.Standards;

/// <summary>ISO 20275 Entity Legal Form codes: four characters, letters and digits.</summary>
public static class ElfCodes
{
    public static bool IsWellFormed(string? code) =>
        code is { Length: 4 } && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
