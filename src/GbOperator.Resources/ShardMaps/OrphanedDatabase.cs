namespace GbOperator.Resources.ShardMaps;

/// <summary>A tenant database that exists on a shard although no listed tenant owns it there. The operator never drops it.</summary>
public sealed record OrphanedDatabase
{
    /// <summary>Shard whose server contains the database.</summary>
    public string Shard { get; init; } = "";

    /// <summary>Database name, which starts with the tenant database prefix.</summary>
    public string Database { get; init; } = "";
}
