namespace GbOperator.Controllers.ShardMaps;

/// <summary>Settings of the ShardMap reconciler.</summary>
public sealed record ShardMapReconcilerOptions
{
    /// <summary>LXD project that contains the BotCluster instances. <value>Default: <c>default</c>.</value></summary>
    public string LxdProject { get; init; } = "default";

    /// <summary>
    /// Delay before a ShardMap is checked again: shard readiness, the Redis Cluster, and the routing file of instances
    /// created since the last pass. <value>Default: 30 seconds.</value>
    /// </summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the values; called once at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LxdProject, nameof(LxdProject));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResyncInterval, TimeSpan.Zero, nameof(ResyncInterval));
    }
}
