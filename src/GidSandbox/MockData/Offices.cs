using System.Globalization;

namespace GidSandbox.MockData;

/// <summary>A participant of the mock world: the offices and associations shipped in appsettings.json.</summary>
public sealed record MockOffice(string Code, string Name, string Role, bool Merges, string Style);

public static class MockOffices
{
    public const string Scheme = "applicant-number";

    public static readonly MockOffice[] All =
    [
        new("EP", "European Patent Office", "Office", true, "8 digits"),
        new("JP", "Japan Patent Office", "Office", true, "9 digits starting with 5 (identification number)"),
        new("KR", "Korean Intellectual Property Office", "Office", true, "applicant code k-yyyy-nnnnnn-c (k: 1 legal entity, 4 natural person; c: check digit)"),
        new("CN", "China National Intellectual Property Administration", "Office", false, "yyyy + 8 digits"),
        new("US", "United States Patent and Trademark Office", "Office", true, "customer number, 8 digits"),
        new("DE", "German Patent and Trade Mark Office", "Office", false, "8 digits"),
        new("SA", "Saudi Authority for Intellectual Property", "Office", false, "SAIP- + 8 digits"),
        new("BR", "Brazilian National Institute of Industrial Property", "Office", false, "legal entities: a CNPJ-style number with valid check digits; natural persons: 9 digits"),
        new("GB", "UK Intellectual Property Office", "Office", false, "ADP number, 8 digits and 001"),
        new("IB", "International Bureau of WIPO", "Office", true, "WIPO applicant id, 9 digits"),
        new("PDG", "Patent Documentation Group", "Association", false, ""),
        new("CEPIUG", "Confederacy of European Patent Information User Groups", "Association", false, ""),
        new("INTA", "International Trademark Association", "Association", false, ""),
    ];

    public static readonly MockOffice[] Registering = [.. All.Where(o => o.Role == "Office")];

    public static readonly MockOffice[] Merging = [.. Registering.Where(o => o.Merges)];

    public static MockOffice Of(string code) => All.First(o => o.Code == code);

    /// <summary>
    /// The office's local number for its <paramref name="ordinal"/>-th applicant, in its style.
    /// Ordinals are scrambled by a bijection modulo a prime, so distinct ordinals give distinct numbers that do not look sequential.
    /// </summary>
    public static string ApplicantNumber(string office, long ordinal, bool legalEntity, int year)
    {
        long Scramble(long modulus) => ordinal * 7_919 % modulus;
        var c = CultureInfo.InvariantCulture;
        return office switch
        {
            "EP" => (10_000_000 + Scramble(89_999_999)).ToString(c),
            "JP" => (500_000_000 + Scramble(99_999_989)).ToString(c),
            "KR" => Korean(legalEntity ? 1 : 4, ordinal),
            "CN" => string.Create(c, $"{year}{Scramble(99_999_989):D8}"),
            "US" => (10_000_000 + Scramble(89_999_999)).ToString(c),
            "DE" => (10_000_000 + Scramble(89_999_999)).ToString(c),
            "SA" => string.Create(c, $"SAIP-{Scramble(99_999_989):D8}"),
            "BR" => legalEntity ? Cnpj(Scramble(99_999_989)) : (100_000_000 + Scramble(899_999_963)).ToString(c),
            "GB" => string.Create(c, $"{Scramble(99_999_989):D8}001"),
            _ => (300_000_000 + Scramble(99_999_989)).ToString(c),
        };
    }

    /// <summary>Six-digit serials run out, so the year part (from 1990) moves on every 999,983 applicants.</summary>
    private static string Korean(int kind, long ordinal)
    {
        var year = 1990 + (ordinal / 999_983);
        var serial = ordinal % 999_983 * 7_919 % 999_983;
        var digits = string.Create(CultureInfo.InvariantCulture, $"{kind}{year}{serial:D6}");
        var check = digits.Sum(d => d - '0') % 10;
        return string.Create(CultureInfo.InvariantCulture, $"{kind}-{year}-{serial:D6}-{check}");
    }

    /// <summary>A number in the CNPJ layout (8-digit base, branch 0001, two MOD 11 check digits).</summary>
    private static string Cnpj(long serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{serial:D8}0001").Select(d => d - '0').ToList();
        digits.Add(CnpjCheck(digits, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
        digits.Add(CnpjCheck(digits, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
        var s = string.Concat(digits);
        return $"{s[..2]}.{s[2..5]}.{s[5..8]}/{s[8..12]}-{s[12..]}";
    }

    private static int CnpjCheck(List<int> digits, int[] weights)
    {
        var remainder = digits.Zip(weights, (d, w) => d * w).Sum() % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
