using GidSandbox.Matching;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

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
            session.Store(profile! with { SearchText = "stale", ExactKeys = [], RulesVersion = NameStandardization.RulesVersion - 1 });
            await session.SaveChangesAsync();
        }

        await store.RefreshStaleMatchProfilesAsync(NullLogger.Instance);

        await using var query = store.QuerySession();
        var rebuilt = await query.LoadAsync<MatchProfile>(company.Gid());
        Assert.Equal(NameStandardization.RulesVersion, rebuilt!.RulesVersion);
        Assert.NotEqual("stale", rebuilt.SearchText);
        Assert.NotEmpty(rebuilt.ExactKeys);
    }

    [Fact]
    public async Task current_profiles_are_left_as_they_are()
    {
        var company = await sandbox.ALegalEntity();
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var profile = await session.LoadAsync<MatchProfile>(company.Gid());
            session.Store(profile! with { SearchText = "edited but current" });
            await session.SaveChangesAsync();
        }

        await store.RefreshStaleMatchProfilesAsync(NullLogger.Instance);

        await using var query = store.QuerySession();
        Assert.Equal("edited but current", (await query.LoadAsync<MatchProfile>(company.Gid()))!.SearchText);
    }
}
