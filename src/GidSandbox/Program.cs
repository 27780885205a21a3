using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Hosting;
using GidSandbox.ReviewConsole;
using GidSandbox.Terms;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
var connectionString = await builder.AddGidDatabaseAsync();
builder.Services.AddGidPersistence(connectionString);
builder.Services.AddGidAccess(builder.Configuration, connectionString, await SigningKeys.LoadOrCreateAsync(connectionString));
builder.Services.AddGidGraphQL();
builder.Services.AddReviewConsole();

var app = builder.Build();
app.UseGidAccess();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapSignInPage();
app.MapGraphQLEndpoint();
app.MapReviewConsole();
app.MapGidHealthChecks();
app.AnnounceWhenStarted();
await app.EnrollParticipantsAsync();
await app.PublishShippedTermsAsync();
// `dotnet run` serves the sandbox; `dotnet run -- help` lists the commands (Marten's and the sandbox's own).
return await app.RunJasperFxCommands(args);

public partial class Program;
