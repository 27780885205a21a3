using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace GidSandbox.Access;

/// <summary>
/// The keys that sign access tokens and encrypt OpenIddict's own tokens, kept in the database so
/// that tokens outlive a restart and every API node behind a load balancer uses the same keys.
/// </summary>
public sealed record SigningKeys(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    public static async Task<SigningKeys> LoadOrCreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, $"""
            create schema if not exists {AccessDbContext.Schema};
            create table if not exists {AccessDbContext.Schema}.gid_keys (purpose text primary key, material text not null);
            """);

        using var rsa = RSA.Create(2048);
        var signing = await LoadOrInsert(connection, "signing", rsa.ExportPkcs8PrivateKeyPem());
        var encryption = await LoadOrInsert(connection, "encryption", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var stored = RSA.Create();
        stored.ImportFromPem(signing);
        return new SigningKeys(
            new RsaSecurityKey(stored) { KeyId = Convert.ToHexString(SHA256.HashData(stored.ExportSubjectPublicKeyInfo()))[..16] },
            new SymmetricSecurityKey(Convert.FromBase64String(encryption)));
    }

    /// <summary>Keeps the first key ever stored; concurrent starts agree on it through the primary key.</summary>
    private static async Task<string> LoadOrInsert(NpgsqlConnection connection, string purpose, string candidate)
    {
        await using var insert = new NpgsqlCommand(
            $"insert into {AccessDbContext.Schema}.gid_keys (purpose, material) values ($1, $2) on conflict (purpose) do nothing", connection);
        insert.Parameters.AddWithValue(purpose);
        insert.Parameters.AddWithValue(candidate);
        await insert.ExecuteNonQueryAsync();
        await using var select = new NpgsqlCommand($"select material from {AccessDbContext.Schema}.gid_keys where purpose = $1", connection);
        select.Parameters.AddWithValue(purpose);
        return (string)(await select.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
