using GidSandbox.Identities;
using GidSandbox.Identities.Erasing;
using Marten;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GidSandbox.Rights;

/// <summary>How long personal data is kept once it is no longer in use (governance/data-protection.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Years a deactivated natural person's personal data is kept after the deactivation was recorded.</summary>
    public int DeactivatedYears { get; set; } = 5;

    /// <summary>How often the retention job looks for data past its period (and once when the sandbox starts).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Applies the retention period: a natural person deactivated longer ago than the period (and not reactivated) is
/// erased through the one erasure (<see cref="EraseNaturalPerson"/>, <see cref="ErasureExecution"/>): the decision
/// is recorded on every identity of theirs, merged-away ones too, and the masking is recorded and chained. The time
/// is the sandbox's clock, so tests move it.
/// </summary>
public sealed partial class RetentionJob(IDocumentStore store, IClock clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    /// <summary>Who the retention job acts as: the International Bureau, which operates the sandbox and decides the period.</summary>
    public static readonly Actor Actor = new("IB", "gid-sandbox-retention", null);

    public const string LegalBasis = "Retention period of deactivated natural persons' personal data (governance/data-protection.md)";

    /// <summary>Erases every natural person whose deactivation is older than the period; returns their GIDs.</summary>
    public async Task<IReadOnlyList<Gid>> ApplyAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = now.InUtc().LocalDateTime.PlusYears(-options.Value.DeactivatedYears).InUtc().ToInstant();
        List<string> deactivated;
        await using (var query = store.QuerySession())
        {
            deactivated = [.. await query.Query<Identity>().Where(i => i.Status == IdentityStatus.Deactivated && i.Kind == IdentityKind.NaturalPerson).Select(i => i.Id).ToListAsync(ct)];
        }

        var erased = new List<Gid>();
        foreach (var id in deactivated)
        {
            var gid = Gid.Parse(id);
            if (await DeactivatedAtAsync(gid, ct) is not { } since || since > cutoff)
            {
                continue;
            }

            var today = now.InUtc().Date;
            var decision = $"RETENTION-{today:uuuuMMdd}-{gid.Value}";
            var request = new WriteRequest(Actor, $"retention-{Guid.NewGuid():N}", null, $"Deactivated on {since.InUtc().Date:uuuu-MM-dd}, more than {options.Value.DeactivatedYears} years ago");
            IReadOnlyList<Gid> mergedFrom;
            await using (var query = store.QuerySession())
            {
                mergedFrom = await EraseNaturalPerson.MergedIntoAsync(query, gid, ct);
            }

            var command = new EraseNaturalPerson(gid, null, mergedFrom, "none: retention period", today, decision, LegalBasis);
            try
            {
                await Writes.RunAsync(store, request, new Writer(Actor.Office, Governance: true, now), "eraseNaturalPerson", new { gid = gid.Value, decision }, command, ct);
            }
            catch (Refusal refusal) when (refusal.Code == ErrorCodes.Conflict)
            {
                continue; // changed meanwhile (reactivated, erased by a decision): the next run sees it as it is
            }

            await ErasureExecution.RunAsync(store, request, decision, [gid, .. mergedFrom], ct);
            erased.Add(gid);
        }

        if (erased.Count > 0)
        {
            LogApplied(logger, erased.Count, options.Value.DeactivatedYears);
        }

        return erased;
    }

    /// <summary>When the identity's current deactivation was recorded (the registry's instant, not the mock world's).</summary>
    private async Task<Instant?> DeactivatedAtAsync(Gid gid, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(gid.Value, token: ct);
        var last = events.LastOrDefault(e => e.Data is IdentityDeactivated or IdentityReactivated);
        return last?.Data is IdentityDeactivated ? Writes.RecordedAt(last) : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery);
        try
        {
            do
            {
                try
                {
                    await ApplyAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Count} natural persons deactivated more than {Years} years ago")]
    private static partial void LogApplied(ILogger logger, int count, int years);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the run failed; the next one tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
