using System.Text.RegularExpressions;
using GidSandbox.Identities;
using Marten;
using NodaTime.Text;

namespace GidSandbox.Terms;

/// <summary>Publishes the Terms text shipped in governance/terms-of-use when no version is published yet.</summary>
public static partial class ShippedTerms
{
    public const string File = "governance/terms-of-use/v1.0.md";

    public static Task PublishShippedTermsAsync(this WebApplication app) =>
        PublishAsync(app.Services.GetRequiredService<IDocumentStore>());

    public static async Task PublishAsync(IDocumentStore store)
    {
        await using var session = store.LightweightSession();
        if ((await session.Events.FetchStreamStateAsync(TermsOfUseBook.StreamId)) is not null)
        {
            return;
        }

        var text = await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, File));
        var header = Header().Match(text);
        if (!header.Success)
        {
            throw new InvalidOperationException($"{File} must state 'Effective: yyyy-MM-dd' and 'Grace period …: N days' near its top.");
        }

        Writes.Stamp(session, new WriteRequest(new Actor("IB", "sandbox", "Terms of Use shipped with the sandbox"), Guid.NewGuid().ToString(), null, null));
        session.Events.StartStream(TermsOfUseBook.StreamId, new TermsOfUsePublished(
            "1.0", TermsVersion.HashOf(text), text, LocalDatePattern.Iso.Parse(header.Groups[1].Value).GetValueOrThrow(), int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
        try
        {
            await session.SaveChangesAsync();
        }
        catch (JasperFx.Events.ExistingStreamIdCollisionException)
        {
            // Another node published it first.
        }
    }

    [GeneratedRegex(@"Effective: (\d{4}-\d{2}-\d{2}).*?Grace period[^:]*: (\d+) days", RegexOptions.Singleline)]
    private static partial Regex Header();
}
