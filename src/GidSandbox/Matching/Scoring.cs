using GidSandbox.Identities;

namespace GidSandbox.Matching;

/// <summary>What is being looked for: one or more names of one party, optionally its kind, country and identifiers.</summary>
public sealed record MatchQuery(IReadOnlyList<string> Names, IdentityKind? Kind, string? Country, IReadOnlyList<ExternalIdentifier> Identifiers)
{
    public IReadOnlyList<(string Text, StandardName Standard)> Standardized { get; } =
        [.. Names.SelectMany(n => Skeletons.WithLatinSkeletons(n, Kind, Country).Select(s => (n, s))).Where(x => !x.s.IsEmpty)];
}

/// <summary>The parts a score is made of, each in [0,1], so a hit can explain itself.</summary>
public sealed record ScoreParts(double Trigram, double TokenOverlap, double Phonetic, double LegalForm, double Country, double Identifier);

/// <summary>How a candidate scored: which of its names matched which query name, the features seen and the parts.</summary>
public sealed record Scored(MatchProfile Profile, double Score, ProfileName? MatchedName, string? QueryName, ScoreParts Parts, IReadOnlyList<string> Features)
{
    /// <summary>How many of the query's names found a name of the candidate that scores at least <see cref="Scoring.AgreeingName"/>.</summary>
    public int AgreeingNames { get; init; }

    /// <summary>Whether the query named a country and the candidate is in it.</summary>
    public bool SameCountry { get; init; }

    /// <summary>The best name pair's score before the country and the legal form count: the name's agreement level (<see cref="Comparison.NameBand"/>).</summary>
    public double NameScore { get; init; }

    /// <summary>The agreement level on each feature of the match model (<see cref="MatchModel"/>); null until scored against a query.</summary>
    public Comparison? Comparison { get; init; }

    /// <summary>The candidate weighed by the match model, where a batch decided on it.</summary>
    public Weighed? Weighed { get; init; }

    /// <summary>The features that speak for the candidate (<see cref="Scoring.Agreeing"/>), counted.</summary>
    public int Evidence => Features.Count(f => Scoring.Agreeing.Contains(f) || f.StartsWith("IDENTIFIER ", StringComparison.Ordinal));
}

/// <summary>
/// The score of a candidate against a query (docs/matching.md): per pair of names, 1 when the
/// names are spelled the same (after Unicode normalization, case and punctuation), 0.98 when they
/// are the same once standardized, less when they disagree on diacritics both carry, a little less
/// for initials or one typo; otherwise 0.4 × trigram similarity + 0.4 × token overlap + 0.2 ×
/// phonetic agreement; times 0.9 when both names carry incompatible legal forms and times 0.85
/// when the countries differ; 1 outright on an exact identifier hit. The best pair counts; equal
/// scores are ranked by evidence (<see cref="Rank"/>).
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

    /// <summary>A name in Latin letters with the consonants of a Hebrew or Thai name, each of the class the schemes agree on (<see cref="Skeletons"/>).</summary>
    public const double SkeletonScore = 0.9;

    /// <summary>Every word the same (or a romanisation variant) but the patronymic one side leaves out ("Iurii Zhukov", "Юрий Андреевич Жуков").</summary>
    public const double PatronymicLeftOutScore = 0.93;

    /// <summary>The same name once standardized (diacritics folded, legal form and word order aside), but not spelled the same.</summary>
    public const double StandardizedScore = 0.98;

    /// <summary>The same name once standardized, but written with other diacritics on both sides (Hùng, Hưng): another name, worth a look.</summary>
    public const double DiacriticsDifferScore = 0.85;

    /// <summary>Every word paired, one with an initial of the other ("Kuzmin A. S.", "Kuzmin Aleksei Sergeevich"), less <see cref="PerFurtherInitial"/> for each further initial.</summary>
    public const double InitialsScore = 0.93;

    public const double PerFurtherInitial = 0.01;

    /// <summary>Every word of the shorter name paired, one with an initial, but the other name has more words ("A. Kuzmin", "Aleksei Sergeevich Kuzmin").</summary>
    public const double PartialInitialsScore = 0.8;

    /// <summary>
    /// The least score worth showing anyone: a search hit, and a batch record's candidate (also on
    /// NO_MATCH), so a party search shows is never missing from the batch's answer.
    /// </summary>
    public const double ShownScore = 0.5;

    /// <summary>A query name agrees with a candidate at this score (what POSSIBLE asks).</summary>
    public const double AgreeingName = 0.75;

    /// <summary>The features that are agreements, counted as evidence when scores are equal.</summary>
    public static readonly IReadOnlySet<string> Agreeing = new HashSet<string>(StringComparer.Ordinal)
    {
        "SAME_SPELLING", "SAME_NAME", "SAME_WORDS_ANY_ORDER", "SAME_LETTERS_OTHER_SPACING", "SOUNDS_ALIKE", "SAME_LEGAL_FORM",
    };

    public static Scored Score(MatchQuery query, MatchProfile profile)
    {
        var identifierHits = IdentifierHits(query, profile);
        Scored? best = null;
        var agreeing = 0;
        foreach (var (text, q) in query.Standardized)
        {
            var bestOfName = 0.0;
            foreach (var name in profile.Names)
            {
                if (best is { Score: > 0 } && !Counts(text, q, name.Text, name.Standard))
                {
                    // A pair that cannot score (most pairs of readings) scores 0, and can no longer be the best pair.
                    continue;
                }

                var scored = ScoreName(text, q, name.Text, name.Standard, profile.Kind == IdentityKind.NaturalPerson, query.Country, profile.Country);
                bestOfName = Math.Max(bestOfName, scored.Score);
                if (best is null || scored.Score > best.Score || (scored.Score == best.Score && scored.Evidence > best.Evidence))
                {
                    best = scored with { Profile = profile, MatchedName = name, QueryName = text };
                }
            }

            agreeing += bestOfName >= AgreeingName ? 1 : 0;
        }

        best ??= new Scored(profile, 0, null, null, new ScoreParts(0, 0, 0, 1, 1, 0), []);
        best = best with { AgreeingNames = agreeing };
        best = best with { Comparison = Comparison.Of(best, query) };
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

    /// <summary>
    /// Best first: by score, then by evidence: an identifier shared, the same country, more of the
    /// query's names agreeing, more agreeing features; then the identity registered first (the
    /// order its registration was stored in). Never by GID while anything else tells them apart:
    /// the same query gives the same order in every database that holds the same registrations.
    /// </summary>
    public static IOrderedEnumerable<Scored> Rank(IEnumerable<Scored> scored) =>
        scored.OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Parts.Identifier)
            .ThenByDescending(s => s.SameCountry)
            .ThenByDescending(s => s.AgreeingNames)
            .ThenByDescending(s => s.Evidence)
            .ThenBy(s => s.Profile.RegisteredSequence == 0 ? long.MaxValue : s.Profile.RegisteredSequence)
            .ThenBy(s => s.Profile.Id, StringComparer.Ordinal);

    /// <summary>The score of one query name against one candidate name, each as written and standardized.</summary>
    public static Scored ScoreName(string queryText, StandardName q, string candidateText, StandardName c, bool person, string? queryCountry, string candidateCountry)
    {
        var features = new List<string>();
        if (!Counts(queryText, q, candidateText, c))
        {
            // Most pairs of readings are a folded or skeleton reading that counts only when equal, and is not: nothing else of them is read.
            return Weighted(0, features, new ScoreParts(0, 0, 0, 1, 1, 0), q, c, queryCountry, candidateCountry);
        }

        var trigram = Trigrams.Similarity(q.Key, c.Key);
        if (q.Key.Contains(' ', StringComparison.Ordinal) || c.Key.Contains(' ', StringComparison.Ordinal))
        {
            trigram = Math.Max(trigram, Trigrams.Similarity(q.Compact, c.Compact));
        }

        var tokens = TokenOverlap(q.Tokens, c.Tokens, person, features);
        var phonetic = Dice(q.Phonetic, c.Phonetic);
        var sameCountry = queryCountry is not null && queryCountry == candidateCountry;
        double score;
        var (qSpelling, cSpelling) = Spellings(queryText, q, candidateText, c);
        if (SameSpelling(qSpelling, cSpelling))
        {
            features.Add("SAME_SPELLING");
            if (qSpelling != cSpelling)
            {
                features.Add("SAME_WORDS_ANY_ORDER");
            }

            score = 1;
        }
        else if (SameStandardName(q, c))
        {
            features.Add(q.Key == c.Key ? "SAME_NAME" : q.SortedKey == c.SortedKey ? "SAME_WORDS_ANY_ORDER" : "SAME_LETTERS_OTHER_SPACING");
            score = StandardizedScore;
        }
        else if (person && NameInitials.Agree(q.Tokens, NameInitials.Of(queryText), c.Tokens, NameInitials.Of(candidateText)) is { } initials)
        {
            features.Add("INITIALS");
            score = initials.Complete ? Math.Max(InitialsScore - (PerFurtherInitial * (initials.Initials - 1)), TypoScore - 0.02) : PartialInitialsScore;
        }
        else if ((person ? (sameCountry || queryCountry is null) && (OnePersonTypo(q.Tokens, c.Tokens) || OnePersonTypo(q.Normalized.Split(' '), c.Normalized.Split(' '))) : OneTypo(q.Tokens, c.Tokens)))
        {
            // Company names are made of dictionary words: one misspelt long word is a typo, not another company.
            // Person names only when every other word agrees and the country does (or the query gives none), and not at the end of the word (Ivanov, Ivanova);
            // also as written, since folding a spelled-out umlaut can make one slip two (Keloer is kelor, two edits from keller).
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
            score = score >= StandardizedScore ? RomanisationVariantScore : 0;
            features.Add("ROMANISATION_VARIANT");
        }

        if (q.IsSkeleton || c.IsSkeleton)
        {
            // Only a native name's skeleton against a Latin name's, when equal; the words of both are no evidence of their own.
            score = Skeletons.Meet(q, c) ? SkeletonScore : 0;
            features.Clear();
            features.Add(Skeletons.Feature);
        }

        if (q.WithoutPatronymic || c.WithoutPatronymic)
        {
            // One side written without the patronymic the other has; both without theirs says nothing (two fathers' sons).
            score = q.WithoutPatronymic != c.WithoutPatronymic && score >= RomanisationVariantScore ? PatronymicLeftOutScore : 0;
            features.Add("PATRONYMIC_LEFT_OUT");
        }

        if (score > DiacriticsDifferScore && Diacritics.Differ(queryText, candidateText))
        {
            // Only a score that could be a MATCH or a POSSIBLE is worth reading the diacritics for.
            features.Add("DIACRITICS_DIFFER");
            score = DiacriticsDifferScore;
        }

        return Weighted(score, features, new ScoreParts(Round(trigram), Round(tokens), Round(phonetic), 1, 1, 0), q, c, queryCountry, candidateCountry);
    }

    /// <summary>
    /// Whether the pair of readings can score at all: a consonant skeleton only against the other side's equal skeleton,
    /// a romanisation-folded reading only when it is the other's name (<see cref="StandardizedScore"/> or more).
    /// </summary>
    private static bool Counts(string queryText, StandardName q, string candidateText, StandardName c)
    {
        if (!q.OnlyWhenEqual && !c.OnlyWhenEqual)
        {
            return true;
        }

        if (q.IsSkeleton || c.IsSkeleton)
        {
            return Skeletons.Meet(q, c);
        }

        var (qSpelling, cSpelling) = Spellings(queryText, q, candidateText, c);
        return SameSpelling(qSpelling, cSpelling) || SameStandardName(q, c);
    }

    private static bool SameSpelling(string q, string c) => q == c || (q.Length == c.Length && SameWords(q, c));

    /// <summary>The same words, each as often, in any order (without sorting: this runs for most pairs of readings).</summary>
    private static bool SameWords(string q, string c)
    {
        Span<Range> qWords = stackalloc Range[MaxWordsCompared + 1];
        Span<Range> cWords = stackalloc Range[MaxWordsCompared + 1];
        var (qCount, cCount) = (q.AsSpan().Split(qWords, ' '), c.AsSpan().Split(cWords, ' '));
        if (qCount > MaxWordsCompared || cCount > MaxWordsCompared)
        {
            return SortedWords(q) == SortedWords(c);
        }

        if (qCount != cCount)
        {
            return false;
        }

        Span<bool> taken = stackalloc bool[cCount];
        foreach (var word in qWords[..qCount])
        {
            var partner = -1;
            for (var j = 0; j < cCount && partner < 0; j++)
            {
                partner = !taken[j] && q.AsSpan(word).SequenceEqual(c.AsSpan(cWords[j])) ? j : -1;
            }

            if (partner < 0)
            {
                return false;
            }

            taken[partner] = true;
        }

        return true;
    }

    private const int MaxWordsCompared = 32;

    private static bool SameStandardName(StandardName q, StandardName c) => q.Key == c.Key || q.SortedKey == c.SortedKey || SameLetters(q, c);

    /// <summary>The name score <paramref name="score"/> times the legal forms' and the countries' factors.</summary>
    private static Scored Weighted(double score, List<string> features, ScoreParts parts, StandardName q, StandardName c, string? queryCountry, string candidateCountry)
    {
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

        return new Scored(null!, Math.Round(score * legalForm * country, 4), null, null, parts with { LegalForm = legalForm, Country = country }, features)
        {
            SameCountry = queryCountry is not null && queryCountry == candidateCountry,
            NameScore = Round(score),
        };
    }

    /// <summary>
    /// The two names as spelled, for comparing spellings: their normalized forms, except that a
    /// name holding a capital I (which Turkish writes for ı, and other languages for i) leaves the
    /// dot of i open on both sides, so ASLI YILDIRIM is spelled as both Aslı Yıldırım and Asli Yildirim.
    /// </summary>
    private static (string Query, string Candidate) Spellings(string queryText, StandardName q, string candidateText, StandardName c) =>
        queryText.Contains('I', StringComparison.Ordinal) || candidateText.Contains('I', StringComparison.Ordinal)
            ? (q.Normalized.Replace('ı', 'i'), c.Normalized.Replace('ı', 'i'))
            : (q.Normalized, c.Normalized);

    private static string SortedWords(string normalized) => string.Join(' ', normalized.Split(' ').Order(StringComparer.Ordinal));

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

        // The longest query tokens choose first (ties in their order), each the best of the candidate tokens still free (ties: the first).
        // Without LINQ: this runs for most pairs of readings a batch scores.
        Span<int> order = q.Count <= 64 ? stackalloc int[q.Count] : new int[q.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            for (; j > 0 && q[order[j - 1]].Length < q[i].Length; j--)
            {
                order[j] = order[j - 1];
            }

            order[j] = i;
        }

        Span<bool> used = c.Count <= 64 ? stackalloc bool[c.Count] : new bool[c.Count];
        var total = 0.0;
        foreach (var index in order)
        {
            var (bestIndex, bestValue) = (-1, 0.0);
            for (var i = 0; i < c.Count; i++)
            {
                var value = used[i] ? 0 : TokenSimilarity(q[index], c[i], person);
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

                used[bestIndex] = true;
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

        // Three rows of the table at a time (the swap of neighbours looks two rows back), on the stack for the names'
        // words: rows[before + j], rows[last + j] and rows[current + j], their places turning round after each row.
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 384 ? stackalloc int[width * 3] : new int[width * 3];
        var (before, last, current) = (0, width, 2 * width);
        for (var j = 0; j < width; j++)
        {
            rows[last + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[last + j] + 1, rows[current + j - 1] + 1), rows[last + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[before + j - 2] + 1);
                }

                rows[current + j] = value;
            }

            (before, last, current) = (last, current, before);
        }

        return rows[last + b.Length];
    }

    // "Kim Min-jun", "Kim Minjun" and "Minjun Kim": the same letters, split or rotated differently.
    private static bool SameLetters(StandardName q, StandardName c) => q.ExactKeys.Contains(c.Letters, StringComparer.Ordinal);

    /// <summary>Every word the same but one, which is one edit away (two for words of eight letters or more) and at least five letters long.</summary>
    public static bool OneTypo(IReadOnlyList<string> q, IReadOnlyList<string> c)
    {
        if (q.Count != c.Count || OnlyDifference(q, c) is not (var a, var b))
        {
            return false;
        }

        var shorter = Math.Min(a.Length, b.Length);
        var edits = Edits(a, b);
        return shorter >= 5 && (edits == 1 || (edits == 2 && shorter >= 8));
    }

    /// <summary>
    /// A person's name with every word the same but one, which is one edit from its partner, at
    /// least four letters long, starts with the same letter and ends with the same letter unless
    /// the edit swaps the last two ("Jonh"): names that differ at their end are other names
    /// (Ivanov and Ivanova, Maria and Mario, Kowalski and Kowalska).
    /// </summary>
    public static bool OnePersonTypo(IReadOnlyList<string> q, IReadOnlyList<string> c)
    {
        if (q.Count != c.Count || q.Count < 2 || OnlyDifference(q, c) is not (var a, var b))
        {
            return false;
        }

        if (Math.Min(a.Length, b.Length) < 4 || a[0] != b[0] || Edits(a, b) != 1)
        {
            return false;
        }

        var swappedAtEnd = a.Length == b.Length && a[^1] == b[^2] && a[^2] == b[^1];
        return a[^1] == b[^1] || swappedAtEnd;
    }

    /// <summary>The one word of each name that the other lacks, when every other word is shared; null otherwise.</summary>
    private static (string Query, string Candidate)? OnlyDifference(IReadOnlyList<string> q, IReadOnlyList<string> c)
    {
        // Each query word takes the first equal candidate word still free; flags, not lists, as this runs for most pairs of readings.
        Span<bool> leftGone = q.Count <= 64 ? stackalloc bool[q.Count] : new bool[q.Count];
        Span<bool> rightGone = c.Count <= 64 ? stackalloc bool[c.Count] : new bool[c.Count];
        foreach (var token in q)
        {
            if (FirstFree(c, rightGone, token) is var right and >= 0)
            {
                rightGone[right] = true;
                leftGone[FirstFree(q, leftGone, token)] = true;
            }
        }

        return leftGone.Count(false) == 1 && rightGone.Count(false) == 1 ? (q[leftGone.IndexOf(false)], c[rightGone.IndexOf(false)]) : null;
    }

    private static int FirstFree(IReadOnlyList<string> words, ReadOnlySpan<bool> gone, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!gone[i] && words[i] == word)
            {
                return i;
            }
        }

        return -1;
    }

    private static double Dice(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        // Each of a's codes takes the first of b's equal codes not taken yet.
        Span<bool> taken = b.Count <= 64 ? stackalloc bool[b.Count] : new bool[b.Count];
        var shared = 0;
        foreach (var x in a)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (!taken[j] && b[j] == x)
                {
                    taken[j] = true;
                    shared++;
                    break;
                }
            }
        }

        return 2.0 * shared / (a.Count + b.Count);
    }

    private static IReadOnlyList<string> IdentifierHits(MatchQuery query, MatchProfile profile) =>
        [.. query.Identifiers.Where(x => profile.ExternalIdentifiers.Any(y => y.Key == x.Key)).Select(x => $"IDENTIFIER {x.Issuer} {x.Scheme} {x.Value}")];

    private static double Round(double value) => Math.Round(value, 4);
}
