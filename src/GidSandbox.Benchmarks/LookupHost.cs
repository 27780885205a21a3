using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Hosting;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GidSandbox.Benchmarks;

/// <summary>
/// The sandbox twice in one process of this benchmark (its own Program, services and pipeline, on Kestrel) for the
/// access checks' A/B: on <c>--port</c> as shipped, and on <c>--without-access-port</c> with <c>POST /graphql</c>
/// answered ahead of the whole pipeline by the same GraphQL execution as office EP, with no token, throttle or quota
/// limiter. Both sides run this way, so they differ by that alone. The bypass lives here only: the server has no
/// setting that reaches it.
/// </summary>
public static class LookupHost
{
    public const string Command = "lookup-host";

    public static async Task<int> RunAsync(string[] args)
    {
        int Port(string name) => int.Parse(args.SkipWhile(a => a != name).Skip(1).First(), System.Globalization.CultureInfo.InvariantCulture);
        await using var with = Start(Port("--port"), withoutAccess: false);
        await using var without = Start(Port("--without-access-port"), withoutAccess: true);
        await Task.Delay(Timeout.Infinite); // stopped by the benchmark that started it
        return 0;
    }

    private static WebApplicationFactory<AccessOptions> Start(int port, bool withoutAccess)
    {
        // Any type of the sandbox's assembly names its entry point (Program here is this benchmark's own).
        var factory = new WebApplicationFactory<AccessOptions>().WithWebHostBuilder(web =>
        {
            web.UseContentRoot(AppContext.BaseDirectory); // the sandbox's appsettings.json, copied beside this program
            web.UseUrls($"http://127.0.0.1:{port}");
            if (withoutAccess)
            {
                web.ConfigureServices(services => services.AddSingleton<IStartupFilter, WithoutAccess>());
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    private sealed class WithoutAccess : IStartupFilter
    {
        private static readonly Caller OfficeEp = new(new Actor("EP", "office-ep", null), ParticipantRole.Office, new HashSet<string>([Scopes.Read, Scopes.Write, Scopes.Merge]), "EPO");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/graphql", graphql => graphql.Run(http => GraphQLHttpEndpoint.RespondAsync(
                http,
                OfficeEp,
                http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>(),
                http.RequestServices.GetRequiredService<IGraphQLTextSerializer>(),
                http.RequestServices.GetRequiredService<ILoggerFactory>(),
                http.RequestServices.GetRequiredService<OfficeQuotas>(),
                http.RequestServices.GetRequiredService<AvailabilityOptions>())));
            next(app);
        };
    }
}
