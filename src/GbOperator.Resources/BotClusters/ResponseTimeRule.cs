namespace GbOperator.Resources.BotClusters;

/// <summary>A scaling rule on the average response time.</summary>
public sealed record ResponseTimeRule
{
    /// <summary>Average response time that triggers the rule.</summary>
    /// <value>2s.</value>
    public string Threshold { get; init; } = "2s";

    /// <summary><c>up</c> or <c>down</c>.</summary>
    /// <value>up.</value>
    public string Action { get; init; } = ScaleAction.Up;
}
