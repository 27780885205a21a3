using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GidSandbox.Access;

namespace GidSandbox.Audit;

/// <summary>
/// Opaque cursors over the global event sequence: the last sequence number seen, the fingerprint of
/// the query that produced it, and an HMAC over both with a key derived from the registry's own key
/// material (the same on every node). A cursor that was edited, forged, or belongs to another query
/// is refused instead of silently returning the wrong page.
/// </summary>
public sealed class Cursors(SigningKeys keys)
{
    private const byte Format = 1;
    private const int FingerprintLength = 16;
    private const int MacLength = 16;
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.Encryption.Key, 32, info: Encoding.UTF8.GetBytes("gid-sandbox cursors v1"));

    public string Create(long sequence, byte[] fingerprint)
    {
        var payload = new byte[1 + 8 + FingerprintLength + MacLength];
        payload[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), sequence);
        fingerprint.AsSpan(0, FingerprintLength).CopyTo(payload.AsSpan(9));
        Mac(payload.AsSpan(0, 9 + FingerprintLength)).CopyTo(payload.AsSpan(9 + FingerprintLength));
        return Convert.ToBase64String(payload).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The sequence number a cursor continues after; 0 without a cursor.</summary>
    public long Read(string? cursor, byte[] fingerprint, string field, string query)
    {
        if (cursor is null)
        {
            return 0;
        }

        var payload = Decode(cursor);
        if (payload is not { Length: 1 + 8 + FingerprintLength + MacLength } || payload[0] != Format
            || !CryptographicOperations.FixedTimeEquals(Mac(payload.AsSpan(0, 9 + FingerprintLength)), payload.AsSpan(9 + FingerprintLength)))
        {
            throw Refusal.Invalid(field, $"The cursor is not one this registry issued, or it was altered; use a cursor exactly as {query} returned it, or start again without one.");
        }

        if (!payload.AsSpan(9, FingerprintLength).SequenceEqual(fingerprint.AsSpan(0, FingerprintLength)))
        {
            throw Refusal.Invalid(field, $"The cursor comes from another query; a cursor continues only the {query} query, with the same filter, that returned it.");
        }

        return BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1));
    }

    private byte[] Mac(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_key, data)[..MacLength];

    private static byte[]? Decode(string cursor)
    {
        var text = cursor.Trim().Replace('-', '+').Replace('_', '/');
        if (text.Length > 200)
        {
            return null;
        }

        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
