using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.Cluster;
using GidSandbox.GraphQL;
using GidSandbox.Hosting;
using GidSandbox.Matching;
using GidSandbox.MockData;
using GidSandbox.Reports;
using GidSandbox.ReviewConsole;
using GidSandbox.Rights;
using GidSandbox.Terms;
using JasperFx;

// `cluster up|down` runs the sandbox on several processes; `proxy` is the cluster's reverse proxy (Cluster/).
if (ClusterCommand.Asked(args))
{
    return await ClusterCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.ReadConfigurationFiles();
if (CommandList.OnlyUsage(args))
{
    return await CommandList.WriteUsageAsync(args); // before the database: usage never starts or touches one
}

if (await builder.AddGidDatabaseAsync(args) is not { } database)
{
    return 1; // the reason, and what to do about it, is logged
}

builder.Services.AddGidPersistence(database.Application, builder.Configuration);
builder.Services.AddGidReadReplica(database.Replica, builder.Configuration);
builder.Services.AddGidAccess(builder.Configuration, database.Application, database.SigningKeys);
builder.Services.AddGidTerms();
builder.Services.AddGidGraphQL();
builder.Services.AddMockData(builder.Configuration);
builder.Services.AddGidAudit(database.Streaming);
builder.Services.AddGidReports();
builder.Services.AddGidRights(builder.Configuration);
builder.Services.AddReviewConsole();

var app = builder.Build();
app.UseGidProxyHeaders(); // first: every later part sees the client's address, not the cluster's proxy
LandingPage.UseErrorPage(app); // outside Availability, which answers database outages with 503 itself
app.UseGidAvailability();
app.UseGidUsage();
app.UseGidAccess();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapSignInPage();
app.MapGraphQLEndpoint();
app.MapAuditExport();
app.MapReviewConsole();
app.MapGidHealthChecks();
app.AnnounceWhenStarted();
app.WriteAddressWhenStarted();
// Serving (no command, or `run`) enrolls the participants as configured and prepares the event store; OpenIddict's clients
// (EF Core) and the event store (Marten) are independent: prepared side by side to start sooner. A command may share the
// database of a sandbox that is running: it never enrolls (and so never rewrites that sandbox's clients), and only
// `seed`, which registers, prepares the event store; the others write nothing of their own.
if (Persistence.Serves(args))
{
    await Task.WhenAll(app.EnrollParticipantsAsync(), PrepareEventStoreAsync(app));
}
else if (args[0] == "seed")
{
    await PrepareEventStoreAsync(app);
}

// `dotnet run` serves the sandbox; `dotnet run -- COMMAND` runs a command (`help` lists them, above). A command other
// than serving never starts the host, so the embedded database this process started is stopped after it (serving
// stops it with the host, and then this does nothing).
var embedded = app.Services.GetService<EmbeddedPostgres>();
try
{
    if (Persistence.Serves(args))
    {
        await app.RunAsync();
        return 0;
    }

    return await app.RunJasperFxCommands(args);
}
finally
{
    if (embedded is not null)
    {
        await embedded.DisposeAsync();
    }
}

static async Task PrepareEventStoreAsync(WebApplication app)
{
    await app.PublishShippedTermsAsync();
    await app.Services.GetRequiredService<Marten.IDocumentStore>().RefreshStaleMatchProfilesAsync(app.Logger);
}

public partial class Program;
