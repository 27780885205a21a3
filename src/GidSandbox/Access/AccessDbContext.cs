using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GidSandbox.Access;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in their own schema.</summary>
public sealed class AccessDbContext(DbContextOptions<AccessDbContext> options) : DbContext(options)
{
    public const string Schema = "openiddict";

    /// <summary>OpenIddict's own tables, which the application role reads and writes.</summary>
    public static readonly string[] OpenIddictTables = ["OpenIddictApplications", "OpenIddictAuthorizations", "OpenIddictScopes", "OpenIddictTokens"];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict();
    }

    /// <summary>Creates OpenIddict's tables when missing, as the role given (the schema's owner).</summary>
    public static async Task CreateTablesAsync(string ownerConnectionString, CancellationToken ct = default)
    {
        await using var context = new AccessDbContext(new DbContextOptionsBuilder<AccessDbContext>().UseNpgsql(ownerConnectionString).UseOpenIddict().Options);
        var database = context.Database;
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = $"select to_regclass('{Schema}.\"OpenIddictApplications\"') is not null";
            if ((bool)(await command.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        await database.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
    }
}
