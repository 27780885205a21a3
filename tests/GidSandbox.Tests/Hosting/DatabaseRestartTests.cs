namespace GidSandbox.Tests.Hosting;

[Collection(SandboxCollection.Name)]
public sealed class DatabaseRestartTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task the_api_reads_and_writes_again_after_the_database_restarts_under_it()
    {
        var before = await sandbox.ALegalEntity("Neustart Werkzeuge GmbH", "DE", Given.ExternalId(Given.ApplicantNumber()));

        await sandbox.RestartDatabase();
        var found = await sandbox.Identity(before.Gid());
        var after = await sandbox.ALegalEntity("Redémarrage Outils SA", "FR", Given.ExternalId(Given.ApplicantNumber()));

        Assert.Equal(before.Gid(), found!.Gid());
        Assert.Equal(before.Version(), after.Version());
    }
}
