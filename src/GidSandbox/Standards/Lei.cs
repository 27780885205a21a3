namespace GidSandbox.Standards;

/// <summary>Legal Entity Identifiers (ISO 17442): 18 letters or digits and two check digits, MOD 97-10.</summary>
public static class Lei
{
    public static bool TryNormalize(string? input, out string lei, out string? error)
    {
        lei = (input ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var shown = Identifiers.Quote(input);
        error = lei.Length != 20 ? $"An LEI has 20 characters; {shown} has {lei.Length}."
            : lei.FirstOrDefault(c => !char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)) is var bad and not '\0'
                ? $"{shown} contains '{bad}'; an LEI has only letters A-Z and digits."
            : !char.IsAsciiDigit(lei[18]) || !char.IsAsciiDigit(lei[19]) ? $"The last two characters of an LEI are check digits; {shown} ends in '{lei[18..]}'."
            : !Iso7064.IsValidMod97(lei) ? $"The check digits of {shown} do not match (ISO 17442, MOD 97-10); the LEI was probably mistyped."
            : null;
        return error is null;
    }
}
