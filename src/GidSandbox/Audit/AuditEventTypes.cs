using Marten;

namespace GidSandbox.Audit;

/// <summary>The registry's event types by their API name (e.g. NameAdded) and the name stored in the events table.</summary>
public sealed class AuditEventTypes
{
    private readonly Dictionary<string, string> _stored;
    private readonly Dictionary<string, string> _byStored;

    public AuditEventTypes(IDocumentStore store)
    {
        var types = store.Options.Events.AllKnownEventTypes().ToList();
        _stored = types.ToDictionary(t => t.EventType.Name, t => t.EventTypeName, StringComparer.OrdinalIgnoreCase);
        _byStored = types.ToDictionary(t => t.EventTypeName, t => t.EventType.Name, StringComparer.Ordinal);
        Names = [.. _stored.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Names { get; }

    public string? StoredName(string name) => _stored.GetValueOrDefault(name.Trim());

    /// <summary>The API name for a stored one; an unknown stored name (an event type since removed) is shown as stored.</summary>
    public string ApiName(string stored) => _byStored.GetValueOrDefault(stored, stored);
}
