using GidSandbox.ReviewConsole.Dashboards;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The dashboards' SVG bar chart: what it draws, what it says to a screen reader, and its table.</summary>
public sealed class BarChartTests
{
    private static readonly BarChart Usage = new(
        "usage", "Requests per day", "Requests per day by office.", "requests", "Day",
        ["2026-11-24", "2026-11-25"],
        [new Series("EP", [3, 1200]), new Series("<script>alert(1)</script>", [0, 5])]);

    [Fact]
    public void a_chart_is_a_named_and_described_image_with_a_legend()
    {
        var html = Usage.Render().Value;

        Assert.Contains("<svg viewBox=\"0 0 960 300\" role=\"img\" aria-labelledby=\"usage-name\" aria-describedby=\"usage-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"usage-name\">Requests per day</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"chart-summary\" id=\"usage-desc\">Requests per day by office. The most is 1,205 requests at 2026-11-25; 1,208 requests in all.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"legend\" aria-label=\"Legend\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void the_table_holds_the_same_numbers_with_a_total_per_category_when_stacked()
    {
        var html = Usage.Render().Value;

        Assert.Contains("<tr><th scope=\"row\">2026-11-25</th><td>1,200</td><td>5</td><td>1,205</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">2026-11-24</th><td>3</td><td>0</td><td>3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Requests per day (requests)</caption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void a_stacked_bar_reaches_the_axis_label_above_its_total_and_skips_zero_parts()
    {
        var html = Usage.Render().Value;

        // 1,205 on an axis of 0..1,500 (steps of 500) over 242 units of height: the top part starts at 14 + 242 * (1 - 1205/1500).
        Assert.Contains(">1,500</text>", html, StringComparison.Ordinal);
        Assert.Contains("y=\"61.6\"", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<rect x=").Length - 1);
    }

    [Fact]
    public void names_from_the_api_are_text_never_markup()
    {
        var html = Usage.Render().Value;

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pairs", "1 pair")]
    [InlineData("identities", "1 identity")]
    public void one_of_a_unit_is_said_in_the_singular(string unit, string said)
    {
        var chart = new BarChart("one", "One", "Just one.", unit, "Day", ["2026-11-25"], [new Series("EP", [1])]);

        Assert.Contains($"The most is {said} at 2026-11-25; {said} in all.", chart.Render().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void an_empty_chart_says_so()
    {
        var html = (Usage with { Categories = [], Series = [] }).Render().Value;

        Assert.Contains("No data in this range", html, StringComparison.Ordinal);
        Assert.Contains("No requests in this range.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void beyond_the_largest_series_the_rest_add_up_as_other()
    {
        var series = Enumerable.Range(1, 5).Select(n => new Series($"S{n}", [n, n * 10])).ToList();

        var kept = BarChart.Largest(series, 2);

        Assert.Equal(["S5", "S4", "Other"], kept.Select(s => s.Name));
        Assert.Equal([6L, 60L], kept[2].Values);
        Assert.Equal(4, BarChart.Largest(series.Take(4), 3).Count); // one more than kept is shown as itself, not as "Other"
    }
}
