using System.Collections.Concurrent;
using Marten;

namespace GidSandbox.Terms;

/// <summary>
/// The Terms and the offices' standings as the access checks need them on every request: read
/// from their streams, kept for a few seconds, and forgotten at once when this node changes them.
/// Another node's change (an acceptance, a suspension) is seen within <see cref="Reuse"/>.
/// </summary>
public sealed class Standings(IDocumentStore store)
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (object Value, long Until)> _cache = new(StringComparer.Ordinal);

    public Task<TermsOfUseBook> TermsAsync(CancellationToken ct) =>
        GetAsync(TermsOfUseBook.StreamId, events => TermsOfUseBook.Project(events), ct);

    public Task<OfficeStanding> OfficeAsync(string office, CancellationToken ct) =>
        GetAsync(OfficeStanding.StreamId(office), events => OfficeStanding.Project(office, events), ct);

    public void Forget(string streamId) => _cache.TryRemove(streamId, out _);

    private async Task<T> GetAsync<T>(string streamId, Func<IReadOnlyList<object>, T> project, CancellationToken ct)
        where T : class
    {
        var now = Environment.TickCount64;
        if (_cache.TryGetValue(streamId, out var entry) && entry.Until > now)
        {
            return (T)entry.Value;
        }

        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        var value = project([.. events.Select(e => e.Data)]);
        _cache[streamId] = (value, now + (long)Reuse.TotalMilliseconds);
        return value;
    }
}
