using GbOperator.Resources;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>The autoscaling settings of a BotCluster spec with durations parsed and rules listed.</summary>
internal sealed record AutoscalingPolicy
{
    public required int MinInstances { get; init; }

    public required int MaxInstances { get; init; }

    public required TimeSpan Cooldown { get; init; }

    public required TimeSpan CheckInterval { get; init; }

    public required TimeSpan ScaleUpWindow { get; init; }

    public required TimeSpan ScaleDownWindow { get; init; }

    /// <summary>Fraction of each threshold inside which no rule fires, such as 0.1.</summary>
    public required double Tolerance { get; init; }

    public required int MaxStep { get; init; }

    /// <summary>Rules that add instances, in the order their messages are listed.</summary>
    public required IReadOnlyList<ScalingRule> UpRules { get; init; }

    /// <summary>Rules that must all hold, with no up rule near its threshold, before instances are removed.</summary>
    public required IReadOnlyList<ScalingRule> DownRules { get; init; }

    /// <summary>Builds the policy of a spec that passed validation. Unparsable durations fall back to the defaults.</summary>
    public static AutoscalingPolicy From(AutoscalingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var defaults = new AutoscalingSpec();
        var rules = spec.Rules;
        var all = new List<ScalingRule>
        {
            new("cpuThreshold", "cpu", "%", spec.CpuThreshold, ScaleDirection.Up, sample => sample.CpuPercent),
            new("memoryThreshold", "memory", "%", spec.MemoryThreshold, ScaleDirection.Up, sample => sample.MemoryPercent),
            new("requestThreshold", "requests", "/min", spec.RequestThreshold, ScaleDirection.Up, sample => sample.RequestsPerMinute),
            new("rules.responseTime", "response time", "ms", ParseOr(rules.ResponseTime.Threshold, TimeSpan.FromSeconds(2)).TotalMilliseconds,
                DirectionOf(rules.ResponseTime.Action), sample => sample.ResponseTime?.TotalMilliseconds),
            new("rules.cpuLow", "cpu", "%", rules.CpuLow.Threshold, DirectionOf(rules.CpuLow.Action), sample => sample.CpuPercent),
            new("rules.queueDepth", "queue depth", "", rules.QueueDepth.Threshold, DirectionOf(rules.QueueDepth.Action), sample => sample.QueueDepth),
        };
        if (rules.MemoryLow is { } memoryLow)
        {
            all.Add(new("rules.memoryLow", "memory", "%", memoryLow.Threshold, DirectionOf(memoryLow.Action), sample => sample.MemoryPercent));
        }

        return new AutoscalingPolicy
        {
            MinInstances = spec.MinInstances,
            MaxInstances = spec.MaxInstances,
            Cooldown = ParseOr(spec.Cooldown, ParseOr(defaults.Cooldown, TimeSpan.Zero)),
            CheckInterval = ParseOr(spec.CheckInterval, ParseOr(defaults.CheckInterval, TimeSpan.Zero)),
            ScaleUpWindow = ParseOr(spec.ScaleUpWindow, TimeSpan.Zero),
            ScaleDownWindow = ParseOr(spec.ScaleDownWindow, ParseOr(defaults.ScaleDownWindow, TimeSpan.Zero)),
            Tolerance = spec.Tolerance / 100.0,
            MaxStep = Math.Max(1, spec.MaxStep),
            UpRules = all.Where(rule => rule.Direction == ScaleDirection.Up).ToList(),
            DownRules = all.Where(rule => rule.Direction == ScaleDirection.Down).ToList(),
        };
    }

    /// <summary>The longest time the decision looks back, so older samples can be dropped.</summary>
    public TimeSpan LongestWindow => ScaleUpWindow > ScaleDownWindow ? ScaleUpWindow : ScaleDownWindow;

    private static ScaleDirection DirectionOf(string action) => action == ScaleAction.Down ? ScaleDirection.Down : ScaleDirection.Up;

    private static TimeSpan ParseOr(string text, TimeSpan fallback) =>
        Duration.TryParse(text, out var value) && value >= TimeSpan.Zero ? value : fallback;
}
