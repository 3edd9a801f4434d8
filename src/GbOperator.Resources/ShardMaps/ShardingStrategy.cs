namespace GbOperator.Resources.ShardMaps;

/// <summary>The ways a <see cref="ShardMap"/> assigns data to shards.</summary>
public static class ShardingStrategy
{
    /// <summary>One database per tenant.</summary>
    public const string Tenant = "tenant";

    /// <summary>A hash of the shard key picks the shard.</summary>
    public const string Hash = "hash";

    /// <summary>Ranges of the shard key map to shards.</summary>
    public const string Range = "range";

    /// <summary>The user's region picks the shard.</summary>
    public const string Geo = "geo";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Tenant, Hash, Range, Geo];
}
