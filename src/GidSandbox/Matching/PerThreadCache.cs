namespace GidSandbox.Matching;

/// <summary>
/// Each thread's last values read from names, by key: a batch standardizes and scores the same names and words many
/// times over (every reading of a query against every reading of each candidate; family names and Han syllables
/// shared by thousands), and reading one (NFKC, ICU's transliteration rules) costs more than the rest. Per thread, so
/// the parallel scoring takes no lock; emptied when it holds <see cref="Capacity"/> values, so memory stays flat.
/// </summary>
public sealed class PerThreadCache<TKey, TValue> : IDisposable
    where TKey : notnull
{
    public const int Capacity = 20_000;

    private readonly ThreadLocal<Dictionary<TKey, TValue>> _known = new(() => []);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> read) => GetOrAdd(key, read, static (key, read) => read(key));

    /// <summary>The value for <paramref name="key"/>, read with <paramref name="state"/> when this thread has not kept it.</summary>
    public TValue GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, TValue> read)
    {
        var known = _known.Value!;
        if (known.TryGetValue(key, out var value))
        {
            return value;
        }

        if (known.Count >= Capacity)
        {
            known.Clear();
        }

        return known[key] = read(key, state);
    }

    public void Dispose() => _known.Dispose();
}
