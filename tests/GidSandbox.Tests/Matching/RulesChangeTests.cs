using GidSandbox.Matching;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GidSandbox.Tests.Matching;

[Collection(SandboxCollection.Name)]
public sealed class RulesChangeTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task profiles_standardized_under_older_rules_are_recomputed_under_the_current_ones()
    {
        var company = await sandbox.ALegalEntity();
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var profile = await session.LoadAsync<MatchProfile>(company.Gid());
            session.Store(profile! with { RulesVersion = NameStandardization.RulesVersion - 1 });
            await session.SaveChangesAsync();
        }

        await SetColumnsAsync(store, company.Gid(), "stale", []);

        await store.RefreshStaleMatchProfilesAsync(NullLogger.Instance);

        await using var query = store.QuerySession();
        var rebuilt = await query.LoadAsync<MatchProfile>(company.Gid());
        Assert.Equal(NameStandardization.RulesVersion, rebuilt!.RulesVersion);
        var (searchText, exactKeys) = await ColumnsAsync(store, company.Gid());
        Assert.Equal(rebuilt.SearchText, searchText);
        Assert.Equal(rebuilt.ExactKeys, exactKeys);
        Assert.NotEmpty(exactKeys);
    }

    [Fact]
    public async Task current_profiles_are_left_as_they_are()
    {
        var company = await sandbox.ALegalEntity();
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        var (_, exactKeys) = await ColumnsAsync(store, company.Gid());
        await SetColumnsAsync(store, company.Gid(), "edited but current", exactKeys);

        await store.RefreshStaleMatchProfilesAsync(NullLogger.Instance);

        Assert.Equal("edited but current", (await ColumnsAsync(store, company.Gid())).SearchText);
    }

    [Fact]
    public async Task the_lookup_columns_are_written_from_the_names_but_kept_out_of_the_document()
    {
        var company = await sandbox.ALegalEntity();
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select data ? 'searchText', data ? 'exactKeys', data ? 'words', cardinality(words) > 0 from {Candidates.Table} where id = @id", connection);
        command.Parameters.AddWithValue("id", company.Gid());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal([false, false, false, true], [reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)]);
    }

    private static async Task SetColumnsAsync(IDocumentStore store, string gid, string searchText, string[] exactKeys)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"update {Candidates.Table} set search_text = @text, exact_keys = @keys where id = @id", connection);
        command.Parameters.AddWithValue("text", searchText);
        command.Parameters.AddWithValue("keys", exactKeys);
        command.Parameters.AddWithValue("id", gid);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<(string SearchText, string[] ExactKeys)> ColumnsAsync(IDocumentStore store, string gid)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select search_text, exact_keys from {Candidates.Table} where id = @id", connection);
        command.Parameters.AddWithValue("id", gid);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetFieldValue<string[]>(1));
    }
}
