namespace GbOperator.Resources.BotClusters;

/// <summary>Scaling rules beyond the CPU, memory and request thresholds.</summary>
public sealed record ScaleRules
{
    /// <summary>Scales when the average response time exceeds a duration.</summary>
    public ResponseTimeRule ResponseTime { get; init; } = new();

    /// <summary>Scales when average CPU use, in percent, drops below a low mark.</summary>
    public ThresholdRule CpuLow { get; init; } = new() { Threshold = 30, Action = ScaleAction.Down };

    /// <summary>Scales when average memory use, in percent, drops below a low mark. Absent means memory never scales down.</summary>
    public ThresholdRule? MemoryLow { get; init; }

    /// <summary>Scales when the request queue is deeper than a number of requests.</summary>
    public ThresholdRule QueueDepth { get; init; } = new() { Threshold = 100, Action = ScaleAction.Up };
}
