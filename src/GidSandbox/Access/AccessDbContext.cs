using Microsoft.EntityFrameworkCore;

namespace GidSandbox.Access;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in their own schema.</summary>
public sealed class AccessDbContext(DbContextOptions<AccessDbContext> options) : DbContext(options)
{
    public const string Schema = "openiddict";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict();
    }
}
