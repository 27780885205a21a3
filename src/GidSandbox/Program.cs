using GidSandbox.GraphQL;
using GidSandbox.Hosting;

var builder = WebApplication.CreateBuilder(args);
var connectionString = await builder.AddGidDatabaseAsync();
builder.Services.AddGidPersistence(connectionString);
builder.Services.AddGidGraphQL();

var app = builder.Build();
app.MapGraphQLEndpoint();
app.MapGidHealthChecks();
app.AnnounceWhenStarted();
app.Run();

public partial class Program;
