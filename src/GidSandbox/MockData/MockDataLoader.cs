using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GidSandbox.Identities;
using GidSandbox.Identities.Deactivating;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Managing;
using GidSandbox.Identities.Merging;
using GidSandbox.Identities.Naming;
using GidSandbox.Identities.Registering;
using GidSandbox.Matching;
using GidSandbox.Terms;
using JasperFx.Events;
using Marten;
using Weasel.Core;

namespace GidSandbox.MockData;

/// <summary>That a file's load is complete; a second load of the same content reads only this.</summary>
public sealed record MockDataCheckpoint(string Id, string File, long Line, bool Complete);

/// <summary>
/// Lines <see cref="FirstLine"/> to <see cref="LastLine"/> of the load <see cref="Load"/> are stored: written in the same
/// transaction as those lines, so a killed load resumes exactly, whichever batches committed first.
/// </summary>
public sealed record MockDataBatch(string Id, string Load, long FirstLine, long LastLine);

/// <summary>A line that was not loaded, and why, as the API would have said it.</summary>
public sealed record RefusedLine(string File, long Line, string Code, string Message);

public sealed record LoadProgress(string File, long Line, long Loaded, long Skipped, long Refused);

public sealed record LoadResult(long Loaded, long AlreadyLoaded, IReadOnlyList<RefusedLine> Refused);

/// <summary>
/// Loads mock-data NDJSON through the same validation and decisions as the API (each use case's
/// <c>From</c> and <c>Decide</c>), writing with Marten in batched sessions. Every event carries
/// the office of the line and the client <see cref="ClientId"/>. Its timestamp is the instant the line happened in the
/// mock world (each event of a line one microsecond after the one before, so every version has an instant of its own);
/// the real instant the load recorded it is the header <see cref="Writes.RecordedAtHeader"/> (mock-data/README.md).
/// </summary>
/// <remarks>
/// Lines are decided one after another in file order, so every refusal is the one a sequential load
/// would give. Storing is what takes the time (Marten's inline projections, serialization, PostgreSQL),
/// so up to <c>parallel</c> batches of registrations are stored at once, each in its own session and
/// transaction; registrations decided but not yet stored stay visible to the next decisions (a parent
/// GID, a claimed identifier, a GID seen twice). A batch holding any other write waits until every
/// batch before it is stored, and is stored alone: it reads identities those batches wrote.
/// <para>
/// With <c>bulk</c>, batches of registrations skip Marten's append pipeline: the same decided events (same headers)
/// are written with <see cref="IDocumentStore.BulkInsertEventsAsync(IReadOnlyList{StreamAction}, int, CancellationToken)"/>
/// (PostgreSQL COPY), then the documents the inline projections would have written (computed in process by those
/// projections) and the batch's <see cref="MockDataBatch"/> with one document COPY. A batch killed between the two is
/// completed on the next load: streams that already exist are not written again. Each events COPY raises the async
/// daemon's high-water mark to its last sequence number as it commits; events COPYs are therefore taken one at a time,
/// and a bulk load is only for a store no one else writes to meanwhile (a write still in flight elsewhere could be
/// passed by the mark and never reach the audit chain).
/// </para>
/// </remarks>
public sealed class MockDataLoader(IDocumentStore store, int batchSize = 500, int? parallel = null, bool bulk = false)
{
    public const string ClientId = "mock-data-loader";

    private readonly int _parallel = Math.Max(1, parallel ?? Math.Clamp(Environment.ProcessorCount, 1, 4));

    /// <summary>Registrations decided in batches whose transaction has not committed yet.</summary>
    private readonly Dictionary<string, Identity> _pendingIdentities = [];

    /// <summary>Identifiers claimed in batches whose transaction has not committed yet.</summary>
    private readonly Dictionary<string, string> _pendingClaims = [];

    /// <summary>Loads one file from where its last load stopped. Bad lines are reported with their number and skipped.</summary>
    public async Task<LoadResult> LoadFileAsync(string path, Action<LoadProgress>? progress = null, CancellationToken ct = default)
    {
        if (MockDataFiles.InvalidUtf8(path) is { } notUtf8)
        {
            throw new InvalidDataException(notUtf8);
        }

        var name = Path.GetFileName(path);
        var id = $"{name}:{await HashAsync(path, ct)}";
        IReadOnlyList<MockDataBatch> stored;
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<MockDataCheckpoint>(id, ct) is { Complete: true })
            {
                return new LoadResult(0, 0, []);
            }

            stored = await query.Query<MockDataBatch>().Where(b => b.Load == id).OrderBy(b => b.FirstLine).ToListAsync(ct);
        }

        var terms = await TermsAsync(ct);
        var refused = new List<RefusedLine>();
        long loaded = 0, skipped = 0, lineNumber = 0;
        var storedIndex = 0;
        var inFlight = new Queue<(Task Save, Decided Batch)>();
        var batch = new List<(long Line, string Text)>(batchSize);

        async Task Commit((Task Save, Decided Batch) next)
        {
            try
            {
                await next.Save;
            }
            finally
            {
                Forget(next.Batch);
            }

            (loaded, skipped) = (loaded + next.Batch.Loaded, skipped + next.Batch.Skipped);
            progress?.Invoke(new LoadProgress(name, next.Batch.LastLine, loaded, skipped, refused.Count));
        }

        async Task Flush()
        {
            var decided = await DecideAsync(id, name, batch, terms, refused, ct);
            batch.Clear();
            if (!decided.OnlyRegistrations)
            {
                // Its appends go to streams that batches still in flight may be starting: those are stored first, this one alone.
                while (inFlight.Count > 0)
                {
                    await Commit(inFlight.Dequeue());
                }
            }

            inFlight.Enqueue((bulk && decided.OnlyRegistrations ? BulkSaveAsync(decided.Session, ct) : SaveAsync(decided.Session, ct), decided));
            while (inFlight.Count >= _parallel || (!decided.OnlyRegistrations && inFlight.Count > 0))
            {
                await Commit(inFlight.Dequeue());
            }
        }

        try
        {
            using var reader = new StreamReader(path);
            while (await reader.ReadLineAsync(ct) is { } text)
            {
                lineNumber++;
                while (storedIndex < stored.Count && stored[storedIndex].LastLine < lineNumber)
                {
                    storedIndex++;
                }

                if (text.Length == 0 || (storedIndex < stored.Count && stored[storedIndex].FirstLine <= lineNumber))
                {
                    continue;
                }

                batch.Add((lineNumber, text));
                if (batch.Count == batchSize)
                {
                    await Flush();
                }
            }

            if (batch.Count > 0)
            {
                await Flush();
            }

            while (inFlight.Count > 0)
            {
                await Commit(inFlight.Dequeue());
            }
        }
        finally
        {
            // A failed or cancelled load leaves nothing pending: what did not commit is loaded again next time.
            foreach (var (save, decided) in inFlight)
            {
                await Task.WhenAny(save);
                Forget(decided);
            }
        }

        await using (var session = store.LightweightSession())
        {
            session.Store(new MockDataCheckpoint(id, name, lineNumber, Complete: true));
            session.DeleteWhere<MockDataBatch>(b => b.Load == id);
            await session.SaveChangesAsync(ct);
        }

        progress?.Invoke(new LoadProgress(name, lineNumber, loaded, skipped, refused.Count));
        return new LoadResult(loaded, skipped, refused);
    }

    /// <summary>Serialization and the inline projections run inside SaveChanges: on the thread pool, beside the next batch's decisions.</summary>
    private static Task SaveAsync(IDocumentSession session, CancellationToken ct) => Task.Run(
        async () =>
        {
            await using (session)
            {
                await session.SaveChangesAsync(ct);
            }
        },
        CancellationToken.None);

    /// <summary>
    /// Stores a batch of registrations by COPY: its events, then the inline projections' documents with the batch marker.
    /// The session is only the holder of the decided changes; it is never saved.
    /// </summary>
    private Task BulkSaveAsync(IDocumentSession session, CancellationToken ct) => Task.Run(
        async () =>
        {
            await using (session)
            {
                var streams = session.PendingChanges.Streams().ToList();
                var existing = await ExistingStreamsAsync(session, streams.Select(s => s.Key!).ToArray(), ct);
                foreach (var stream in streams)
                {
                    var version = 0;
                    foreach (var e in stream.Events)
                    {
                        // What SaveChanges would take from the session.
                        e.Version = ++version;
                        e.CorrelationId = session.CorrelationId;
                        e.UserName = session.LastModifiedBy;
                    }
                }

                var fresh = streams.Where(s => !existing.Contains(s.Key!)).ToList();
                if (fresh.Count > 0)
                {
                    // One events COPY at a time: each takes its sequence numbers and raises the high-water mark in its own
                    // transaction, so no committed mark ever passes sequence numbers another batch has yet to commit.
                    Task copied;
                    lock (_pendingIdentities)
                    {
                        copied = _eventsCopied = CopyEventsAfterAsync(_eventsCopied, fresh, ct);
                    }

                    await copied;
                }

                // The documents after the events, so the match profile holds its registration's sequence number as the inline
                // projection would.
                var documents = new List<object>();
                foreach (var stream in streams)
                {
                    Identity? identity = null;
                    MatchProfile? profile = null;
                    foreach (var e in stream.Events)
                    {
                        identity = IdentityProjection.Evolve(identity, stream.Key!, e);
                        profile = MatchProfileProjection.Evolve(profile, stream.Key!, e);
                    }

                    documents.Add(identity!);
                    documents.Add(profile!);
                }

                documents.AddRange(session.PendingChanges.InsertsFor<ExternalIdentifierClaim>());
                documents.AddRange(session.PendingChanges.AllChangedFor<MockDataBatch>());
                await store.BulkInsertDocumentsAsync(documents, BulkInsertMode.InsertsOnly, cancellation: ct);
            }
        },
        CancellationToken.None);

    /// <summary>The last events COPY started; the next one starts when it has committed or failed.</summary>
    private Task _eventsCopied = Task.CompletedTask;

    private async Task CopyEventsAfterAsync(Task previous, List<StreamAction> streams, CancellationToken ct)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await store.BulkInsertEventsAsync(streams, cancellation: ct);
        EventsCopied?.Invoke();
    }

    /// <summary>Called after each batch's events COPY commits, before its documents: where a test kills a bulk load.</summary>
    internal Action? EventsCopied { get; init; }

    private static readonly IdentityProjection IdentityProjection = new();
    private static readonly MatchProfileProjection MatchProfileProjection = new();

    /// <summary>Streams of the batch that a load killed before its documents were stored already wrote.</summary>
    private static async Task<HashSet<string>> ExistingStreamsAsync(IDocumentSession session, string[] ids, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var found = await session.QueryAsync<string>($"select id from {schema}.mt_streams where id = any(?)", ct, [ids]);
        return [.. found];
    }

    /// <summary>A batch decided and held in its session, not yet stored.</summary>
    private sealed record Decided(IDocumentSession Session, long LastLine, long Loaded, long Skipped, bool OnlyRegistrations, IReadOnlyList<string> Gids, IReadOnlyList<string> Claims);

    private void Forget(Decided batch)
    {
        lock (_pendingIdentities)
        {
            foreach (var gid in batch.Gids)
            {
                _pendingIdentities.Remove(gid);
            }

            foreach (var key in batch.Claims)
            {
                _pendingClaims.Remove(key);
            }
        }
    }

    private async Task<Decided> DecideAsync(
        string checkpointId, string file, List<(long Line, string Text)> batch, TermsOfUseBook terms, List<RefusedLine> refused, CancellationToken ct)
    {
        var parsed = new List<(long Line, MockLine Item, object Command)>();
        foreach (var (line, text) in batch)
        {
            try
            {
                var item = JsonSerializer.Deserialize<MockLine>(text, MockLine.Json) ?? throw Refusal.Invalid("line", "The line is JSON null.");
                parsed.Add((line, item, Parse(item)));
            }
            catch (Exception ex) when (ex is JsonException or Refusal or FormatException)
            {
                refused.Add(Refuse(file, line, ex));
            }
        }

#pragma warning disable CA2000 // disposed by SaveAsync once stored
        var session = store.LightweightSession();
#pragma warning restore CA2000
        session.CorrelationId = $"mock-data {checkpointId}";
        session.LastModifiedBy = ClientId;
        var gids = parsed.SelectMany(p => new[] { p.Item.Gid, p.Item.Merged, p.Item.LegalEntity?.Parent?.Value }).OfType<string>().Where(g => g.Length > 0).Distinct().ToArray();
        var keys = parsed.SelectMany(p => IdentifiersOf(p.Command)).Select(x => x.Key).Distinct().ToArray();
        Dictionary<string, Identity> identities;
        Dictionary<string, string> claims;
        try
        {
            identities = gids.Length == 0 ? [] : (await session.LoadManyAsync<Identity>(ct, gids)).ToDictionary(x => x.Id);
            claims = keys.Length == 0 ? [] : (await session.LoadManyAsync<ExternalIdentifierClaim>(ct, keys)).ToDictionary(c => c.Id, c => c.Gid);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        lock (_pendingIdentities)
        {
            foreach (var gid in gids)
            {
                if (_pendingIdentities.TryGetValue(gid, out var pending))
                {
                    identities[gid] = pending;
                }
            }

            foreach (var key in keys)
            {
                if (_pendingClaims.TryGetValue(key, out var holder))
                {
                    claims[key] = holder;
                }
            }
        }

        long loaded = 0, skipped = 0;
        var now = ((StoreOptions)store.Options).Events.TimeProvider.GetUtcNow();
        var recordedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)); // PostgreSQL keeps microseconds
        var registered = new List<string>();
        var claimed = new List<string>();
        foreach (var (line, item, command) in parsed)
        {
            try
            {
                if (Apply(session, item, command, identities, claims, terms, new Stamping(recordedAt, _instants)))
                {
                    loaded++;
                    if (command is RegisterLegalEntity or RegisterNaturalPerson)
                    {
                        registered.Add(item.Gid!);
                        claimed.AddRange(IdentifiersOf(command).Select(x => x.Key));
                    }
                }
                else
                {
                    skipped++;
                }
            }
            catch (Refusal refusal)
            {
                refused.Add(Refuse(file, line, refusal));
            }
        }

        var onlyRegistrations = parsed.All(p => p.Command is RegisterLegalEntity or RegisterNaturalPerson);
        if (onlyRegistrations)
        {
            lock (_pendingIdentities)
            {
                foreach (var gid in registered)
                {
                    _pendingIdentities[gid] = identities[gid];
                }

                foreach (var key in claimed)
                {
                    _pendingClaims[key] = claims[key];
                }
            }
        }

        if (batch.Count > 0)
        {
            session.Store(new MockDataBatch($"{checkpointId}@{batch[0].Line}", checkpointId, batch[0].Line, batch[^1].Line));
        }

        return new Decided(session, batch.Count > 0 ? batch[^1].Line : 0, loaded, skipped, onlyRegistrations, registered, claimed);
    }

    /// <summary>Validates a line's input exactly as the API does, into the API's own command; refuses with the API's message.</summary>
    private static object Parse(MockLine item)
    {
        var office = Standards.OfficeCodes.IsWellFormed(item.Office) || MockOffices.All.Any(x => x.Code == item.Office)
            ? item.Office
            : throw Refusal.Invalid("office", $"'{item.Office}' is not a participant's code.");
        return item.Type switch
        {
            MockLine.RegisterLegalEntity => RegisterLegalEntity.From(item.LegalEntity ?? throw Missing("legalEntity"), GidOf(item.Gid, "gid"), office),
            MockLine.RegisterNaturalPerson => RegisterNaturalPerson.From(item.NaturalPerson ?? throw Missing("naturalPerson"), GidOf(item.Gid, "gid"), office),
            MockLine.AddName => AddName.From(new AddNameInput { Gid = GidOf(item.Gid, "gid"), Name = item.Name ?? throw Missing("name") }),
            MockLine.LinkExternalId => LinkExternalId.From(new LinkExternalIdInput { Gid = GidOf(item.Gid, "gid"), Identifier = item.Identifier ?? throw Missing("identifier") }),
            MockLine.MergeIdentities => Reasoned(item, new MergeIdentities(GidOf(item.Gid, "gid"), null, GidOf(item.Merged, "merged"), null)),
            MockLine.RequestMerge => Reasoned(item, new RequestMerge(GidOf(item.Gid, "gid"), null, GidOf(item.Merged, "merged"), null)),
            MockLine.AcceptMerge => Reasoned(item, new AnswerMerge(GidOf(item.Gid, "gid"), null, GidOf(item.Merged, "merged"), null, Accept: true)),
            MockLine.RequestManagementTransfer => Reasoned(item, new RequestManagementTransfer(GidOf(item.Gid, "gid"), null)),
            MockLine.AcceptManagementTransfer => Reasoned(item, new AnswerManagementTransfer(GidOf(item.Gid, "gid"), null, Accept: true)),
            MockLine.DeactivateIdentity => new DeactivateIdentity(GidOf(item.Gid, "gid"), null, Reason(item)),
            MockLine.AcceptTermsOfUse => item.TermsVersion ?? throw Missing("termsVersion"),
            _ => throw Refusal.Invalid("type", $"'{item.Type}' is not a mock-data line type; use one of {string.Join(", ", MockLine.Types)}."),
        };
    }

    /// <summary>
    /// Decides and appends one line through the one identity decision (ownership first), with the line's office as the
    /// writer at the line's simulated instant; false when it was loaded before (a registration whose GID exists).
    /// </summary>
    private static bool Apply(
        IDocumentSession session, MockLine item, object command, Dictionary<string, Identity> identities, Dictionary<string, string> claims, TermsOfUseBook terms, Stamping stamping)
    {
        var request = new WriteRequest(new Actor(item.Office, ClientId, null), session.CorrelationId!, null, item.Reason, "1.0");
        if (command is string version)
        {
            var accepted = AcceptTermsOfUse.Decide(terms, TermsOfUseBook.Today(item.At), version, terms.Find(version)?.Sha256 ?? "");
            Stamp(session.Events.Append(OfficeStanding.StreamId(item.Office), accepted), request with { TermsVersion = accepted.Version }, item, stamping);
            return true;
        }

        var identityCommand = (IIdentityCommand)command;
        if (identityCommand is IRegistration registration && identities.ContainsKey(registration.Gid.Value))
        {
            return false;
        }

        var facts = new Facts(identities, claims);
        var decision = IdentityDecider.Decide(identityCommand, facts, new Writer(item.Office, Governance: false, item.At));
        var after = decision.Streams.Select(s => s.Gid).Distinct().Select(gid => IdentityDecider.After(facts, decision, gid)).ToList();
        foreach (var appended in decision.Streams)
        {
            Stamp(appended.Starts ? session.Events.StartStream<Identity>(appended.Gid.Value, appended.Events) : session.Events.Append(appended.Gid.Value, appended.Events), request, item, stamping);
        }

        foreach (var change in decision.ClaimChanges())
        {
            ExternalIdentifierClaim.Apply(session, change);
            if (change.Kind == ClaimChangeKind.Released)
            {
                claims.Remove(change.Identifier.Key);
            }
            else
            {
                claims[change.Identifier.Key] = change.Gid.Value;
            }
        }

        foreach (var identity in after)
        {
            identities[identity.Id] = identity;
        }

        return true;
    }

    private static IReadOnlyList<ExternalIdentifier> IdentifiersOf(object? command) => (command as IIdentityCommand)?.Claims ?? [];

    /// <summary>
    /// Stamps only this line's events (a session may already hold other lines' events for the same stream): who, the
    /// line's instant in the mock world as the event's timestamp, and the real instant as <see cref="Writes.RecordedAtHeader"/>.
    /// </summary>
    private static void Stamp(StreamAction action, WriteRequest request, MockLine item, Stamping stamping)
    {
        var recorded = NodaTime.Text.InstantPattern.ExtendedIso.Format(NodaTime.Instant.FromDateTimeOffset(stamping.RecordedAt));
        foreach (var e in action.Events.Where(e => e.Headers?.ContainsKey(Writes.RecordedAtHeader) != true))
        {
            foreach (var (name, value) in Writes.Headers(request))
            {
                e.SetHeader(name, value);
            }

            e.SetHeader(Writes.RecordedAtHeader, recorded);
            e.Timestamp = stamping.Instants.Next(item.At);
        }
    }

    /// <summary>When a batch is recorded, and the instants its lines' events happened.</summary>
    private sealed record Stamping(DateTimeOffset RecordedAt, LineInstants Instants);

    /// <summary>
    /// Gives events their line's instant, a microsecond after the previous event's when lines share an instant: files
    /// are in time order and decided in file order, so every stream's events happen in version order, each at an
    /// instant of its own.
    /// </summary>
    private sealed class LineInstants
    {
        private NodaTime.Instant _at;
        private int _next;

        public DateTimeOffset Next(NodaTime.Instant at)
        {
            (_at, _next) = at == _at ? (_at, _next) : (at, 0);
            return at.ToDateTimeOffset().AddMicroseconds(_next++);
        }
    }

    private readonly LineInstants _instants = new();

    /// <summary>A correction's line must say why, as the API's input must.</summary>
    private static IIdentityCommand Reasoned(MockLine item, IIdentityCommand command)
    {
        _ = Reason(item);
        return command;
    }

    private static Gid GidOf(string? text, string field) =>
        Gid.TryParse(text, out var gid, out var error) ? gid : throw Refusal.Invalid(field, error!);

    private static string Reason(MockLine item) =>
        item.Reason is { Length: > 0 } reason ? reason.Trim() : throw Missing("reason");

    private static Refusal Missing(string field) => Refusal.Invalid(field, $"A {field} is required for this line type.");

    private static RefusedLine Refuse(string file, long line, Exception ex) => ex switch
    {
        Refusal refusal => new RefusedLine(file, line, refusal.Code, refusal.Message),
        _ => new RefusedLine(file, line, ErrorCodes.ValidationFailed, $"The line is not a mock-data JSON object: {ex.Message}"),
    };

    private async Task<TermsOfUseBook> TermsAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(TermsOfUseBook.StreamId, token: ct);
        return TermsOfUseBook.Project(events.Select(e => e.Data));
    }

    /// <summary>A file's checkpoint is keyed by its content, so an edited file loads as a new one.</summary>
    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct))[..16];
    }

    public static string Describe(RefusedLine r) => string.Create(CultureInfo.InvariantCulture, $"{r.File}:{r.Line}: {r.Code}: {r.Message}");
}
