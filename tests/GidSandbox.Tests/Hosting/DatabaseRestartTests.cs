namespace GidSandbox.Tests.Hosting;

[Collection(SandboxCollection.Name)]
public sealed class DatabaseRestartTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task the_api_and_the_token_endpoint_work_again_after_the_database_restarts_under_them()
    {
        var before = await sandbox.ALegalEntity("Neustart Werkzeuge GmbH", "DE", Given.ExternalId(Given.ApplicantNumber()));
        await sandbox.RequestToken(Clients.Association, Clients.SecretOf(Clients.Association));

        await sandbox.RestartDatabase();
        var token = await sandbox.RequestToken(Clients.Association, Clients.SecretOf(Clients.Association));
        var found = await sandbox.Identity(before.Gid());
        var after = await sandbox.ALegalEntity("Redémarrage Outils SA", "FR", Given.ExternalId(Given.ApplicantNumber()));

        Assert.Equal(200, token.StatusCode);
        Assert.Equal(before.Gid(), found!.Gid());
        Assert.Equal(before.Version(), after.Version());
    }
}
