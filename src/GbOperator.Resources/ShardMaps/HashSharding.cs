namespace GbOperator.Resources.ShardMaps;

/// <summary>Settings of the hash strategy.</summary>
public sealed record HashSharding
{
    /// <summary>
    /// Number of shards the hash is spread over. When given, it must equal the number of listed shards, and absent means
    /// the number of listed shards.
    /// </summary>
    /// <value>The number of listed shards.</value>
    public int? ShardCount { get; init; }

    /// <summary>Column whose value is hashed, such as <c>user_id</c>.</summary>
    /// <value>user_id.</value>
    public string ShardKey { get; init; } = "user_id";

    /// <summary><c>modulo</c> (key mod shard count) or <c>consistent</c> (consistent hashing).</summary>
    /// <value>modulo.</value>
    public string Algorithm { get; init; } = HashAlgorithm.Modulo;
}
