using System.Globalization;

namespace GidSandbox.Benchmarks;

/// <param name="SandboxDll">The built sandbox, run as its own process so the load crosses real HTTP.</param>
/// <param name="CostAb">Also measure lookups against a second sandbox on the same database with cost accounting and the per-request connection bound off.</param>
/// <param name="AccessAb">Also measure lookups against the sandbox hosted by this benchmark with and without the access checks (LookupHost).</param>
/// <param name="WarmUpSeconds">Lookups before each measured lookup run (tiered JIT, pools, caches); 10 unless a smoke run asks for less (0: none).</param>
/// <param name="PgBenchScale">pgbench's scale factor (100,000 accounts each); 10 unless a smoke run asks for less.</param>
/// <param name="Rounds">How many times an A/B comparison alternates its two sides; 2 unless a smoke run asks for less.</param>
public sealed record BenchmarkOptions(int Identities, int Concurrency, int Seconds, string SandboxDll, bool CostAb = false, bool AccessAb = false, int WarmUpSeconds = 10, int PgBenchScale = 10, int Rounds = 2)
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
            dll,
            args.Contains("--cost-ab"),
            args.Contains("--access-ab"),
            int.Parse(Value("--warm-up") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--pgbench-scale") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds") ?? "2", CultureInfo.InvariantCulture));
    }
}
