namespace GbOperator.Resources.ShardMaps;

/// <summary>Settings of the tenant strategy: each tenant gets its own database.</summary>
public sealed record TenantSharding
{
    /// <summary>Whether the operator creates a missing tenant database.</summary>
    /// <value><c>true</c>.</value>
    public bool AutoCreateDatabase { get; init; } = true;

    /// <summary>Prefix of tenant database names. The database of tenant <c>acme</c> is <c>gb_tenant_acme</c> by default.</summary>
    /// <value>gb_tenant_.</value>
    public string DatabasePrefix { get; init; } = "gb_tenant_";
}
