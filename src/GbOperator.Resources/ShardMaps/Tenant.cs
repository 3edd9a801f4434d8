namespace GbOperator.Resources.ShardMaps;

/// <summary>One tenant and where its data lives.</summary>
public sealed record Tenant
{
    /// <summary>Tenant name, lower-case letters, digits and '-', used in its database name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Name of the shard that stores the tenant's database. Absent means the first shard.</summary>
    public string? Shard { get; init; }
}
