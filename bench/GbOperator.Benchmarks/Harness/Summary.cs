namespace GbOperator.Benchmarks.Harness;

/// <summary>The spread of one series of samples, all in one unit.</summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Min">Smallest sample.</param>
/// <param name="P50">Median.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest sample.</param>
/// <param name="Mean">Arithmetic mean.</param>
internal sealed record Summary(int Count, double Min, double P50, double P99, double Max, double Mean);
