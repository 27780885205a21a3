using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GidSandbox.Identities.Linking;
using Marten;
using JasperFx;
using JasperFx.Events;
using NodaTime;

namespace GidSandbox.Identities;

/// <summary>Who performs a write, from the caller's access token; recorded on every event.</summary>
public sealed record Actor(string Office, string ClientId, string? Subject);

/// <summary>The circumstances of one write: who, under which correlation id, why, and its retry key.</summary>
public sealed record WriteRequest(Actor Actor, string CorrelationId, string? IdempotencyKey, string? Reason, string? TermsVersion = null);

/// <summary>
/// Who makes a write as a decision sees it: the acting office, whether it acts for governance, and when; for an applicant
/// signed in, the GIDs of their own records.
/// </summary>
public sealed record Writer(string Office, bool Governance, Instant At, IReadOnlySet<string>? OwnRecords = null);

/// <summary>What a mutation returns; <see cref="Replayed"/> tells a retry from the first call.</summary>
public sealed record IdentityPayload(Identity Identity, bool Replayed);

/// <summary>Remembers the result of a write under the caller's idempotency key.</summary>
public sealed record IdempotencyRecord(string Id, string Operation, string InputHash, string Gid, long Version);

/// <summary>
/// One write to the registry's identities: a use case's command. The pipeline loads what it names,
/// <see cref="IdentityDecider"/> decides (ownership first), and the pipeline appends what was decided.
/// </summary>
public interface IIdentityCommand
{
    /// <summary>The identities whose streams the command appends to, with the version the caller read (null: any).</summary>
    IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets { get; }

    /// <summary>Identities the decision reads without writing them (a parent).</summary>
    IReadOnlyList<Gid> Reads => [];

    /// <summary>The identifiers the command would link: the pipeline finds who holds them now.</summary>
    IReadOnlyList<ExternalIdentifier> Claims => [];

    /// <summary>The use case's own decision; the ownership rule was applied before it is called.</summary>
    Decision Decide(Facts facts, Writer by);
}

/// <summary>A registration: its stream starts with the decision, after a duplicate check in the writing transaction.</summary>
public interface IRegistration : IIdentityCommand
{
    Gid Gid { get; }

    Task<IRegistration> CheckForDuplicatesAsync(IDocumentSession session, Facts facts, CancellationToken ct);
}

/// <summary>What a decision reads: the identities the command names, as they are now, and the holders of the identifiers it would claim.</summary>
public sealed record Facts(IReadOnlyDictionary<string, Identity> Identities, IReadOnlyDictionary<string, string> Holders)
{
    public Identity Get(Gid gid) => Find(gid) ?? throw Refusal.NotFound($"No identity has the GID {gid}.");

    public Identity? Find(Gid gid) => Identities.GetValueOrDefault(gid.Value);

    /// <summary>The GID holding <paramref name="identifier"/> now, if any.</summary>
    public string? HolderOf(ExternalIdentifier identifier) => Holders.GetValueOrDefault(identifier.Key);
}

/// <summary>Events to append to one identity's stream; a registration starts it.</summary>
public sealed record Appended(Gid Gid, IReadOnlyList<object> Events, bool Starts = false);

/// <summary>What a command decided: the events per stream, and which identity the caller gets back.</summary>
public sealed record Decision(Gid Result, IReadOnlyList<Appended> Streams)
{
    public static Decision On(Gid gid, IReadOnlyList<object> events) => new(gid, [new Appended(gid, events)]);

    public IReadOnlyList<object> EventsOf(Gid gid) => Streams.Where(s => s.Gid == gid).SelectMany(s => s.Events).ToList();

    /// <summary>The claims on identifiers the events make, move or release: derived from the events, never decided twice.</summary>
    public IEnumerable<ClaimChange> ClaimChanges() =>
        Streams.SelectMany(s => s.Events.SelectMany(e => e switch
        {
            NaturalPersonRegistered r => ExternalIdentifier.Globals(null, r.Orcid, r.Isni, r.RegisteringOffice).Select(x => new ClaimChange(x, s.Gid, ClaimChangeKind.Claimed)),
            LegalEntityRegistered r => ExternalIdentifier.Globals(r.Lei, null, null, r.RegisteringOffice).Select(x => new ClaimChange(x, s.Gid, ClaimChangeKind.Claimed)),
            ExternalIdentifierLinked l => [new ClaimChange(l.Identifier, s.Gid, ClaimChangeKind.Claimed)],
            ExternalIdentifierUnlinked u => [new ClaimChange(u.Identifier, s.Gid, ClaimChangeKind.Released)],
            IdentityAbsorbed a => a.ExternalIdentifiers.Concat(ExternalIdentifier.Globals(a.Lei, a.Orcid, a.Isni, "")).Select(x => new ClaimChange(x, s.Gid, ClaimChangeKind.Moved)),
            _ => [],
        }));

}

public enum ClaimChangeKind
{
    Claimed,
    Moved,
    Released,
}

public sealed record ClaimChange(ExternalIdentifier Identifier, Gid Gid, ClaimChangeKind Kind);

/// <summary>The one decision of every identity write: the ownership rule, then the use case.</summary>
public static class IdentityDecider
{
    public static Decision Decide(IIdentityCommand command, Facts facts, Writer by)
    {
        Ownership.Authorize(command, facts, by);
        return command.Decide(facts, by);
    }

    /// <summary>The identity after its part of the decision.</summary>
    public static Identity After(Facts facts, Decision decision, Gid gid)
    {
        var events = decision.EventsOf(gid);
        var before = facts.Find(gid);
        return Identity.Project(before, events) with { Version = (before?.Version ?? 0) + events.Count };
    }
}

public static class Writes
{
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// The header with the real instant an event was stored, on events whose timestamp is another instant: the mock
    /// world's (mock-data/README.md). Without it, the timestamp is both.
    /// </summary>
    public const string RecordedAtHeader = "recordedAt";

    /// <summary>When the registry stored <paramref name="e"/>; Marten's JSON hands an ISO instant header back as a DateTime.</summary>
    public static Instant RecordedAt(IEvent e) =>
        e.Headers?.TryGetValue(RecordedAtHeader, out var value) != true ? Instant.FromDateTimeOffset(e.Timestamp)
            : value is DateTime at ? Instant.FromDateTimeUtc(at.ToUniversalTime())
            : NodaTime.Text.InstantPattern.ExtendedIso.Parse(value?.ToString() ?? "") is { Success: true } parsed ? parsed.Value
            : Instant.FromDateTimeOffset(e.Timestamp);

    /// <summary>
    /// The write pipeline of identities: loads what <paramref name="command"/> names (asserting the versions the caller
    /// read), decides with <see cref="IdentityDecider"/>, appends the events and the identifier claims they make,
    /// in one transaction, through <see cref="RunAsync"/> (actor, idempotency, conflicts).
    /// </summary>
    public static Task<IdentityPayload> RunAsync(IDocumentStore store, WriteRequest request, Writer writer, string operation, object input, IIdentityCommand command, CancellationToken ct) =>
        RunAsync(store, request, operation, input, async (session, ct) =>
        {
            var streams = new Dictionary<string, IEventStream<Identity>>();
            var identities = new Dictionary<string, Identity>();
            foreach (var (gid, expected) in command.Targets)
            {
                var stream = expected is { } version
                    ? await session.Events.FetchForWriting<Identity>(gid.Value, version, ct)
                    : await session.Events.FetchForWriting<Identity>(gid.Value, ct);
                streams[gid.Value] = stream;
                if (stream.Aggregate is { } identity)
                {
                    identities[gid.Value] = identity;
                }
            }

            var reads = command.Reads.Select(g => g.Value).Where(g => !identities.ContainsKey(g)).Distinct().ToArray();
            if (reads.Length > 0)
            {
                foreach (var identity in await session.LoadManyAsync<Identity>(ct, reads))
                {
                    identities[identity.Id] = identity;
                }
            }

            var keys = command.Claims.Select(x => x.Key).Distinct().ToArray();
            var holders = keys.Length == 0 ? [] : (await session.LoadManyAsync<ExternalIdentifierClaim>(ct, keys)).ToDictionary(c => c.Id, c => c.Gid);
            var facts = new Facts(identities, holders);
            if (command is IRegistration registration)
            {
                // Ownership before the look-alike search, so a refused caller learns nothing of the registry's contents.
                Ownership.Authorize(command, facts, writer);
                command = await registration.CheckForDuplicatesAsync(session, facts, ct);
            }

            var decision = IdentityDecider.Decide(command, facts, writer);
            foreach (var appended in decision.Streams)
            {
                if (appended.Starts)
                {
                    session.Events.StartStream<Identity>(appended.Gid.Value, appended.Events);
                }
                else
                {
                    streams[appended.Gid.Value].AppendMany(appended.Events);
                }
            }

            foreach (var change in decision.ClaimChanges())
            {
                ExternalIdentifierClaim.Apply(session, change);
            }

            return IdentityDecider.After(facts, decision, decision.Result);
        }, ct);

    /// <summary>
    /// Runs one write in one transaction: stamps the actor on the session, replays an earlier
    /// result for a repeated idempotency key, and turns Marten's concurrency failures into
    /// <c>CONFLICT</c>. Nothing is stored when <paramref name="write"/> refuses.
    /// </summary>
    public static async Task<IdentityPayload> RunAsync(
        IDocumentStore store,
        WriteRequest request,
        string operation,
        object input,
        Func<IDocumentSession, CancellationToken, Task<Identity>> write,
        CancellationToken ct)
    {
        var key = request.IdempotencyKey;
        if (key is not null && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
        {
            throw Refusal.Invalid("input.idempotencyKey", $"An idempotency key has 1 to {MaxIdempotencyKeyLength} printable characters.");
        }

        var recordId = key is null ? null : $"{request.Actor.Office}|{key}";
        var inputHash = Hash(operation, input);
        if (recordId is not null && await ReplayAsync(store, recordId, operation, inputHash, ct) is { } replayed)
        {
            return replayed;
        }

        try
        {
            var identity = await InTransactionAsync(store, request, async (session, ct) =>
            {
                var identity = await write(session, ct);
                if (recordId is not null)
                {
                    session.Insert(new IdempotencyRecord(recordId, operation, inputHash, identity.Id, identity.Version));
                }

                return identity;
            }, ct);
            return new IdentityPayload(identity, Replayed: false);
        }
        catch (Refusal) when (recordId is not null)
        {
            // A concurrent retry with the same key may have written first, and this one then refused what it saw;
            // answer with the first result as a retry should.
            if (await ReplayAsync(store, recordId, operation, inputHash, ct) is { } first)
            {
                return first;
            }

            throw;
        }
        catch (DocumentAlreadyExistsException ex) when (ex.DocType == typeof(IdempotencyRecord) && recordId is not null)
        {
            // A concurrent retry with the same key won; answer with its result.
            return await ReplayAsync(store, recordId, operation, inputHash, ct)
                ?? throw Refusal.Conflict("A concurrent request with the same idempotency key is still in progress; retry shortly.");
        }
    }

    /// <summary>
    /// Every write's transaction: the actor, reason and Terms version stamped on each event, the changes saved at once,
    /// and a concurrent change (a stale version, an identifier claimed meanwhile) answered as <c>CONFLICT</c>.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(IDocumentStore store, WriteRequest request, Func<IDocumentSession, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        Stamp(session, request);
        try
        {
            var result = await write(session, ct);
            OneInstantPerVersion(session, ((StoreOptions)store.Options).Events.TimeProvider.GetUtcNow());
            await session.SaveChangesAsync(ct);
            return result;
        }
        catch (DocumentAlreadyExistsException ex) when (ex.DocType == typeof(ExternalIdentifierClaim))
        {
            await using var query = store.QuerySession();
            var holder = await query.LoadAsync<ExternalIdentifierClaim>((string)ex.Id, ct);
            throw Refusal.Conflict(holder is null
                ? "A concurrent request linked the same identifier; read the identity again and retry."
                : $"The identifier {ExternalIdentifierClaim.Describe(holder.Identifier)} was just linked to {holder.Gid} by a concurrent request; unlink it there first, or merge the two identities.");
        }
        catch (Exception ex) when (ex is ConcurrencyException or ExistingStreamIdCollisionException)
        {
            throw Refusal.Conflict("The record was changed by another request since the version you read; read it again and retry with the new expectedVersion.");
        }
    }

    /// <summary>
    /// The events one write appends to a stream are stamped a microsecond apart, in version order, so that as-of by
    /// instant tells every version apart (Marten would give them all one instant).
    /// </summary>
    private static void OneInstantPerVersion(IDocumentSession session, DateTimeOffset now)
    {
        foreach (var stream in session.PendingChanges.Streams())
        {
            var k = 0;
            foreach (var e in stream.Events)
            {
                e.Timestamp = now.AddMicroseconds(k++);
            }
        }
    }

    /// <summary>Puts who, why, under which Terms and the correlation id on every event the session appends.</summary>
    public static void Stamp(IDocumentSession session, WriteRequest request)
    {
        session.CorrelationId = request.CorrelationId;
        session.LastModifiedBy = request.Actor.ClientId;
        foreach (var (name, value) in Headers(request))
        {
            session.SetHeader(name, value);
        }
    }

    /// <summary>The event headers that record who wrote, why and under which Terms.</summary>
    public static IEnumerable<(string Name, string Value)> Headers(WriteRequest request)
    {
        yield return ("office", request.Actor.Office);
        yield return ("clientId", request.Actor.ClientId);
        if (request.Actor.Subject is not null)
        {
            yield return ("subject", request.Actor.Subject);
        }

        if (request.Reason is not null)
        {
            yield return ("reason", request.Reason);
        }

        if (request.TermsVersion is not null)
        {
            yield return ("termsVersion", request.TermsVersion);
        }
    }

    private static async Task<IdentityPayload?> ReplayAsync(IDocumentStore store, string recordId, string operation, string inputHash, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var record = await query.LoadAsync<IdempotencyRecord>(recordId, ct);
        if (record is null)
        {
            return null;
        }

        if (record.Operation != operation || record.InputHash != inputHash)
        {
            throw Refusal.Conflict("This idempotency key was already used for a different request; use a new key for a new request.");
        }

        var identity = await query.Events.AggregateStreamAsync<Identity>(record.Gid, record.Version, token: ct)
            ?? throw new InvalidOperationException($"Idempotency record {recordId} names a missing stream.");
        return new IdentityPayload(identity, Replayed: true);
    }

    private static string Hash(string operation, object input) =>
        Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes(operation), .. JsonSerializer.SerializeToUtf8Bytes(input, input.GetType())]));
}
