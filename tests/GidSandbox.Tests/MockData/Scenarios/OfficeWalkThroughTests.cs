extern alias tools;

using tools::GidSandbox.Benchmarks.Scenarios;

namespace GidSandbox.Tests.MockData.Scenarios;

[Collection(SandboxCollection.Name)]
public sealed class OfficeWalkThroughTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task an_office_registers_a_duplicate_links_its_number_merges_and_finds_the_merged_gid_leading_to_the_survivor()
    {
        var steps = new List<string>();

        var result = await OfficeWalkThrough.RunAsync((query, variables) => sandbox.GraphQL(query, variables, client: Clients.Default), steps.Add, seed: 20261125);

        Assert.Equal(11, steps.Count);
        var merged = await sandbox.Identity(result.Duplicate);
        Assert.Equal("MERGED", merged!["status"]!.GetValue<string>());
        Assert.Equal(result.Survivor, merged["mergedInto"]!.GetValue<string>());
        var survivor = await sandbox.Identity(result.Survivor);
        Assert.Equal(
            new[] { result.LinkedNumber, result.DuplicateNumber }.Order(),
            survivor!["externalIdentifiers"]!.AsArray().Select(x => x!["value"]!.GetValue<string>()).Where(v => v != survivor["externalIdentifiers"]![0]!["value"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task the_walk_through_can_run_again_on_the_same_registry()
    {
        var first = await OfficeWalkThrough.RunAsync((query, variables) => sandbox.GraphQL(query, variables), _ => { }, seed: 7);
        var second = await OfficeWalkThrough.RunAsync((query, variables) => sandbox.GraphQL(query, variables), _ => { }, seed: 7);

        Assert.NotEqual(first.Survivor, second.Survivor);
    }

    [Fact]
    public async Task the_walk_through_stops_at_the_first_refused_step()
    {
        var steps = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OfficeWalkThrough.RunAsync((query, variables) => sandbox.GraphQL(query, variables, client: Clients.OfficeWithoutMerge), steps.Add, seed: 3));

        Assert.StartsWith("Merge ", error.Message, StringComparison.Ordinal);
        Assert.Contains("FORBIDDEN", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, steps.Count);
    }
}
