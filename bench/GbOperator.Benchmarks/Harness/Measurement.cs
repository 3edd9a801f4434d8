namespace GbOperator.Benchmarks.Harness;

/// <summary>One measured series: what was measured, in which unit, and its spread.</summary>
/// <param name="Name">What ran, such as <c>API create via etcd</c>.</param>
/// <param name="Unit">Unit of every sample, such as <c>ms</c> or <c>ops/s</c>.</param>
/// <param name="Summary">The spread of the samples.</param>
internal sealed record Measurement(string Name, string Unit, Summary Summary)
{
    /// <summary>Summarizes <paramref name="samples"/> under <paramref name="name"/>.</summary>
    public static Measurement Of(string name, string unit, IReadOnlyList<double> samples) =>
        new(name, unit, Statistics.Summarize(samples));
}
