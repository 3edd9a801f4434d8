namespace GbOperator.Controllers.Autoscaling;

/// <summary>A metric that one check could not measure, and why.</summary>
/// <param name="Metric">Metric name, such as <c>cpu</c> or <c>requests</c>.</param>
/// <param name="Reason">Why it is missing, naming the instance or the service involved.</param>
/// <param name="IsFailure">
/// <c>true</c> when a call failed or a counter went back; <c>false</c> when the metric only needs a second reading,
/// as after an instance or the operator starts.
/// </param>
internal sealed record MissingMetric(string Metric, string Reason, bool IsFailure)
{
    /// <summary>Returns the entry as status and events show it, such as <c>cpu: instance web-1 has no earlier CPU reading</c>.</summary>
    public override string ToString() => $"{Metric}: {Reason}";
}
