namespace GbOperator.Resources.ShardMaps;

/// <summary>Observed state of one shard.</summary>
public sealed record ShardStatus
{
    /// <summary>Shard name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether the shard's PostgreSQL server accepts connections.</summary>
    public bool Ready { get; init; }

    /// <summary>Number of tenant databases on the shard.</summary>
    public int Tenants { get; init; }

    /// <summary>Why the shard is not ready, if it is not.</summary>
    public string? Message { get; init; }
}
