namespace GbOperator.Resources.ShardMaps;

/// <summary>The Redis deployment modes.</summary>
public static class RedisMode
{
    /// <summary>One Redis server.</summary>
    public const string Standalone = "standalone";

    /// <summary>Redis Cluster, data split over several primaries.</summary>
    public const string Cluster = "cluster";

    /// <summary>A primary with replicas, watched by Redis Sentinel.</summary>
    public const string Sentinel = "sentinel";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Standalone, Cluster, Sentinel];
}
