using GidSandbox.Hosting;
using JasperFx.CommandLine;

namespace GidSandbox.Audit.Chain;

public sealed class VerifyInput : CommandInput
{
    [Description("Sequence number of a checkpoint recorded outside the registry, to check with --anchor-link")]
    [FlagAlias("anchor-sequence", longAliasOnly: true)] // -a would stand for both anchor options
    public long AnchorSequenceFlag { get; set; }

    [Description("The link recorded for that checkpoint (64 hex digits)")]
    [FlagAlias("anchor-link", longAliasOnly: true)]
    public string? AnchorLinkFlag { get; set; }
}

[Description("Recomputes the audit trail's hash chain and reports the first broken link; checks every identity reads its stream's version", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input)
    {
        // Program started the database (embedded or configured) already; the web server is not needed.
        var host = input.BuildHost();
        try
        {
            var anchor = VerifyAuditTrail.Anchor(input.AnchorSequenceFlag == 0 ? null : input.AnchorSequenceFlag, input.AnchorLinkFlag);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var report = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync(anchor, CancellationToken.None);
            Console.WriteLine($"events verified:      {report.EventsVerified:N0} in {started.Elapsed.TotalSeconds:N1} s");
            Console.WriteLine($"checkpoints verified: {report.CheckpointsVerified:N0}");
            Console.WriteLine($"of them erased:       {report.EventsErased:N0} (masked under a recorded erasure decision)");
            Console.WriteLine($"tombstones skipped:   {report.TombstonesSkipped:N0} (Marten's placeholders for failed appends, never chained)");
            Console.WriteLine($"head:                 event {report.HeadSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, link {report.HeadLink}");
            Console.WriteLine($"pending (not chained yet): {report.PendingEvents:N0}");
            var versions = await Identities.StreamVersions.CheckAsync(host.Services.GetRequiredService<Marten.IDocumentStore>(), CancellationToken.None);
            Console.WriteLine($"identity versions:    {versions.Identities:N0} identities, {versions.Differing:N0} not at their stream's version");
            foreach (var behind in versions.First)
            {
                Console.WriteLine($"  - {behind.Gid}: document at version {behind.DocumentVersion}, stream at {behind.StreamVersion}");
            }

            if (report.FirstBreak is { } broken)
            {
                Console.WriteLine($"BROKEN at event {broken.Sequence} (stream {broken.StreamId ?? "unknown"}): {broken.Problem}");
                foreach (var difference in broken.Differences)
                {
                    Console.WriteLine($"  - {difference}");
                }

                return false;
            }

            if (versions.Differing > 0)
            {
                Console.WriteLine("VERSIONS DIFFER: writes with the version these identities read would be refused");
                return false;
            }

            Console.WriteLine("INTACT");
            return true;
        }
        finally
        {
            await Feed.FeedCommands.StopEmbeddedAsync(host);
        }
    }
}
