using System.Security.Cryptography;
using GidSandbox.Access;
using GidSandbox.Hosting;
using Npgsql;

namespace GidSandbox.Tests.Access;

/// <summary>The signing keys as a database kept from an older version holds them, in a throwaway database of the test cluster.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SigningKeysTests(SandboxFixture sandbox) : IAsyncLifetime
{
    private readonly string _database = $"gid_keys_{Guid.NewGuid():N}";
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"gid-keys-{Guid.NewGuid():N}");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(sandbox.ConnectionString) { Database = _database }.ConnectionString;

    [Fact]
    public async Task keys_an_older_version_stored_in_clear_are_sealed_in_place_and_stay_the_same()
    {
        using var rsa = RSA.Create(2048);
        var encryption = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await Execute($"""
            create schema openiddict;
            create table {SigningKeys.Table} (purpose text primary key, material text not null);
            insert into {SigningKeys.Table} values ('signing', '{rsa.ExportPkcs8PrivateKeyPem()}'), ('encryption', '{encryption}');
            """);

        var keys = await SigningKeys.LoadOrCreateAsync(ConnectionString, _keyFile);
        var again = await SigningKeys.LoadOrCreateAsync(ConnectionString, _keyFile);

        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), keys.EarlierSigning.Rsa.ExportSubjectPublicKeyInfo());
        Assert.Equal(encryption, Convert.ToBase64String(keys.Encryption.Key));
        Assert.Equal((keys.Signing.KeyId, keys.EarlierSigning.KeyId), (again.Signing.KeyId, again.EarlierSigning.KeyId));
        Assert.Equal("aes-gcm: aes-gcm: aes-gcm:", await StoredPrefixes());
    }

    [Fact]
    public async Task keys_sealed_under_another_key_file_stop_the_start_with_what_to_do()
    {
        await SigningKeys.LoadOrCreateAsync(ConnectionString, _keyFile);
        File.Delete(_keyFile);

        var refused = await Assert.ThrowsAsync<SetupRefusedException>(() => SigningKeys.LoadOrCreateAsync(ConnectionString, _keyFile));

        Assert.Contains($"was sealed with another key file than {_keyFile}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"delete from {SigningKeys.Table};", refused.Message, StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {_database}", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(sandbox.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {_database} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        File.Delete(_keyFile);
    }

    private async Task<string> StoredPrefixes()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select string_agg(left(material, 8), ' ') from {SigningKeys.Table}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
