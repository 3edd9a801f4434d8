namespace GbOperator.Resources.BotClusters;

/// <summary>A scaling rule on a numeric metric.</summary>
public sealed record ThresholdRule
{
    /// <summary>Metric value that triggers the rule, in the metric's unit.</summary>
    public int Threshold { get; init; }

    /// <summary><c>up</c> or <c>down</c>.</summary>
    public string Action { get; init; } = ScaleAction.Up;
}
