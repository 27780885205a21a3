using System.Security.Cryptography;
using System.Text;
using GidSandbox.Hosting;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace GidSandbox.Access;

/// <summary>
/// The keys that sign access tokens and encrypt OpenIddict's own tokens, kept in the database so that tokens outlive
/// a restart and every API node behind a load balancer uses the same keys. Whoever holds the signing key can mint
/// tokens the API accepts, so the database holds them only encrypted (AES-GCM) under a key in a file that only this
/// account may read (mode 0600), and the application role may not read the table at all. Every node needs the same
/// key file; rotation is described in docs/security.md. Access tokens are signed with <see cref="Signing"/> (ECDSA P-256:
/// a signature costs a tenth of RSA-2048's, which took a sixth of the token endpoint's CPU); <see cref="EarlierSigning"/>,
/// the RSA key that signed them before, stays published and accepted, so tokens it signed keep working to their expiry.
/// </summary>
public sealed record SigningKeys(ECDsaSecurityKey Signing, RsaSecurityKey EarlierSigning, SymmetricSecurityKey Encryption)
{
    /// <summary>The key file's key, which also seals the data-protection keys stored beside these (<see cref="SealedKeyRing"/>).</summary>
    internal byte[] KeyFileKey { get; init; } = [];

    public const string Table = $"{AccessDbContext.Schema}.gid_keys";
    private const string Sealed = "aes-gcm:";

    /// <summary>Loads the keys (creating them on first start) as the schema's owner, and seals any stored in clear by an older version.</summary>
    public static async Task<SigningKeys> LoadOrCreateAsync(string ownerConnectionString, string keyFile)
    {
        var keyEncryptionKey = Convert.FromBase64String(PrivateFile.ReadOrCreate(keyFile, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Trim());
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"""
            create schema if not exists {AccessDbContext.Schema};
            create table if not exists {Table} (purpose text primary key, material text not null);
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        using var rsa = RSA.Create(2048);
        var earlier = await LoadOrInsert(connection, keyEncryptionKey, keyFile, "signing", rsa.ExportPkcs8PrivateKeyPem());
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signing = await LoadOrInsert(connection, keyEncryptionKey, keyFile, "signing-es256", ecdsa.ExportPkcs8PrivateKeyPem());
        var encryption = await LoadOrInsert(connection, keyEncryptionKey, keyFile, "encryption", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var storedRsa = RSA.Create();
        storedRsa.ImportFromPem(earlier);
        var storedEcdsa = ECDsa.Create();
        storedEcdsa.ImportFromPem(signing);
        return new SigningKeys(
            new ECDsaSecurityKey(storedEcdsa) { KeyId = KeyId(storedEcdsa) },
            new RsaSecurityKey(storedRsa) { KeyId = KeyId(storedRsa) },
            new SymmetricSecurityKey(Convert.FromBase64String(encryption)))
        { KeyFileKey = keyEncryptionKey };
    }

    private static string KeyId(AsymmetricAlgorithm key) => Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    /// <summary>Keeps the first key ever stored; concurrent starts agree on it through the primary key.</summary>
    private static async Task<string> LoadOrInsert(NpgsqlConnection connection, byte[] keyEncryptionKey, string keyFile, string purpose, string candidate)
    {
        await using var insert = new NpgsqlCommand($"insert into {Table} (purpose, material) values ($1, $2) on conflict (purpose) do nothing", connection);
        insert.Parameters.AddWithValue(purpose);
        insert.Parameters.AddWithValue(Seal(keyEncryptionKey, purpose, candidate));
        await insert.ExecuteNonQueryAsync();
        await using var select = new NpgsqlCommand($"select material from {Table} where purpose = $1", connection);
        select.Parameters.AddWithValue(purpose);
        var material = (string)(await select.ExecuteScalarAsync())!;
        if (!material.StartsWith(Sealed, StringComparison.Ordinal))
        {
            // Stored in clear by an older version: sealed in place, unchanged, so outstanding tokens stay valid.
            await using var seal = new NpgsqlCommand($"update {Table} set material = $2 where purpose = $1 and material = $3", connection);
            seal.Parameters.AddWithValue(purpose);
            seal.Parameters.AddWithValue(Seal(keyEncryptionKey, purpose, material));
            seal.Parameters.AddWithValue(material);
            await seal.ExecuteNonQueryAsync();
            return material;
        }

        try
        {
            return Open(keyEncryptionKey, purpose, material);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SetupRefusedException(
                $"The {purpose} key in {Table} was sealed with another key file than {keyFile}. Restore that file (every node needs the same one), " +
                $"or rotate the keys: delete from {Table}; (outstanding tokens then stop working; see docs/security.md).");
        }
    }

    /// <summary>The purpose is authenticated too, so a sealed key cannot be swapped into another row.</summary>
    internal static string Seal(byte[] key, string purpose, string material)
    {
        var plaintext = Encoding.UTF8.GetBytes(material);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(key, tag.Length);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(purpose));
        return Sealed + Convert.ToBase64String([.. nonce, .. tag, .. ciphertext]);
    }

    internal static string Open(byte[] key, string purpose, string material)
    {
        var bytes = Convert.FromBase64String(material[Sealed.Length..]);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plaintext = new byte[bytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plaintext, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plaintext);
    }
}
