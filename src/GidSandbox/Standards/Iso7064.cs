namespace GidSandbox.Standards;

/// <summary>ISO/IEC 7064 check character systems used by GID, ORCID, ISNI (MOD 11-2) and LEI (MOD 97-10).</summary>
public static class Iso7064
{
    /// <summary>The MOD 11-2 check character ('0'-'9' or 'X') for a string of ASCII digits.</summary>
    public static char Mod11Check(ReadOnlySpan<char> digits)
    {
        var total = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                throw new ArgumentException("MOD 11-2 is computed over ASCII digits only.", nameof(digits));
            }

            total = (total + (digit - '0')) * 2 % 11;
        }

        var result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    /// <summary>True when the letters-and-digits string, read as a number with A=10 … Z=35, is 1 modulo 97.</summary>
    public static bool IsValidMod97(string alphanumeric)
    {
        var remainder = 0;
        foreach (var c in alphanumeric)
        {
            int value;
            if (char.IsAsciiDigit(c))
            {
                value = c - '0';
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                value = c - 'A' + 10;
            }
            else
            {
                return false;
            }

            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return alphanumeric.Length > 0 && remainder == 1;
    }
}
