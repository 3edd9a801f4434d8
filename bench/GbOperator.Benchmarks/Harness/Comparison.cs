namespace GbOperator.Benchmarks.Harness;

/// <summary>A GbOperator measurement beside the baseline it is judged against, measured in the same run.</summary>
/// <param name="Metric">What both sides measure, such as <c>create, sequential</c>.</param>
/// <param name="Subject">GbOperator's side.</param>
/// <param name="Baseline">The baseline's side, in the same unit.</param>
/// <param name="Ratio">Subject median divided by baseline median; <c>null</c> when the baseline median is 0.</param>
internal sealed record Comparison(string Metric, Measurement Subject, Measurement Baseline, double? Ratio)
{
    /// <summary>Pairs <paramref name="subject"/> with <paramref name="baseline"/> and computes their ratio.</summary>
    /// <exception cref="ArgumentException">The two measurements have different units.</exception>
    public static Comparison Of(string metric, Measurement subject, Measurement baseline)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(baseline);
        if (subject.Unit != baseline.Unit)
        {
            throw new ArgumentException(
                $"Cannot compare '{subject.Name}' in {subject.Unit} with '{baseline.Name}' in {baseline.Unit}; use one unit for both.",
                nameof(baseline));
        }

        return new Comparison(metric, subject, baseline, Statistics.Ratio(subject.Summary, baseline.Summary));
    }
}
