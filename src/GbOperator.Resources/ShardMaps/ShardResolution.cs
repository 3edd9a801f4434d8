namespace GbOperator.Resources.ShardMaps;

/// <summary>The shard that stores a key, and where to reach it.</summary>
/// <param name="Shard">Name of the shard.</param>
/// <param name="Endpoint">PostgreSQL endpoint of the shard as <c>host:port</c>.</param>
/// <param name="Database">Database that contains the key: the tenant's database, the shard's own, or <c>null</c> when the map names none.</param>
public sealed record ShardResolution(string Shard, string Endpoint, string? Database);
