namespace GbOperator.Resources.ShardMaps;

/// <summary>How tenant data is spread over PostgreSQL databases, Qdrant shards and Redis nodes.</summary>
public sealed record ShardMap : Resource<ShardMapSpec, ShardMapStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "ShardMap";

    /// <inheritdoc />
    public override string Kind { get; init; } = KindName;
}
