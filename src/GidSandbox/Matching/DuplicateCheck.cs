using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL.Types;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace GidSandbox.Matching;

public sealed class DuplicateOverrideInput
{
    public string Reason { get; set; } = "";
}

/// <summary>
/// The duplicate check on registration, in one place: a new identity whose name and country
/// match an active identity of the same kind at <see cref="Threshold"/> or more is refused with
/// <c>POSSIBLE_DUPLICATE</c> (candidates in <c>extensions.candidates</c>), unless the caller gives a
/// reason to register anyway, which the registration event records with the candidates shown.
/// Both registration use cases call <see cref="CheckAsync"/> from their handlers; a caller that
/// must skip the check (a bulk load of known data) passes an override.
/// </summary>
public static class DuplicateCheck
{
    public const double Threshold = 0.9;

    public const int MaxCandidates = 10;

    public static async Task<DuplicateOverride?> CheckAsync(IDocumentSession session, IdentityKind kind, string country, IReadOnlyList<Name> names, DuplicateOverride? given, CancellationToken ct)
    {
        var query = new MatchQuery([.. names.Select(n => n.Text)], kind, country, []);
        await LockAsync(session, query, ct);
        var found = await Candidates.FindAsync(session.DocumentStore, [query], ct);
        var candidates = Scoring.Rank(found[0].Where(p => p.Country == country).Select(p => Scoring.Score(query, p)).Where(s => s.Score >= Threshold)).Take(MaxCandidates)
            .Select(s => new DuplicateCandidate(Gid.Parse(s.Profile.Id), s.Score, s.MatchedName!.Text)).ToList();
        return Decide(candidates, given);
    }

    /// <summary>
    /// Two look-alike registrations at the same moment would each pass the check before the other is
    /// stored. So the registration's own transaction first takes a PostgreSQL advisory lock on each
    /// of its names' exact keys (same words in any order or spacing), on its sounds (the sorted
    /// Soundex codes of its words: a vowel changed anywhere keeps them) and on its words with one of
    /// them one letter off (<see cref="OneWordOff"/>), in its kind and country: a second
    /// registration under one of those keys waits until the first commits or fails, and then finds
    /// it. The locks go with the transaction and are taken in one order, so two registrations
    /// cannot deadlock on them.
    /// </summary>
    private static async Task LockAsync(IDocumentSession session, MatchQuery query, CancellationToken ct)
    {
        var keys = query.Standardized
            .SelectMany(n => n.Standard.ExactKeys.Append("sounds " + string.Join(' ', n.Standard.Phonetic.Order(StringComparer.Ordinal))).Concat(OneWordOff(n.Standard.Tokens)))
            .Select(k => $"{query.Kind}|{query.Country}|{k}").Distinct().ToArray();
        await session.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            "select pg_advisory_xact_lock(k) from (select distinct hashtextextended(t, 0) as k from unnest(@keys) as t order by k) as ordered", session.Connection);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// For each word, the other words sorted and one of the word's variants (<see cref="Candidates.WordVariants"/>):
    /// two names that are the same but for one word one letter off (what the check takes for a
    /// typo of one party) share one of these keys, whichever consonant or vowel the typo changed.
    /// </summary>
    public static IEnumerable<string> OneWordOff(IReadOnlyList<string> words) =>
        words.SelectMany((word, i) => Candidates.WordVariants(word).Select(variant =>
            $"word {string.Join(' ', words.Where((_, j) => j != i).Order(StringComparer.Ordinal))} | {variant}"));

    /// <summary>Refuses when there are candidates and no override; otherwise the override to record, with the candidates seen.</summary>
    public static DuplicateOverride? Decide(IReadOnlyList<DuplicateCandidate> candidates, DuplicateOverride? given)
    {
        if (given is not null)
        {
            return given with { Candidates = candidates };
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates[0];
        throw new Refusal(
            ErrorCodes.PossibleDuplicate,
            $"This looks like {best.Gid} ('{best.MatchedName}', score {best.Score:0.##})" + (candidates.Count > 1 ? $" and {candidates.Count - 1} more" : "")
                + ": nothing was stored. Use the existing GID (link your identifier to it), or register anyway with duplicateOverride: { reason: \"…\" } saying why it is another party.",
            ["input.names"],
            new Dictionary<string, object?>
            {
                ["candidates"] = candidates.Select(c => new Dictionary<string, object?> { ["gid"] = c.Gid.Value, ["score"] = c.Score, ["matchedName"] = c.MatchedName }).ToList(),
            });
    }

    public static DuplicateOverride? Parse(Problems problems, string path, DuplicateOverrideInput? input) =>
        input is null ? null : new DuplicateOverride(InputRules.ParseReason(problems, $"{path}.reason", input.Reason), []);
}

public sealed class DuplicateOverrideInputGraphType : InputObjectGraphType<DuplicateOverrideInput>
{
    public DuplicateOverrideInputGraphType()
    {
        Name = "DuplicateOverrideInput";
        Description = "Registers although the duplicate check found look-alikes; the reason and the candidates are recorded on the registration.";
        Field(x => x.Reason).Description("Why this is another party than the candidates.");
    }
}
