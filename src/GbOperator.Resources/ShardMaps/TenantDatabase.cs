namespace GbOperator.Resources.ShardMaps;

/// <summary>Names and places of tenant databases.</summary>
public static class TenantDatabase
{
    /// <summary>
    /// Returns the database name of <paramref name="tenant"/>: the prefix followed by the tenant name with '-' turned into '_',
    /// such as <c>gb_tenant_acme_eu</c> for tenant <c>acme-eu</c>.
    /// </summary>
    public static string NameOf(string prefix, string tenant) => prefix + tenant.Replace('-', '_');

    /// <summary>Returns the name of the shard that stores <paramref name="tenant"/>: its own shard, or the first listed shard.</summary>
    /// <exception cref="InvalidOperationException">The spec lists no shards.</exception>
    public static string ShardOf(ShardMapSpec spec, Tenant tenant) =>
        tenant.Shard ?? (spec.Shards.Count > 0 ? spec.Shards[0].Name : throw new InvalidOperationException("the shard map lists no shards"));
}
