namespace GbOperator.Resources.ShardMaps;

/// <summary>Settings of the geo strategy: each region maps to a shard.</summary>
public sealed record GeoSharding
{
    /// <summary>Shard name per region code, such as <c>us</c>, <c>eu</c> or <c>asia</c>.</summary>
    public IReadOnlyDictionary<string, string> Regions { get; init; } = new Dictionary<string, string>();

    /// <summary>Shard of users whose region is not listed.</summary>
    public string? DefaultShard { get; init; }
}
