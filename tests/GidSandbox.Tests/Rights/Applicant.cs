using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GidSandbox.Access;
using GidSandbox.Tests.Access;
using GidSandbox.Tests.ReviewConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GidSandbox.Tests.Rights;

/// <summary>
/// A natural person the test registered, enrolled as a sandbox user the way configuration enrols the mock world's
/// applicants (Access:People), signed in through the real authorization code flow with PKCE.
/// </summary>
public sealed partial class Applicant(SandboxFixture sandbox, string token)
{
    private const string RedirectUri = "http://localhost:5000/console/signed-in";

    /// <summary>Enrols a sandbox user for the person with these records; their password is the console tests' convention.</summary>
    public static string Enrol(SandboxFixture sandbox, params string[] records) => Enrol(sandbox.Host.Services, records);

    /// <summary>Enrols the user in the sandbox host with these <paramref name="services"/> (the browser tests run one of their own).</summary>
    public static string Enrol(IServiceProvider services, params string[] records)
    {
        var username = $"applicant-{Guid.NewGuid():N}";
        var options = services.GetRequiredService<IOptions<AccessOptions>>().Value;
        lock (options.People)
        {
            options.People.Add(new Person
            {
                Username = username,
                DisplayName = "A test applicant",
                Office = "APPLICANT",
                Role = ParticipantRole.Applicant,
                Scopes = [Scopes.Applicant],
                Records = [.. records],
                DevelopmentPassword = ConsoleVisitor.PasswordOf(username),
            });
        }

        return username;
    }

    public static async Task<Applicant> SignIn(SandboxFixture sandbox, params string[] records)
    {
        var username = Enrol(sandbox, records);
        using var browser = new HttpClient(new Browser(sandbox.Host.Server.CreateHandler())) { BaseAddress = sandbox.Host.Server.BaseAddress };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id=gid-console&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
            $"&scope={Uri.EscapeDataString("gid:read applicant:self")}&state=s&code_challenge={challenge}&code_challenge_method=S256";
        var signedIn = await SignInFlowTests.SignIn(browser, authorize, username, ConsoleVisitor.PasswordOf(username));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var location = (await browser.GetAsync(signedIn.Headers.Location!)).Headers.Location!.ToString();
        var code = Uri.UnescapeDataString(CodeParameter().Match(location).Groups[1].Value);
        var redeemed = await sandbox.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = "gid-console",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = verifier,
            }).ToUrl("/connect/token");
        });
        return new Applicant(sandbox, JsonNode.Parse(await redeemed.ReadAsTextAsync())!["access_token"]!.GetValue<string>());
    }

    public async Task<JsonObject> GraphQL(string query, object? variables = null)
    {
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query, variables }), accept: "application/graphql-response+json", token: token);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<JsonObject> Data(string query, object? variables = null)
    {
        var response = await GraphQL(query, variables);
        Assert.True(response["errors"] is null, $"Unexpected errors: {response["errors"]?.ToJsonString()}");
        return response["data"]!.AsObject();
    }

    public async Task<JsonObject> Error(string query, object? variables = null)
    {
        var response = await GraphQL(query, variables);
        var errors = response["errors"]?.AsArray();
        Assert.True(errors is { Count: 1 }, $"Expected one error, got: {response.ToJsonString()}");
        return errors[0]!.AsObject();
    }

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();
}
