using JasperFx.CommandLine;

namespace GidSandbox.Hosting;

public sealed class ServeInput : CommandInput;

/// <summary>
/// What <c>help</c> lists as <c>run</c>, in place of JasperFx's (whose inherited options cannot act on the built host,
/// and give <c>-c</c> and <c>-v</c> two meanings each). Program serves without going through the command line, so
/// ASP.NET's own options (<c>--urls</c>, <c>--environment</c>) pass to the host as settings.
/// </summary>
[Description("Serves the sandbox: the GraphQL API, the console and the health checks (what it does with no command; ASP.NET's --urls sets the address)", Name = "run")]
public sealed class ServeCommand : JasperFxAsyncCommand<ServeInput>
{
    public override async Task<bool> Execute(ServeInput input)
    {
        await input.BuildHost().RunAsync();
        return true;
    }
}
