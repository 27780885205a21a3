using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace GidSandbox.Terms;

public sealed record TermsOfUsePublished(string Version, string Sha256, string Text, LocalDate EffectiveDate, int GracePeriodDays);

public sealed record TermsVersion(string Version, string Sha256, string Text, LocalDate EffectiveDate, int GracePeriodDays)
{
    /// <summary>The last day an office still on the previous version keeps access.</summary>
    public LocalDate GraceEnds => EffectiveDate.PlusDays(GracePeriodDays);

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Every published version of the Terms of Use, from the one Terms stream.</summary>
public sealed record TermsOfUseBook(ImmutableList<TermsVersion> Versions)
{
    public const string StreamId = "terms-of-use";

    /// <summary>Effective dates are calendar days in Geneva.</summary>
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Zurich"];

    public static TermsOfUseBook Project(IEnumerable<object> events) =>
        new([.. events.OfType<TermsOfUsePublished>().Select(e => new TermsVersion(e.Version, e.Sha256, e.Text, e.EffectiveDate, e.GracePeriodDays))]);

    public static LocalDate Today(Instant now) => now.InZone(Zone).Date;

    public TermsVersion? InForce(LocalDate today) =>
        Versions.Where(v => v.EffectiveDate <= today).OrderBy(v => v.EffectiveDate).LastOrDefault();

    public TermsVersion? Before(TermsVersion version) =>
        Versions.Where(v => v.EffectiveDate < version.EffectiveDate).OrderBy(v => v.EffectiveDate).LastOrDefault();

    public TermsVersion? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);
}
