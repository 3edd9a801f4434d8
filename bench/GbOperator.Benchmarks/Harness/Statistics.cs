namespace GbOperator.Benchmarks.Harness;

/// <summary>Median, percentiles and ratios of benchmark samples.</summary>
internal static class Statistics
{
    /// <summary>
    /// Computes the <paramref name="percentile"/> (0 to 100) of <paramref name="samples"/> by linear interpolation
    /// between the two closest ranks, the method of numpy's default and of Excel's PERCENTILE.INC.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percentile"/> is outside 0-100.</exception>
    public static double Percentile(IReadOnlyList<double> samples, double percentile)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A percentile needs at least one sample.", nameof(samples));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);

        double[] sorted = [.. samples.Order()];
        double rank = percentile / 100 * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>Computes the median: the middle sample, or the mean of the two middle samples.</summary>
    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 50);

    /// <summary>Summarizes <paramref name="samples"/>: count, minimum, median, 99th percentile, maximum and mean.</summary>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty.</exception>
    public static Summary Summarize(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A summary needs at least one sample.", nameof(samples));
        }

        return new Summary(samples.Count, samples.Min(), Median(samples), Percentile(samples, 99), samples.Max(), samples.Average());
    }

    /// <summary>
    /// Divides the subject's median by the baseline's, so 2.0 means the subject took twice as long (for times) or
    /// did twice as much (for rates). Returns <c>null</c> when the baseline's median is 0.
    /// </summary>
    public static double? Ratio(Summary subject, Summary baseline)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(baseline);
        return baseline.P50 == 0 ? null : subject.P50 / baseline.P50;
    }
}
