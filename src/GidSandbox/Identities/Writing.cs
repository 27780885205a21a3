using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GidSandbox.Identities.Linking;
using Marten;
using JasperFx;
using JasperFx.Events;

namespace GidSandbox.Identities;

/// <summary>Who performs a write, from the caller's access token; recorded on every event.</summary>
public sealed record Actor(string Office, string ClientId, string? Subject);

/// <summary>The circumstances of one write: who, under which correlation id, why, and its retry key.</summary>
public sealed record WriteRequest(Actor Actor, string CorrelationId, string? IdempotencyKey, string? Reason, string? TermsVersion = null);

/// <summary>What a mutation returns; <see cref="Replayed"/> tells a retry from the first call.</summary>
public sealed record IdentityPayload(Identity Identity, bool Replayed);

/// <summary>Remembers the result of a write under the caller's idempotency key.</summary>
public sealed record IdempotencyRecord(string Id, string Operation, string InputHash, string Gid, long Version);

public static class Writes
{
    public const int MaxIdempotencyKeyLength = 200;

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

        await using var session = store.LightweightSession();
        Stamp(session, request);
        try
        {
            var identity = await write(session, ct);
            if (recordId is not null)
            {
                session.Insert(new IdempotencyRecord(recordId, operation, inputHash, identity.Id, identity.Version));
            }

            await session.SaveChangesAsync(ct);
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
            throw Refusal.Conflict("The identity was changed by another request since the version you read; read it again and retry with the new expectedVersion.");
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

    /// <summary>Starts a new identity's stream with its registration events, claiming its external identifiers.</summary>
    public static async Task<Identity> StartAsync(IDocumentSession session, Gid gid, IReadOnlyList<ExternalIdentifier> identifiers, IReadOnlyList<object> events, CancellationToken ct)
    {
        await ExternalIdentifierClaim.ClaimAsync(session, gid, identifiers, ct);
        session.Events.StartStream<Identity>(gid.Value, events);
        return Identity.Project(null, events) with { Version = events.Count };
    }

    /// <summary>
    /// Fetches an identity for writing (asserting <paramref name="expectedVersion"/> when given),
    /// appends what <paramref name="decide"/> returns and gives back the identity after those events.
    /// </summary>
    public static async Task<Identity> AppendAsync(
        IDocumentSession session,
        Gid gid,
        long? expectedVersion,
        Func<Identity, IReadOnlyList<object>> decide,
        CancellationToken ct)
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Identity>(gid.Value, version, ct)
            : await session.Events.FetchForWriting<Identity>(gid.Value, ct);
        if (stream.Aggregate is null)
        {
            throw Refusal.NotFound($"No identity has the GID {gid}.");
        }

        var events = decide(stream.Aggregate);
        stream.AppendMany(events);
        return Identity.Project(stream.Aggregate, events) with { Version = stream.Aggregate.Version + events.Count };
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
