namespace GbOperator.Resources.ShardMaps;

/// <summary>One PostgreSQL server that stores a part of the data.</summary>
public sealed record Shard
{
    /// <summary>Name that strategies refer to, such as <c>shard1</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>PostgreSQL endpoint as <c>host:port</c>, such as <c>postgres-eu.example.com:5432</c>.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>Database to connect to on that server. Absent means the strategy decides (the tenant's database, for example).</summary>
    public string? Database { get; init; }
}
