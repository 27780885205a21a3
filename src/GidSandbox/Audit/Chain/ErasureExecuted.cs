namespace GidSandbox.Audit.Chain;

/// <summary>One event masked by an erasure: its row as it reads since, so the verification can tell the masking from an edit.</summary>
public sealed record MaskedEvent(long Sequence, string EventId, string DataHash, string ContentHash);

/// <summary>
/// Appended, in the erasure's own transaction, right after the events holding a person's data were masked in place
/// under the governance decision <see cref="DecisionReference"/>. Chained like every event, it commits to what each
/// masked row holds from then on; the hash chain keeps committing to what the row held before.
/// </summary>
public sealed record ErasureExecuted(string DecisionReference, IReadOnlyList<MaskedEvent> Masked);
