using System.Net;
using GidSandbox.Tests.ReviewConsole;

namespace GidSandbox.Tests.Rights;

/// <summary>An applicant's console: their own records, their consent and their requests, through the same API.</summary>
[Collection(SandboxCollection.Name)]
public sealed class MyRecordsPageTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task an_applicant_signs_in_to_their_own_records_gives_consent_and_asks_for_erasure()
    {
        var name = $"Ada {Given.UniqueWord()}";
        var own = (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = name, script = "Latn" } }, country = "CH", address = new { lines = new[] { "Rue du Rhône 7" }, city = "Genève", country = "CH" } },
        }))["registerNaturalPerson"]!["identity"]!.AsObject().Gid();
        var other = (await sandbox.ANaturalPerson(country: "CH")).Gid();
        using var visitor = new ConsoleVisitor(sandbox);

        var page = await visitor.SignInToConsole(Applicant.Enrol(sandbox, own));
        var html = await page.Content.ReadAsStringAsync();
        var consented = await visitor.Follow(await visitor.Submit(page, $"/console/me/{own}/consent", new Dictionary<string, string> { ["given"] = "true" }));
        var afterConsent = await consented.Content.ReadAsStringAsync();
        var refused = await visitor.Submit(consented, $"/console/me/{other}/erasure", new Dictionary<string, string>());
        var requested = await visitor.Follow(await visitor.Submit(consented, $"/console/me/{own}/erasure", new Dictionary<string, string>()));

        Assert.Equal("http://localhost/console/me", page.RequestMessage!.RequestUri!.ToString());
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Rue du Rhône 7", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        Assert.Contains("<dt>Consent</dt><dd>Given on", afterConsent, StringComparison.Ordinal);
        Assert.Contains("Withdraw my consent", afterConsent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("FORBIDDEN", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Your request for erasure is with governance", await requested.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var consent = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { consent { given } } }", new { gid = own }, Clients.OfficeWithoutMerge))["identity"]!;
        Given.AssertJson("""{ "consent": { "given": true } }""", consent);
    }
}
