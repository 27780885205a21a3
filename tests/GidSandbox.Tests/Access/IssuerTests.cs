using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace GidSandbox.Tests.Access;

/// <summary>The authorization server names itself from configuration, not from the Host a request names.</summary>
[Collection(SandboxCollection.Name)]
public sealed class IssuerTests(SandboxFixture sandbox)
{
    private async Task<HttpResponseMessage> Get(string url) => await sandbox.Host.Server.CreateClient().GetAsync(new Uri(url));

    private async Task<string> IssuerSeenAt(string origin)
    {
        var response = await Get($"{origin}/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["issuer"]!.GetValue<string>();
    }

    [Fact]
    public async Task another_loopback_host_gets_the_same_issuer_in_discovery_and_in_tokens()
    {
        var issuer = await IssuerSeenAt("http://localhost");
        var elsewhere = await IssuerSeenAt("http://127.0.0.1:5999");
        var client = sandbox.Host.Server.CreateClient();
        var token = await client.PostAsync(new Uri("http://127.0.0.1:5999/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Clients.Association,
            ["client_secret"] = Clients.SecretOf(Clients.Association),
        }));
        var accessToken = JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(accessToken.Split('.')[1]))!;

        Assert.Equal("http://localhost/", issuer);
        Assert.Equal(issuer, elsewhere);
        Assert.Equal(issuer, payload["iss"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://10.1.2.3")]
    public async Task a_host_the_sandbox_is_not_configured_for_is_refused(string origin)
    {
        var response = await Get($"{origin}/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
