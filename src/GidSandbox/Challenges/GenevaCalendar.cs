using NodaTime;

namespace GidSandbox.Challenges;

/// <summary>
/// Business days in Geneva, where the International Bureau sits: Monday to Friday except the
/// public holidays of the Republic and Canton of Geneva, computed for any year.
/// </summary>
public static class GenevaCalendar
{
    public static IEnumerable<(LocalDate Date, string Name)> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        var firstSundayOfSeptember = new LocalDate(year, 9, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Sunday));
        return
        [
            (new LocalDate(year, 1, 1), "New Year's Day"),
            (easter.PlusDays(-2), "Good Friday"),
            (easter.PlusDays(1), "Easter Monday"),
            (easter.PlusDays(39), "Ascension"),
            (easter.PlusDays(50), "Whit Monday"),
            (new LocalDate(year, 8, 1), "Swiss National Day"),
            (firstSundayOfSeptember.PlusDays(4), "Jeûne genevois"),
            (new LocalDate(year, 12, 25), "Christmas"),
            (new LocalDate(year, 12, 31), "Restoration of the Republic"),
        ];
    }

    public static bool IsBusinessDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && !PublicHolidays(date.Year).Any(h => h.Date == date);

    /// <summary>The day <paramref name="days"/> business days after <paramref name="start"/> (which itself does not count).</summary>
    public static LocalDate AddBusinessDays(LocalDate start, int days)
    {
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Gregorian Easter (the anonymous algorithm of 1876, valid for every Gregorian year).</summary>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
