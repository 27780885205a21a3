namespace GidSandbox.Benchmarks.Matching;

/// <summary>
/// Counts for one method over a set of queries. A prediction is a GID (a MATCH) or none; a wrong
/// GID counts as a false positive and, when the query had a party, also a false negative.
/// </summary>
public sealed record Metrics(int Queries, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public static Metrics Of(IEnumerable<(string? Expected, string? Predicted)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0, n = 0;
        foreach (var (expected, predicted) in outcomes)
        {
            n++;
            if (predicted is not null && predicted == expected)
            {
                tp++;
            }
            else
            {
                fp += predicted is null ? 0 : 1;
                fn += expected is null ? 0 : 1;
                tn += expected is null && predicted is null ? 1 : 0;
            }
        }

        return new Metrics(n, tp, fp, fn, tn);
    }

    /// <summary>1 when nothing was predicted: no GID given is no wrong GID given.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Undefined (NaN) for a category with no party to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => double.IsNaN(Recall) || Precision + Recall == 0 ? double.NaN : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The share of queries answered right: the right GID, or none when there was none.</summary>
    public double Accuracy => Queries == 0 ? double.NaN : (double)(TruePositives + TrueNegatives) / Queries;
}
