using System.Globalization;

namespace GidSandbox.Benchmarks;

/// <param name="SandboxDll">The built sandbox, run as its own process so the load crosses real HTTP.</param>
public sealed record BenchmarkOptions(int Identities, int Concurrency, int Seconds, string SandboxDll)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

        var dll = Value("--sandbox") ?? Path.Combine(AppContext.BaseDirectory, "GidSandbox.dll");
        return new BenchmarkOptions(
            int.Parse(Value("--identities") ?? "100000", CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency") ?? "16", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture),
            dll);
    }
}
