using System.Text.Json.Nodes;
using GidSandbox.Rights;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GidSandbox.Tests.Rights;

/// <summary>The retention period, applied by the scheduled job on the sandbox's clock, which the tests move: on a sandbox of their own, as the job erases every person deactivated long enough.</summary>
[Collection(SeparateSandboxCollection.Name)]
public sealed class RetentionTests(SeparateSandboxFixture sandbox)
{
    private const string Deactivate = "mutation ($gid: Gid!) { deactivateIdentity(input: { gid: $gid, reason: \"Registered in error\" }) { identity { version } } }";

    private RetentionJob Job => sandbox.Host.Services.GetRequiredService<RetentionJob>();

    /// <summary>The sandbox's clock at the real now plus five years and <paramref name="days"/>, put back afterwards.</summary>
    private async Task<IReadOnlyList<string>> RunTheJobFiveYearsOn(int days)
    {
        var original = sandbox.Clock.GetCurrentInstant();
        sandbox.Clock.Reset(SystemClock.Instance.GetCurrentInstant().InUtc().LocalDateTime.PlusYears(5).PlusDays(days).InUtc().ToInstant());
        try
        {
            return [.. (await Job.ApplyAsync(CancellationToken.None)).Select(g => g.Value)];
        }
        finally
        {
            sandbox.Clock.Reset(original);
        }
    }

    [Fact]
    public async Task a_natural_person_deactivated_five_years_ago_is_erased_with_the_identities_merged_into_it_and_the_chain_still_verifies()
    {
        var name = $"Kept {Given.UniqueWord()}";
        var person = (await sandbox.ANaturalPerson(name, country: "CH")).Gid();
        var merged = (await sandbox.ANaturalPerson($"{Given.UniqueWord()} {Given.UniqueWord()}", country: "CH")).Gid();
        await sandbox.Data("mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { version } } }", new { input = new { survivor = person, merged, reason = "One person" } });
        await sandbox.Data(Deactivate, new { gid = person });
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var dayBefore = await RunTheJobFiveYearsOn(-1);
        var kept = (await sandbox.Identity(person))!;
        var dayAfter = await RunTheJobFiveYearsOn(1);
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(person, dayBefore);
        Assert.Equal("DEACTIVATED", kept["status"]!.GetValue<string>());
        Assert.Contains(person, dayAfter);
        var after = (await sandbox.Data("query ($gid: Gid!, $merged: Gid!) { identity(gid: $gid) { status names { text } erasure { decisionReference legalBasis } } m: identity(gid: $merged) { status names { text } } history: identityHistory(gid: $gid) { data reason } }",
            new { gid = person, merged }, Clients.Governance));
        Assert.Equal(("ERASED", "ERASED"), (after["identity"]!["status"]!.GetValue<string>(), after["m"]!["status"]!.GetValue<string>()));
        Assert.StartsWith("RETENTION-", after["identity"]!["erasure"]!["decisionReference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(RetentionJob.LegalBasis, after["identity"]!["erasure"]!["legalBasis"]!.GetValue<string>());
        Assert.DoesNotContain(name, after.ToJsonString(), StringComparison.Ordinal);
        var chain = (await sandbox.Data("{ verifyAuditTrail { intact } }", client: Clients.Governance))["verifyAuditTrail"]!;
        Assert.True(chain["intact"]!.GetValue<bool>(), chain.ToJsonString());
    }

    [Fact]
    public async Task a_reactivated_person_and_a_deactivated_legal_entity_are_kept()
    {
        var reactivated = (await sandbox.ANaturalPerson(country: "CH")).Gid();
        await sandbox.Data(Deactivate, new { gid = reactivated });
        await sandbox.Data("mutation ($gid: Gid!) { reactivateIdentity(input: { gid: $gid, reason: \"Still in use\" }) { identity { version } } }", new { gid = reactivated });
        var company = (await sandbox.ALegalEntity(country: "CH")).Gid();
        await sandbox.Data(Deactivate, new { gid = company });

        var erased = await RunTheJobFiveYearsOn(1);

        Assert.DoesNotContain(reactivated, erased);
        Assert.DoesNotContain(company, erased);
        Assert.Equal(("ACTIVE", "DEACTIVATED"), ((await sandbox.Identity(reactivated))!["status"]!.GetValue<string>(), (await sandbox.Identity(company))!["status"]!.GetValue<string>()));
    }
}
