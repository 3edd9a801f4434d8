using GbOperator.Infrastructure.Postgres;
using GbOperator.Resources.ShardMaps;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>Creates the missing tenant databases on each shard and finds the orphaned ones. It never drops a database.</summary>
internal sealed class TenantDatabaseSync(ITenantDatabaseClient databases, ILogger logger)
{
    public async Task<TenantDatabaseReport> SyncAsync(ShardMapSpec spec, CancellationToken cancellationToken)
    {
        var prefix = spec.Tenant.DatabasePrefix;
        var expected = spec.Tenants.ToLookup(tenant => TenantDatabase.ShardOf(spec, tenant), tenant => TenantDatabase.NameOf(prefix, tenant.Name));
        var shards = new List<ShardStatus>();
        var orphaned = new List<OrphanedDatabase>();
        var created = new List<string>();
        var unavailable = new List<string>();

        foreach (var shard in spec.Shards)
        {
            var expectedHere = expected[shard.Name].ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<string> existing;
            try
            {
                existing = await databases.ListDatabasesAsync(shard.Endpoint, prefix, cancellationToken);
                if (spec.Tenant.AutoCreateDatabase)
                {
                    foreach (var database in expectedHere.Except(existing).Order(StringComparer.Ordinal))
                    {
                        if (await databases.CreateDatabaseAsync(shard.Endpoint, database, cancellationToken))
                        {
                            created.Add($"{shard.Name}/{database}");
                        }
                    }

                    existing = await databases.ListDatabasesAsync(shard.Endpoint, prefix, cancellationToken);
                }
            }
            catch (NpgsqlException exception)
            {
                ShardMapLog.ShardUnavailable(logger, exception, shard.Name, shard.Endpoint);
                unavailable.Add(shard.Name);
                shards.Add(new ShardStatus { Name = shard.Name, Ready = false, Message = $"PostgreSQL at {shard.Endpoint} failed: {exception.Message}" });
                continue;
            }

            var present = existing.Count(expectedHere.Contains);
            var missing = expectedHere.Except(existing).Order(StringComparer.Ordinal).ToList();
            orphaned.AddRange(existing.Where(database => !expectedHere.Contains(database))
                .Select(database => new OrphanedDatabase { Shard = shard.Name, Database = database }));
            shards.Add(new ShardStatus
            {
                Name = shard.Name,
                Ready = missing.Count == 0,
                Tenants = present,
                Message = missing.Count == 0 ? null : $"tenant databases missing and spec.tenant.autoCreateDatabase is false: {string.Join(", ", missing)}",
            });
        }

        return new TenantDatabaseReport(shards, orphaned, created, unavailable);
    }
}
