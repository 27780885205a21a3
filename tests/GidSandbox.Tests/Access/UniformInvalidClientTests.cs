using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Access;

/// <summary>The token endpoint does not tell which client ids exist.</summary>
[Collection(SandboxCollection.Name)]
public sealed class UniformInvalidClientTests(SandboxFixture sandbox)
{
    private async Task<(int Status, string Challenge, JsonNode Body)> Ask(string path, string clientId, string secret)
    {
        var result = await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["token"] = "some-token",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }).ToUrl(path);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.Headers.WWWAuthenticate.ToString(), JsonNode.Parse(await result.ReadAsTextAsync())!);
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/connect/introspect")]
    [InlineData("/connect/revoke")]
    public async Task an_unknown_client_and_a_wrong_secret_get_the_same_answer(string path)
    {
        var unknown = await Ask(path, "office-nowhere", "any-secret");
        var wrongSecret = await Ask(path, Clients.Default, "wrong-secret");

        Assert.Equal(401, unknown.Status);
        Given.AssertJson("""{ "error": "invalid_client", "error_description": "The client is unknown or its credentials are wrong." }""", unknown.Body);
        Assert.Equal((unknown.Status, unknown.Challenge, unknown.Body.ToJsonString()), (wrongSecret.Status, wrongSecret.Challenge, wrongSecret.Body.ToJsonString()));
    }
}
