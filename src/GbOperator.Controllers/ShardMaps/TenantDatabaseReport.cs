using GbOperator.Resources.ShardMaps;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>What a pass found and did on the shard servers.</summary>
/// <param name="Shards">One entry per shard, in spec order.</param>
/// <param name="Orphaned">Tenant databases that no listed tenant owns on their shard.</param>
/// <param name="Created">Databases this pass created, as <c>shard/database</c>.</param>
/// <param name="Unavailable">Shards whose server could not be reached or rejected the operator's statements.</param>
internal sealed record TenantDatabaseReport(
    IReadOnlyList<ShardStatus> Shards, IReadOnlyList<OrphanedDatabase> Orphaned, IReadOnlyList<string> Created, IReadOnlyList<string> Unavailable);
