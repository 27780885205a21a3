using GidSandbox.Challenges;
using NodaTime;
using NodaTime.Text;

namespace GidSandbox.Tests.Challenges;

public sealed class GenevaCalendarTests
{
    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void easter_falls_on_the_gregorian_date(int year, string easter) =>
        Assert.Equal(Date(easter), GenevaCalendar.EasterSunday(year));

    [Fact]
    public void the_geneva_public_holidays_of_2026()
    {
        var holidays = GenevaCalendar.PublicHolidays(2026).Select(h => $"{h.Date:uuuu-MM-dd} {h.Name}");

        Assert.Equal(
        [
            "2026-01-01 New Year's Day", "2026-04-03 Good Friday", "2026-04-06 Easter Monday", "2026-05-14 Ascension", "2026-05-25 Whit Monday",
            "2026-08-01 Swiss National Day", "2026-09-10 Jeûne genevois", "2026-12-25 Christmas", "2026-12-31 Restoration of the Republic",
        ], holidays);
    }

    [Theory]
    [InlineData(2025, "2025-09-11")]
    [InlineData(2027, "2027-09-09")]
    [InlineData(2030, "2030-09-05")]
    public void the_jeune_genevois_is_the_thursday_after_the_first_sunday_of_september(int year, string day) =>
        Assert.Contains(GenevaCalendar.PublicHolidays(year), h => h.Date == Date(day) && h.Name == "Jeûne genevois");

    [Theory]
    [InlineData("2026-12-17", "2027-01-05")] // Christmas, Restoration of the Republic and New Year's Day skipped
    [InlineData("2026-09-04", "2026-09-21")] // the Jeûne genevois skipped
    [InlineData("2026-03-30", "2026-04-15")] // Good Friday and Easter Monday skipped
    [InlineData("2026-11-20", "2026-12-04")] // a Friday: two weekends
    public void ten_business_days_skip_weekends_and_geneva_holidays(string start, string due) =>
        Assert.Equal(Date(due), GenevaCalendar.AddBusinessDays(Date(start), 10));

    [Fact]
    public void counting_lands_on_a_business_day_after_exactly_that_many_business_days()
    {
        for (var start = new LocalDate(2024, 1, 1); start < new LocalDate(2031, 1, 1); start = start.PlusDays(3))
        {
            var due = GenevaCalendar.AddBusinessDays(start, 10);
            var between = Enumerable.Range(1, Period.Between(start, due, PeriodUnits.Days).Days).Count(d => GenevaCalendar.IsBusinessDay(start.PlusDays(d)));

            Assert.True(GenevaCalendar.IsBusinessDay(due), $"{due} is not a business day");
            Assert.Equal(10, between);
        }
    }
}
