namespace GidSandbox.Access;

/// <summary>
/// Where a browser may be sent back to after signing in: a path of this site, judged as a browser
/// reads the Location header (which drops tabs and newlines, strips control characters and turns
/// <c>\</c> into <c>/</c>, so <c>/&lt;TAB&gt;/evil.example</c> and <c>/\evil.example</c> both mean
/// <c>//evil.example</c>, another host). Anything doubtful goes to the console's home.
/// </summary>
public static class ReturnUrls
{
    public const string Home = "/console/";

    private static readonly Uri Probe = new("http://return-url.invalid/");

    /// <summary><paramref name="returnUrl"/> if it is certainly a path of this site, otherwise <see cref="Home"/>.</summary>
    public static string LocalOrHome(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : Home;

    public static bool IsLocal(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 4096 || returnUrl.Any(Refused))
        {
            return false;
        }

        // The path as written and as decoded once (by a proxy or a second redirect) must both stay a path.
        var path = returnUrl.Split('?', '#')[0];
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return false;
        }

        return StaysOnSite(path) && StaysOnSite(decoded) && !decoded.Any(Refused)
            && Uri.TryCreate(Probe, returnUrl, out var resolved) && resolved.Authority == Probe.Authority;
    }

    private static bool StaysOnSite(string path) => path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Characters a browser drops, rewrites or reads as a separator: never in a return URL.</summary>
    private static bool Refused(char c) => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.IsSurrogate(c) || c is '\u200B' or '\u200E' or '\u200F' or '\uFEFF';
}
