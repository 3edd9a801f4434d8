namespace GbOperator.Controllers.Autoscaling;

/// <summary>One threshold on one metric, with the direction it scales.</summary>
/// <param name="Field">Spec field that sets the rule, for messages, such as <c>cpuThreshold</c>.</param>
/// <param name="Metric">Metric name in messages, such as <c>cpu</c>.</param>
/// <param name="Unit">Unit suffix in messages, such as <c>%</c>.</param>
/// <param name="Threshold">Value at which the rule fires, in the metric's unit.</param>
/// <param name="Direction">Up rules fire above the threshold, down rules below it.</param>
/// <param name="Read">Reads the metric from a sample; <c>null</c> when the sample has no value.</param>
internal sealed record ScalingRule(
    string Field, string Metric, string Unit, double Threshold, ScaleDirection Direction, Func<MetricSample, double?> Read)
{
    /// <summary>Whether the rule fires on <paramref name="sample"/>, outside the tolerance band around the threshold.</summary>
    /// <param name="sample">The metrics of one check.</param>
    /// <param name="tolerance">Fraction of the threshold, such as 0.1, inside which the rule does not fire.</param>
    public bool Fires(MetricSample sample, double tolerance) => Read(sample) is { } value && (Direction == ScaleDirection.Up
        ? value > Threshold * (1 + tolerance)
        : value < Threshold * (1 - tolerance));

    /// <summary>Formats the rule with the value of <paramref name="sample"/>, such as <c>cpu 92.5% above cpuThreshold 70%</c>.</summary>
    public string Describe(MetricSample sample)
    {
        string value = Read(sample) is { } number ? $"{number:0.#}{Unit}" : "n/a";
        string relation = Direction == ScaleDirection.Up ? "above" : "below";
        return $"{Metric} {value} {relation} {Field} {Threshold:0.#}{Unit}";
    }
}
