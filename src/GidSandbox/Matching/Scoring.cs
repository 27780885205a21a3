using GidSandbox.Identities;

namespace GidSandbox.Matching;

/// <summary>What is being looked for: one or more names of one party, optionally its kind, country and identifiers.</summary>
public sealed record MatchQuery(IReadOnlyList<string> Names, IdentityKind? Kind, string? Country, IReadOnlyList<ExternalIdentifier> Identifiers)
{
    public IReadOnlyList<(string Text, StandardName Standard)> Standardized { get; } =
        [.. Names.SelectMany(n => NameStandardization.Readings(n, Kind, Country).Select(s => (n, s))).Where(x => !x.s.IsEmpty)];
}

/// <summary>The parts a score is made of, each in [0,1], so a hit can explain itself.</summary>
public sealed record ScoreParts(double Trigram, double TokenOverlap, double Phonetic, double LegalForm, double Country, double Identifier);

/// <summary>How a candidate scored: which of its names matched which query name, the features seen and the parts.</summary>
public sealed record Scored(MatchProfile Profile, double Score, ProfileName? MatchedName, string? QueryName, ScoreParts Parts, IReadOnlyList<string> Features);

/// <summary>
/// The score of a candidate against a query (docs/matching.md): per pair of names, 0.4 × trigram
/// similarity + 0.4 × token overlap + 0.2 × phonetic agreement, or 1 when the standardized names
/// are equal in any word order; times 0.9 when both names carry incompatible legal forms and times
/// 0.85 when the countries differ; 1 outright on an exact identifier hit. The best pair counts.
/// </summary>
public static class Scoring
{
    public const double TrigramWeight = 0.4;
    public const double TokenWeight = 0.4;
    public const double PhoneticWeight = 0.2;
    public const double LegalFormConflictFactor = 0.9;
    public const double CountryMismatchFactor = 0.85;
    public const double TypoScore = 0.92;
    public const double RomanisationVariantScore = 0.95;

    public static Scored Score(MatchQuery query, MatchProfile profile)
    {
        var identifierHits = IdentifierHits(query, profile);
        Scored? best = null;
        foreach (var (text, q) in query.Standardized)
        {
            foreach (var name in profile.Names)
            {
                var scored = ScoreName(q, name.Standard, profile.Kind == IdentityKind.NaturalPerson, query.Country, profile.Country);
                if (best is null || scored.Score > best.Score)
                {
                    best = scored with { Profile = profile, MatchedName = name, QueryName = text };
                }
            }
        }

        best ??= new Scored(profile, 0, null, null, new ScoreParts(0, 0, 0, 1, 1, 0), []);
        if (identifierHits.Count > 0)
        {
            return best with
            {
                Score = 1,
                Parts = best.Parts with { Identifier = 1 },
                Features = [.. identifierHits, .. best.Features],
            };
        }

        return best;
    }

    /// <summary>The score of one query name against one candidate name.</summary>
    public static Scored ScoreName(StandardName q, StandardName c, bool person, string? queryCountry, string candidateCountry)
    {
        var features = new List<string>();
        var trigram = Math.Max(Trigrams.Similarity(q.Key, c.Key), Trigrams.Similarity(q.Compact, c.Compact));
        var tokens = TokenOverlap(q.Tokens, c.Tokens, person, features);
        var phonetic = Dice(q.Phonetic, c.Phonetic);
        double score;
        if (q.Key == c.Key)
        {
            features.Add("SAME_NAME");
            score = 1;
        }
        else if (q.SortedKey == c.SortedKey)
        {
            features.Add("SAME_WORDS_ANY_ORDER");
            score = 1;
        }
        else if (SameLetters(q, c))
        {
            features.Add("SAME_LETTERS_OTHER_SPACING");
            score = 1;
        }
        else if (!person && OneTypo(q.Tokens, c.Tokens))
        {
            // Company names are made of dictionary words: one misspelt long word is a typo, not another company.
            features.Add("TYPO");
            score = Math.Max(TypoScore, (TrigramWeight * trigram) + (TokenWeight * tokens) + (PhoneticWeight * phonetic));
        }
        else
        {
            score = (TrigramWeight * trigram) + (TokenWeight * tokens) + (PhoneticWeight * phonetic);
            if (phonetic == 1)
            {
                features.Add("SOUNDS_ALIKE");
            }
        }

        if (q.IsFolded || c.IsFolded)
        {
            // A romanisation-folded reading counts only when equal, and then below an exact meeting.
            score = score == 1 ? RomanisationVariantScore : 0;
            features.Add("ROMANISATION_VARIANT");
        }

        var legalForm = 1.0;
        if (q.LegalForm is { } ql && c.LegalForm is { } cl)
        {
            if (ql.CompatibleWith(cl))
            {
                features.Add("SAME_LEGAL_FORM");
            }
            else
            {
                features.Add("LEGAL_FORM_DIFFERS");
                legalForm = LegalFormConflictFactor;
            }
        }

        var country = 1.0;
        if (queryCountry is not null && queryCountry != candidateCountry)
        {
            features.Add("COUNTRY_DIFFERS");
            country = CountryMismatchFactor;
        }

        return new Scored(null!, Math.Round(score * legalForm * country, 4), null, null, new ScoreParts(Round(trigram), Round(tokens), Round(phonetic), legalForm, country, 0), features);
    }

    /// <summary>
    /// Dice overlap of the two token bags where each query token takes its best partner: equal 1,
    /// one edit apart (two for long words) 0.8 or 0.6, an initial against a word it starts 0.5.
    /// </summary>
    public static double TokenOverlap(IReadOnlyList<string> q, IReadOnlyList<string> c, bool person, List<string>? features = null)
    {
        if (q.Count == 0 || c.Count == 0)
        {
            return 0;
        }

        var unused = c.ToList();
        var total = 0.0;
        foreach (var token in q.OrderByDescending(t => t.Length))
        {
            var (bestIndex, bestValue) = (-1, 0.0);
            for (var i = 0; i < unused.Count; i++)
            {
                var value = TokenSimilarity(token, unused[i], person);
                if (value > bestValue)
                {
                    (bestIndex, bestValue) = (i, value);
                }
            }

            if (bestIndex >= 0)
            {
                if (bestValue is > 0 and < 1 && features is not null)
                {
                    features.Add(bestValue == InitialCredit ? "INITIAL" : "SPELLING_VARIANT");
                }

                unused.RemoveAt(bestIndex);
                total += bestValue;
            }
        }

        return 2 * total / (q.Count + c.Count);
    }

    private const double InitialCredit = 0.5;

    private static double TokenSimilarity(string a, string b, bool person)
    {
        if (a == b)
        {
            return 1;
        }

        if (person && (a.Length == 1 || b.Length == 1))
        {
            return a[0] == b[0] ? InitialCredit : 0;
        }

        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 4)
        {
            return 0;
        }

        var distance = Edits(a, b);
        return distance == 1 ? 0.8 : distance == 2 && shorter >= 8 ? 0.6 : 0;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Edits(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    // "Kim Min-jun", "Kim Minjun" and "Minjun Kim": the same letters, split or rotated differently.
    private static bool SameLetters(StandardName q, StandardName c) => q.ExactKeys.Contains(c.Letters, StringComparer.Ordinal);

    /// <summary>Every word the same but one, which is one edit away (two for words of eight letters or more) and at least five letters long.</summary>
    public static bool OneTypo(IReadOnlyList<string> q, IReadOnlyList<string> c)
    {
        if (q.Count != c.Count)
        {
            return false;
        }

        var left = q.ToList();
        var right = c.ToList();
        foreach (var token in q)
        {
            if (right.Remove(token))
            {
                left.Remove(token);
            }
        }

        if (left.Count != 1 || right.Count != 1)
        {
            return false;
        }

        var shorter = Math.Min(left[0].Length, right[0].Length);
        var edits = Edits(left[0], right[0]);
        return shorter >= 5 && (edits == 1 || (edits == 2 && shorter >= 8));
    }

    private static double Dice(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var rest = b.ToList();
        var shared = a.Count(x => rest.Remove(x));
        return 2.0 * shared / (a.Count + b.Count);
    }

    private static IReadOnlyList<string> IdentifierHits(MatchQuery query, MatchProfile profile) =>
        [.. query.Identifiers.Where(x => profile.ExternalIdentifiers.Any(y => y.Key == x.Key)).Select(x => $"IDENTIFIER {x.Issuer} {x.Scheme} {x.Value}")];

    private static double Round(double value) => Math.Round(value, 4);
}
