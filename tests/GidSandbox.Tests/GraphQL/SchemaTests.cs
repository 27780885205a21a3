using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GidSandbox.Tests.GraphQL;

[Collection(SandboxCollection.Name)]
public sealed class SchemaTests(SandboxFixture sandbox)
{
    /// <summary>The committed SDL is the contract; set UPDATE_SCHEMA=1 to rewrite it after a deliberate change.</summary>
    [Fact]
    public void the_committed_schema_matches_the_served_one()
    {
        var schema = sandbox.Host.Services.GetRequiredService<ISchema>();
        var served = schema.Print(new() { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "src", "GidSandbox", "GraphQL", "schema.graphql");

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, served);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_SCHEMA=1 to write it.");
        Assert.True(
            File.ReadAllText(path).ReplaceLineEndings("\n") == served,
            $"The served schema differs from {path}. If the change is intended, run the tests with UPDATE_SCHEMA=1 and commit the file.");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GidSandbox.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GidSandbox.sln not found above the test binaries.");
    }
}
