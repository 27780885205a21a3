using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GidSandbox.ReviewConsole;

/// <summary>
/// Markup that is safe to write as it is. Pages build it with <see cref="Of"/>, whose holes are
/// HTML-encoded unless they are markup themselves, so text from the API (names, reasons) can
/// never become markup or script.
/// </summary>
public readonly record struct Html(string Value)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static Html Empty { get; } = new("");

    public static Html Of(HtmlTemplate template) => template.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    public override string ToString() => Value;
}

/// <summary>The interpolated string handler behind <see cref="Html.Of"/>.</summary>
[InterpolatedStringHandler]
public readonly struct HtmlTemplate(int literalLength, int formattedCount)
{
    private readonly StringBuilder _builder = new(literalLength + (formattedCount * 16));

    public void AppendLiteral(string literal) => _builder.Append(literal);

    public void AppendFormatted(Html html) => _builder.Append(html.Value);

    public void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var part in parts)
        {
            _builder.Append(part.Value);
        }
    }

    public void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case Html html:
                _builder.Append(html.Value);
                break;
            case IEnumerable<Html> parts:
                AppendFormatted(parts);
                break;
            case IFormattable formattable:
                _builder.Append(Html.Encode(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            default:
                _builder.Append(Html.Encode(value?.ToString()));
                break;
        }
    }

    public Html ToHtml() => new(_builder.ToString());
}
