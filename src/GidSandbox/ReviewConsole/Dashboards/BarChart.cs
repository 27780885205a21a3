using System.Globalization;

namespace GidSandbox.ReviewConsole.Dashboards;

/// <summary>One series of a bar chart: its name and a value for each category.</summary>
public sealed record Series(string Name, IReadOnlyList<long> Values);

/// <summary>
/// A bar chart drawn on the server as inline SVG: no script, no framework, nothing fetched. It is a
/// figure with a visible title, an image whose accessible name and description say what it shows
/// and its largest value, a legend in text, and the same numbers as a table for screen readers and
/// keyboard users. Series are stacked (parts of one total) or grouped (side by side).
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, string Unit, string CategoryHeader, IReadOnlyList<string> Categories, IReadOnlyList<Series> Series, bool Stacked = true)
{
    // Distinguishable with colour-blindness and each at least 4.5:1 against the white background.
    public static readonly IReadOnlyList<string> Palette = ["#0b5cad", "#b45309", "#157f3b", "#8e3b9f", "#c0264f", "#00708a", "#5b5b5b", "#7a5c00"];

    private static readonly int[] NiceMultiples = [1, 2, 5, 10];

    private const int Width = 960, Height = 300, Left = 60, Right = 12, Top = 14, Bottom = 44;
    private const int MaxBar = 90;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>Shortens the category names under the bars (e.g. days); the table keeps them whole.</summary>
    public Func<string, string> AxisLabel { get; init; } = category => category;

    public long Total(int category) => Series.Sum(s => s.Values[category]);

    /// <summary>A count with the unit in the singular for one ("1 pair", "1 identity").</summary>
    private string Counted(long count) =>
        $"{Number(count)} {(count != 1 ? Unit : Unit.EndsWith("ies", StringComparison.Ordinal) ? Unit[..^3] + "y" : Unit.TrimEnd('s'))}";

    public Html Render()
    {
        var (largest, at) = Categories.Count == 0 ? (0, -1) : Enumerable.Range(0, Categories.Count)
            .Select(i => (Value: Stacked ? Total(i) : Series.Max(s => s.Values[i]), Index: i)).MaxBy(x => x.Value);
        var summary = largest == 0
            ? $"No {Unit} in this range."
            : $"The most is {Counted(largest)} at {Categories[at]}; {Counted(Enumerable.Range(0, Categories.Count).Sum(Total))} in all.";
        return Html.Of($"""
            <figure class="chart" aria-labelledby="{Id}-title">
              <figcaption id="{Id}-title">{Title}</figcaption>
              <svg viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{Id}-name" aria-describedby="{Id}-desc" focusable="false">
                <title id="{Id}-name">{Title}</title>
                {Axes(largest)}
              </svg>
              <ul class="legend" aria-label="Legend">{Series.Select((s, i) => Html.Of($"""<li><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="{Colour(i)}"/></svg>{s.Name}</li>"""))}</ul>
              <p class="chart-summary" id="{Id}-desc">{Description} {summary}</p>
              <details>
                <summary>The numbers of “{Title}” as a table</summary>
                {Table()}
              </details>
            </figure>
            """);
    }

    private Html Axes(long largest)
    {
        var step = NiceStep(Math.Max(largest, 1) / 4.0);
        var top = step * (long)Math.Ceiling(Math.Max(largest, 1) / (double)step);
        double Y(long value) => Top + PlotHeight - (PlotHeight * value / (double)top);
        var grid = Enumerable.Range(0, (int)(top / step) + 1).Select(i => i * step).Select(v => Html.Of($"""
            <line x1="{Left}" x2="{Width - Right}" y1="{F(Y(v))}" y2="{F(Y(v))}" stroke="#c9d1da"/>
            <text x="{Left - 8}" y="{F(Y(v) + 4)}" text-anchor="end" font-size="13" fill="#1b1f24">{Number(v)}</text>
            """));
        if (Categories.Count == 0)
        {
            return Html.Of($"""{grid}<text x="{Left + (PlotWidth / 2)}" y="{Top + (PlotHeight / 2)}" text-anchor="middle" font-size="16" fill="#4a5360">No data in this range</text>""");
        }

        var band = PlotWidth / (double)Categories.Count;
        var labelEvery = (int)Math.Ceiling(Categories.Count / 16.0);
        var bars = Enumerable.Range(0, Categories.Count).Select(c =>
        {
            var x = Left + (c * band);
            var label = c % labelEvery == 0
                ? Html.Of($"""<text x="{F(x + (band / 2))}" y="{Top + PlotHeight + 20}" text-anchor="middle" font-size="13" fill="#1b1f24">{AxisLabel(Categories[c])}</text>""")
                : Html.Empty;
            // Few categories make wide bands; bars stay narrow enough to read as bars.
            var width = Stacked ? Math.Min(band * 0.7, MaxBar) : Math.Min(band * 0.8 / Series.Count, MaxBar / 2.0);
            var start = x + ((band - (Stacked ? width : width * Series.Count)) / 2);
            var rects = new List<Html>();
            long below = 0;
            for (var i = 0; i < Series.Count; i++)
            {
                var value = Series[i].Values[c];
                var left = Stacked ? start : start + (i * width);
                var from = Stacked ? below : 0;
                below += value;
                if (value > 0)
                {
                    rects.Add(Html.Of($"""
                        <rect x="{F(left)}" y="{F(Y(from + value))}" width="{F(Math.Max(width - 1, 1))}" height="{F(Y(from) - Y(from + value))}" fill="{Colour(i)}" stroke="#ffffff" stroke-width="1"><title>{Categories[c]}, {Series[i].Name}: {Counted(value)}</title></rect>
                        """));
                }
            }

            return Html.Of($"{rects}{label}");
        });
        return Html.Of($"""{grid}{bars}<line x1="{Left}" x2="{Width - Right}" y1="{Top + PlotHeight}" y2="{Top + PlotHeight}" stroke="#1b1f24"/>""");
    }

    private Html Table()
    {
        var total = Stacked && Series.Count > 1;
        var head = Series.Select(s => Html.Of($"<th scope=\"col\">{s.Name}</th>"));
        var rows = Categories.Select((category, c) => Html.Of($"""
            <tr><th scope="row">{category}</th>{Series.Select(s => Html.Of($"<td>{Number(s.Values[c])}</td>"))}{(total ? Html.Of($"<td>{Number(Total(c))}</td>") : Html.Empty)}</tr>
            """));
        return Html.Of($"""
            <table class="numbers">
              <caption>{Title} ({Unit})</caption>
              <thead><tr><th scope="col">{CategoryHeader}</th>{head}{(total ? Html.Of($"<th scope=\"col\">Total</th>") : Html.Empty)}</tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static string Colour(int series) => Palette[series % Palette.Count];

    private static long NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        var step = NiceMultiples.Select(m => m * magnitude).First(s => s >= raw);
        return Math.Max(1, (long)step);
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The <paramref name="keep"/> largest series by total, the rest summed into one named "Other".</summary>
    public static IReadOnlyList<Series> Largest(IEnumerable<Series> series, int keep)
    {
        var ranked = series.OrderByDescending(s => s.Values.Sum()).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (ranked.Count <= keep + 1)
        {
            return ranked;
        }

        var rest = ranked.Skip(keep).ToList();
        var other = new Series("Other", [.. Enumerable.Range(0, rest[0].Values.Count).Select(c => rest.Sum(s => s.Values[c]))]);
        return [.. ranked.Take(keep), other];
    }
}
