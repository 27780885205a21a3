using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GidSandbox.Hosting;
using GidSandbox.MockData;
using JasperFx.CommandLine;
using Spectre.Console;

namespace GidSandbox.Benchmarks.Scenarios;

public sealed class ScenarioInput
{
    [Description("The running sandbox (default: the one serving on this repository's embedded cluster, found by the address it writes in .data/postgres.url)")]
    public string? UrlFlag { get; set; }

    [Description("The client to act as; it needs gid:merge (default office-ep)")]
    public string ClientFlag { get; set; } = "office-ep";

    [Description("Its secret (default <client>-sandbox-secret)")]
    [FlagAlias("secret", longAliasOnly: true)] // -s is not given to two options
    public string? SecretFlag { get; set; }

    [Description("The mock world the party comes from (default 20261125)")]
    [FlagAlias("seed", longAliasOnly: true)]
    public int SeedFlag { get; set; } = 20261125;
}

[Description("Walks an office through register, link, merge and lookup on a running sandbox, over GraphQL with a real token", Name = "scenario")]
public sealed class ScenarioCommand : JasperFxAsyncCommand<ScenarioInput>
{
    public override async Task<bool> Execute(ScenarioInput input)
    {
        if (input.UrlFlag is null)
        {
            // Where the sandbox looks for its cluster: the setting it reads, else the repository's .data/postgres.
            var cluster = Environment.GetEnvironmentVariable("EmbeddedPostgres__DataDirectory") is { Length: > 0 } configured
                ? configured
                : EmbeddedPostgres.DefaultDataDirectory(Directory.GetCurrentDirectory());
            if (RunningSandbox.Find(cluster) is not { } found)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No running sandbox found[/]: none has written its address to {RunningSandbox.AddressFile(cluster)}.");
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"Start one with [bold]dotnet run --project src/GidSandbox[/] from this repository, or pass the address a sandbox logged as \"GID Sandbox ready\" with [bold]--url[/].");
                return false;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The sandbox running at {found} (from {RunningSandbox.AddressFile(cluster)}).");
            input.UrlFlag = found.ToString().TrimEnd('/');
        }

        using var http = new HttpClient { BaseAddress = new Uri(input.UrlFlag) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = input.ClientFlag,
            ["client_secret"] = input.SecretFlag ?? $"{input.ClientFlag}-sandbox-secret",
        });
        HttpResponseMessage token;
        try
        {
            token = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No sandbox answers at {input.UrlFlag}[/] ({e.Message}).");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Start one with [bold]dotnet run --project src/GidSandbox[/] (it listens on http://localhost:5000), or pass the address it logged as \"GID Sandbox ready\" with [bold]--url[/].");
            return false;
        }

        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        if (!token.IsSuccessStatusCode || body?["access_token"] is null)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No token for {input.ClientFlag}:[/] {body?.ToJsonString()}");
            return false;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        var step = 0;
        await OfficeWalkThrough.RunAsync(
            async (query, variables) =>
            {
                using var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            },
            line => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{++step,2}[/] {line}"),
            input.SeedFlag);
        return true;
    }
}
