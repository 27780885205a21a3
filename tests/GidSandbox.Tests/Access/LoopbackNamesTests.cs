using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GidSandbox.Tests.ReviewConsole;

namespace GidSandbox.Tests.Access;

/// <summary>The sandbox on a real port answers to both loopback names as one issuer: a token from either works at the other.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoopbackNamesTests(BrowserSandbox kestrel) : IClassFixture<BrowserSandbox>
{
    [Theory]
    [InlineData("127.0.0.1", "localhost")]
    [InlineData("localhost", "127.0.0.1")]
    public async Task a_token_fetched_at_one_loopback_name_is_accepted_at_the_other(string fetchedAt, string usedAt)
    {
        var port = kestrel.Address.Port;
        using var http = new HttpClient();
        using var token = await http.PostAsync(new Uri($"http://{fetchedAt}:{port}/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Clients.Association,
            ["client_secret"] = Clients.SecretOf(Clients.Association),
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://{usedAt}:{port}/graphql"))
        {
            Content = new StringContent("""{"query":"{ me { clientId } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var answer = await http.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();

        Assert.True(answer.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(Clients.Association, JsonNode.Parse(body)!["data"]!["me"]!["clientId"]!.GetValue<string>());
    }
}
