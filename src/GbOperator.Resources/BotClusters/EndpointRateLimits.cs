namespace GbOperator.Resources.BotClusters;

/// <summary>Per-area request limits, in requests per client per window.</summary>
public sealed record EndpointRateLimits
{
    /// <summary>Limit of <c>/api/chat*</c>.</summary>
    /// <value>30.</value>
    public int Chat { get; init; } = 30;

    /// <summary>Limit of <c>/api/files*</c>.</summary>
    /// <value>50.</value>
    public int Files { get; init; } = 50;

    /// <summary>Limit of <c>/api/auth*</c>.</summary>
    /// <value>10.</value>
    public int Auth { get; init; } = 10;
}
