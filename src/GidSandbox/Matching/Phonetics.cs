namespace GidSandbox.Matching;

/// <summary>Sound-alike codes for tokens, so "Smyth" meets "Smith" and "Mohammed" meets "Muhammad".</summary>
public static class Phonetics
{
    private const string Codes = "01230120022455012623010202"; // a..z, American Soundex

    /// <summary>American Soundex of an ASCII token (letter and three digits); digits-only tokens are their own code.</summary>
    public static string Soundex(string token)
    {
        var letters = token.Where(char.IsAsciiLetterLower).ToArray();
        if (letters.Length == 0)
        {
            return token;
        }

        var code = new System.Text.StringBuilder(4).Append(char.ToUpperInvariant(letters[0]));
        var last = Codes[letters[0] - 'a'];
        foreach (var c in letters.Skip(1))
        {
            var digit = Codes[c - 'a'];
            if (digit != '0' && digit != last)
            {
                code.Append(digit);
                if (code.Length == 4)
                {
                    break;
                }
            }

            // h and w do not separate two letters of the same code; vowels do.
            if (c is not ('h' or 'w'))
            {
                last = digit;
            }
        }

        return code.ToString().PadRight(4, '0');
    }
}
