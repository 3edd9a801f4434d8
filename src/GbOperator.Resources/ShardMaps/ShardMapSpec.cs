namespace GbOperator.Resources.ShardMaps;

/// <summary>Desired state of a <see cref="ShardMap"/>.</summary>
public sealed record ShardMapSpec
{
    /// <summary>How rows find their shard, one of <see cref="ShardingStrategy.All"/>.</summary>
    /// <value>tenant.</value>
    public string Strategy { get; init; } = ShardingStrategy.Tenant;

    /// <summary>The PostgreSQL servers that hold the data.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<Shard> Shards { get; init; } = [];

    /// <summary>Settings of the <c>tenant</c> strategy.</summary>
    public TenantSharding Tenant { get; init; } = new();

    /// <summary>The tenants and the shard each one lives on.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<Tenant> Tenants { get; init; } = [];

    /// <summary>Settings of the <c>hash</c> strategy.</summary>
    public HashSharding Hash { get; init; } = new();

    /// <summary>Settings of the <c>range</c> strategy.</summary>
    public RangeSharding Range { get; init; } = new();

    /// <summary>Settings of the <c>geo</c> strategy.</summary>
    public GeoSharding Geo { get; init; } = new();

    /// <summary>Sharding of the Qdrant vector collections.</summary>
    public QdrantSharding Qdrant { get; init; } = new();

    /// <summary>The Redis cache topology.</summary>
    public RedisCache Redis { get; init; } = new();
}
