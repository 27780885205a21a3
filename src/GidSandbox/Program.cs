using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.GraphQL;
using GidSandbox.Hosting;
using GidSandbox.Matching;
using GidSandbox.MockData;
using GidSandbox.Reports;
using GidSandbox.ReviewConsole;
using GidSandbox.Terms;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
if (await builder.AddGidDatabaseAsync(args) is not { } database)
{
    return 1; // the reason, and what to do about it, is logged
}

builder.Services.AddGidPersistence(database.Application, builder.Configuration);
builder.Services.AddGidAccess(builder.Configuration, database.Application, database.SigningKeys);
builder.Services.AddGidTerms();
builder.Services.AddGidGraphQL();
builder.Services.AddMockData(builder.Configuration);
builder.Services.AddGidAudit(database.Streaming);
builder.Services.AddGidReports();
builder.Services.AddReviewConsole();

var app = builder.Build();
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
// OpenIddict's clients (EF Core) and the event store (Marten) are independent: prepared side by side to start sooner.
await Task.WhenAll(app.EnrollParticipantsAsync(), PrepareEventStoreAsync(app));
// `dotnet run` serves the sandbox; `dotnet run -- help` lists the commands (Marten's and the sandbox's own).
// A command other than serving never starts the host, so the embedded database this process started
// is stopped after it (serving stops it with the host, and then this does nothing).
var embedded = app.Services.GetService<EmbeddedPostgres>();
try
{
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
