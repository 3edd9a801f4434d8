namespace GbOperator.Resources.BotClusters;

/// <summary>
/// Database and cache endpoints that the proxy devices of every instance of a <see cref="BotCluster"/> lead to.
/// </summary>
public sealed record EndpointsStatus
{
    /// <summary>PostgreSQL primary as <c>host:port</c>, or <c>null</c> while there is none and the device is removed.</summary>
    public string? Database { get; init; }

    /// <summary>Redis master as <c>host:port</c>, or <c>null</c> while there is none and the device is removed.</summary>
    public string? Cache { get; init; }

    /// <summary>When the last instance's devices were set to <see cref="Database"/> and <see cref="Cache"/>.</summary>
    public DateTime? RepointedAt { get; init; }
}
