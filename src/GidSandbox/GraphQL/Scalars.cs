using GidSandbox.Identities;
using GidSandbox.Standards;
using GraphQL.Types;
using GraphQLParser.AST;
using NodaTime;
using NodaTime.Text;

namespace GidSandbox.GraphQL;

/// <summary>A string scalar whose values are parsed and canonicalised on the way in and out.</summary>
public abstract class StringScalarGraphType<T> : ScalarGraphType
{
    protected abstract T Parse(string text);

    protected abstract string Format(T value);

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse(s.Value.ToString()),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s => Parse(s),
        T typed => typed,
        null => null,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        T typed => Format(typed),
        string s => Format(Parse(s)),
        null => null,
        _ => ThrowSerializationError(value),
    };
}

public sealed class GidGraphType : StringScalarGraphType<Gid>
{
    public GidGraphType()
    {
        Name = "Gid";
        Description = "A Global Identifier, GID-dddd-dddd-dddd-dddC (ISO 7064 MOD 11-2 check character). Accepted with or without the prefix, hyphens or spaces.";
    }

    protected override Gid Parse(string text) => Gid.Parse(text);

    protected override string Format(Gid value) => value.Value;
}

public sealed class InstantGraphType : StringScalarGraphType<Instant>
{
    public InstantGraphType()
    {
        Name = "Instant";
        Description = "A point in time in ISO 8601 UTC, e.g. 2026-11-24T09:30:00Z.";
    }

    protected override Instant Parse(string text) =>
        InstantPattern.ExtendedIso.Parse(text) is { Success: true } result
            ? result.Value
            : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset
                ? offset.Value.ToInstant()
                : throw new FormatException($"'{InputRules.Shorten(text)}' is not an ISO 8601 instant; expected e.g. 2026-11-24T09:30:00Z.");

    protected override string Format(Instant value) => InstantPattern.ExtendedIso.Format(value);
}

public sealed class LocalDateGraphType : StringScalarGraphType<LocalDate>
{
    public LocalDateGraphType()
    {
        Name = "LocalDate";
        Description = "A calendar date in ISO 8601, e.g. 2026-11-24.";
    }

    protected override LocalDate Parse(string text) =>
        LocalDatePattern.Iso.Parse(text) is { Success: true } result
            ? result.Value
            : throw new FormatException($"'{InputRules.Shorten(text)}' is not an ISO 8601 date; expected e.g. 2026-11-24.");

    protected override string Format(LocalDate value) => LocalDatePattern.Iso.Format(value);
}

public sealed class CountryCodeGraphType : StringScalarGraphType<string>
{
    public CountryCodeGraphType()
    {
        Name = "CountryCode";
        Description = "An ISO 3166-1 alpha-2 country code, e.g. CH, JP, KR.";
    }

    protected override string Parse(string text) =>
        CountryCodes.TryNormalize(text, out var code)
            ? code
            : throw new FormatException($"'{InputRules.Shorten(text)}' is not an ISO 3166-1 alpha-2 country code (e.g. CH, JP, KR, US).");

    protected override string Format(string value) => value;
}

public sealed class ScriptCodeGraphType : StringScalarGraphType<string>
{
    public ScriptCodeGraphType()
    {
        Name = "ScriptCode";
        Description = "An ISO 15924 script code, e.g. Latn, Cyrl, Hani, Hang, Jpan, Arab.";
    }

    protected override string Parse(string text) =>
        ScriptCodes.TryNormalize(text, out var code)
            ? code
            : throw new FormatException($"'{InputRules.Shorten(text)}' is not an ISO 15924 script code (e.g. Latn, Cyrl, Hani, Hang, Jpan, Arab).");

    protected override string Format(string value) => value;
}

/// <summary>Arbitrary JSON, for recorded event data.</summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "A JSON value.";
    }

    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value);

    public override object? ParseValue(object? value) => ThrowValueConversionError(value);

    public override object? Serialize(object? value) => value;
}
