using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Hosting;
using Marten;
using Marten.Events;
using Npgsql;

namespace GidSandbox.Tests.Audit.Chain;

/// <summary>
/// A throwaway database of the test cluster (never the shared one) set up as the registry's: its own store, the events
/// table's guard, the async daemon on demand and the chain's verifier; dropped when disposed.
/// </summary>
public sealed class ChainDatabase : IAsyncDisposable
{
    private readonly string _administration;
    private readonly string _name;

    private ChainDatabase(string administration, string name, NpgsqlDataSource data, DocumentStore store)
    {
        (_administration, _name, Data, Store) = (administration, name, data, store);
        Verifier = new ChainVerifier(data, store);
    }

    public NpgsqlDataSource Data { get; }

    public DocumentStore Store { get; }

    public ChainVerifier Verifier { get; }

    public static async Task<ChainDatabase> CreateAsync(SandboxFixture sandbox, string prefix, Action<StoreOptions>? configure = null)
    {
        // Pooled (SandboxFixture.NewDatabase): the store and the daemon would otherwise pay for a new backend, and its
        // password exchange, on every statement.
        var connectionString = await sandbox.NewDatabase(prefix);
        var data = NpgsqlDataSource.Create(connectionString);
        var store = DocumentStore.For(options =>
        {
            options.ConfigureGid(connectionString);
            configure?.Invoke(options);
        });
        await EventsTableGuard.ApplyAsync(store, data);
        return new ChainDatabase(sandbox.ConnectionString, new NpgsqlConnectionStringBuilder(connectionString).Database!, data, store);
    }

    /// <summary>Runs the async daemon until the chain has caught up with every event, then stops it.</summary>
    public async Task ChainAsync()
    {
        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await daemon.StopAllAsync();
    }

    /// <summary>Waits up to a minute for <paramref name="condition"/> (a boolean query) to hold.</summary>
    public async Task WaitFor(string condition)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await Condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not within 60 s: {condition}");
            await Task.Delay(50);
        }

        async Task<bool> Condition()
        {
            await using var command = Data.CreateCommand(condition);
            return await command.ExecuteScalarAsync() is true;
        }
    }

    public async Task<long> Scalar(string sql)
    {
        await using var command = Data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Data.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(_administration);
        await using var drop = admin.CreateCommand($"drop database if exists {_name} with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
