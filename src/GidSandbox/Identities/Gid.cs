using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using GidSandbox.Standards;

namespace GidSandbox.Identities;

/// <summary>
/// A Global Identifier: 15 random digits and an ISO 7064 MOD 11-2 check character, written
/// GID-dddd-dddd-dddd-dddC. Random, so GIDs reveal nothing and cannot be guessed in sequence.
/// </summary>
[JsonConverter(typeof(GidJsonConverter))]
public readonly record struct Gid
{
    private const string Expected = "expected GID-dddd-dddd-dddd-dddC";
    private readonly string? _characters; // the 16 canonical characters, digits then check

    private Gid(string characters) => _characters = characters;

    /// <summary>The canonical form, GID-dddd-dddd-dddd-dddC.</summary>
    public string Value => _characters is null
        ? ""
        : $"GID-{_characters[..4]}-{_characters[4..8]}-{_characters[8..12]}-{_characters[12..]}";

    public static Gid NewGid()
    {
        Span<char> digits = stackalloc char[15];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new Gid(string.Concat(digits, [Iso7064.Mod11Check(digits)]));
    }

    public static Gid FromDigits(string fifteenDigits) =>
        fifteenDigits is { Length: 15 } && fifteenDigits.All(char.IsAsciiDigit)
            ? new Gid(fifteenDigits + Iso7064.Mod11Check(fifteenDigits))
            : throw new ArgumentException("A GID is made from exactly 15 ASCII digits.", nameof(fifteenDigits));

    public static Gid Parse(string input) =>
        TryParse(input, out var gid, out var error) ? gid : throw new FormatException(error);

    /// <summary>Accepts the prefix or not, hyphens and spaces anywhere, and a lowercase x.</summary>
    public static bool TryParse(string? input, out Gid gid, out string? error)
    {
        gid = default;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = $"A GID is empty; {Expected}.";
            return false;
        }

        var shown = Quote(text);
        var start = text.StartsWith("GID", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
        Span<char> characters = stackalloc char[16];
        var count = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) && c is not ('X' or 'x'))
            {
                error = $"{shown} contains '{c}' at position {i + 1}; a GID has only digits, hyphens, spaces and a final check character 0-9 or X.";
                return false;
            }

            if (count < characters.Length)
            {
                characters[count] = char.ToUpperInvariant(c);
            }

            count++;
        }

        if (count != 16)
        {
            error = $"A GID has 15 digits and one check character; {shown} has {count}; {Expected}.";
            return false;
        }

        var xAt = characters[..15].IndexOf('X');
        if (xAt >= 0)
        {
            error = $"{shown} has X among its digits; only the final check character can be X.";
            return false;
        }

        var check = Iso7064.Mod11Check(characters[..15]);
        if (characters[15] != check)
        {
            var canonical = new Gid(new string(characters)).Value;
            error = $"The check character of '{canonical}' is '{characters[15]}' but should be '{check}'; the GID was probably mistyped.";
            return false;
        }

        gid = new Gid(new string(characters));
        error = null;
        return true;
    }

    public override string ToString() => Value;

    private static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";
}

public sealed class GidJsonConverter : JsonConverter<Gid>
{
    public override Gid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Gid.TryParse(reader.GetString(), out var gid, out var error) ? gid : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, Gid value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
