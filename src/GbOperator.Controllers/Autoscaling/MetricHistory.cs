namespace GbOperator.Controllers.Autoscaling;

/// <summary>The samples of one cluster that its scaling windows still need, oldest first.</summary>
/// <remarks>
/// NOTE: the history is in memory, so after an operator restart the scale-down window starts again from the first
/// check. That delays a scale-down and never causes one.
/// </remarks>
internal sealed class MetricHistory
{
    private readonly List<MetricSample> _samples = [];

    public IReadOnlyList<MetricSample> Samples => _samples;

    /// <summary>Appends a sample and drops those older than <paramref name="window"/>, keeping the last one before it, which starts the window.</summary>
    public void Add(MetricSample sample, TimeSpan window)
    {
        _samples.Add(sample);
        var start = sample.Time - window;
        int firstInWindow = _samples.FindIndex(existing => existing.Time > start);
        int keepFrom = Math.Max(0, (firstInWindow < 0 ? _samples.Count : firstInWindow) - 1);
        _samples.RemoveRange(0, keepFrom);
    }
}
