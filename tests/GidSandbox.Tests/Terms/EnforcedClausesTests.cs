using System.Text.RegularExpressions;
using GidSandbox.Terms;

namespace GidSandbox.Tests.Terms;

public sealed partial class EnforcedClausesTests
{
    private static string CurrentTermsText() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", ShippedTerms.File));

    [GeneratedRegex(@"^(\d+\.\d+) \*\*\(enforced\)\*\*", RegexOptions.Multiline)]
    private static partial Regex EnforcedClause();

    [Fact]
    public void every_clause_the_code_enforces_is_marked_enforced_in_the_current_terms_and_no_other()
    {
        var marked = EnforcedClause().Matches(CurrentTermsText()).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(EnforcedClauses.All.Keys.Order(StringComparer.Ordinal), marked);
    }

    [Theory]
    [InlineData("5.1", "RATE_LIMITED")]
    [InlineData("6.1", "TERMS_NOT_ACCEPTED")]
    [InlineData("7.1", "OFFICE_SUSPENDED")]
    [InlineData("3.3", "audit:read")]
    [InlineData("8.3", "verifyAuditTrail")]
    public void an_enforced_clause_names_what_a_client_sees_when_it_applies(string clause, string named)
    {
        var text = CurrentTermsText();
        var start = text.IndexOf($"\n{clause} ", StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        var nextClause = Regex.Match(text[(start + 1)..], @"\n\d+\.\d+ ");

        Assert.True(start >= 0, $"Clause {clause} is missing from the Terms.");
        Assert.Contains(named, text[start..Math.Min(end < 0 ? text.Length : end, start + 1 + (nextClause.Success ? nextClause.Index : text.Length - start - 1))], StringComparison.Ordinal);
    }
}
