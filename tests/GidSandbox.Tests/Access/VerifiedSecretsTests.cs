using GidSandbox.Access;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace GidSandbox.Tests.Access;

/// <summary>
/// A client secret that matched once is not derived again for a while (VerifiedSecrets); what it must not change:
/// a wrong secret is refused every time, and a changed secret or a removed client takes effect at the next request.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class VerifiedSecretsTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task a_wrong_secret_is_refused_after_the_right_one_was_accepted()
    {
        Assert.Equal(200, (await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default))).StatusCode);

        var wrong = await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default) + "x");
        var anotherClients = await sandbox.RequestToken(Clients.OfficeWithoutMerge, Clients.SecretOf(Clients.Default));

        Given.AssertJson($$"""{ "error": "invalid_client", "error_description": "{{UniformInvalidClient.Description}}" }""", wrong.Body);
        Assert.Equal(401, wrong.StatusCode);
        Assert.Equal((401, wrong.Body.ToJsonString()), (anotherClients.StatusCode, anotherClients.Body.ToJsonString()));
        Assert.Equal(200, (await sandbox.RequestToken(Clients.Default, Clients.SecretOf(Clients.Default))).StatusCode);
    }

    [Fact]
    public async Task a_changed_secret_replaces_the_old_one_at_the_next_request()
    {
        var client = await Enroll("first-secret");
        Assert.Equal(200, (await sandbox.RequestToken(client, "first-secret")).StatusCode);

        await Change(client, async (applications, application) => await applications.UpdateAsync(application, ParticipantEnrollment.Describe(Participant(client), "second-secret")));

        Assert.Equal(401, (await sandbox.RequestToken(client, "first-secret")).StatusCode);
        Assert.Equal(200, (await sandbox.RequestToken(client, "second-secret")).StatusCode);
    }

    [Fact]
    public async Task a_removed_client_gets_no_token_at_the_next_request()
    {
        var client = await Enroll("its-secret");
        Assert.Equal(200, (await sandbox.RequestToken(client, "its-secret")).StatusCode);

        await Change(client, async (applications, application) => await applications.DeleteAsync(application));

        var refused = await sandbox.RequestToken(client, "its-secret");
        Assert.Equal(401, refused.StatusCode);
        Given.AssertJson($$"""{ "error": "invalid_client", "error_description": "{{UniformInvalidClient.Description}}" }""", refused.Body);
    }

    private static Participant Participant(string clientId) =>
        new() { ClientId = clientId, DisplayName = "Secret test office", Office = "EP", Role = ParticipantRole.Office, Scopes = [Scopes.Read] };

    /// <summary>A client of its own, enrolled as configuration enrolls participants.</summary>
    private async Task<string> Enroll(string secret)
    {
        var clientId = $"secret-test-{Guid.NewGuid():N}";
        await using var scope = sandbox.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(ParticipantEnrollment.Describe(Participant(clientId), secret));
        return clientId;
    }

    private async Task Change(string clientId, Func<IOpenIddictApplicationManager, object, Task> change)
    {
        await using var scope = sandbox.Host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await change(applications, (await applications.FindByClientIdAsync(clientId))!);
    }
}
