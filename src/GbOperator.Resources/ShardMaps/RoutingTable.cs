using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbOperator.Resources.ShardMaps;

/// <summary>
/// The routing table that botserver instances read from <see cref="FilePath"/>: the strategy, its parameters and the shards,
/// with a version that changes exactly when the content does.
/// </summary>
/// <param name="Version">First 16 hex digits of the SHA-256 of the content without the version field.</param>
/// <param name="Content">The file's UTF-8 JSON text, including the version.</param>
public sealed record RoutingTable(string Version, byte[] Content)
{
    /// <summary>Path of the routing file inside each container.</summary>
    public const string FilePath = "/opt/gbo/conf/shards.json";

    /// <summary>Builds the routing table of <paramref name="shardMap"/>.</summary>
    public static RoutingTable Build(ShardMap shardMap)
    {
        ArgumentNullException.ThrowIfNull(shardMap);
        var spec = shardMap.Spec;
        var table = new JsonObject
        {
            ["shardMap"] = $"{shardMap.Metadata.NamespaceProperty}/{shardMap.Metadata.Name}",
            ["strategy"] = spec.Strategy,
            ["shards"] = new JsonArray(spec.Shards.Select(shard => (JsonNode)new JsonObject
            {
                ["name"] = shard.Name,
                ["endpoint"] = shard.Endpoint,
                ["database"] = shard.Database,
            }).ToArray()),
            ["tenants"] = new JsonArray(spec.Tenants.OrderBy(tenant => tenant.Name, StringComparer.Ordinal).Select(tenant => (JsonNode)new JsonObject
            {
                ["name"] = tenant.Name,
                ["shard"] = TenantDatabase.ShardOf(spec, tenant),
                ["database"] = TenantDatabase.NameOf(spec.Tenant.DatabasePrefix, tenant.Name),
            }).ToArray()),
        };
        AddStrategyParameters(spec, table);

        var unversioned = JsonSerializer.SerializeToUtf8Bytes(table);
        var version = Convert.ToHexStringLower(SHA256.HashData(unversioned))[..16];
        var versioned = new JsonObject { ["version"] = version };
        foreach (var (name, value) in table)
        {
            versioned[name] = value?.DeepClone();
        }

        var content = Encoding.UTF8.GetBytes(versioned.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new RoutingTable(version, content);
    }

    private static void AddStrategyParameters(ShardMapSpec spec, JsonObject table)
    {
        switch (spec.Strategy)
        {
            case ShardingStrategy.Hash:
                table["hash"] = new JsonObject
                {
                    ["shardKey"] = spec.Hash.ShardKey,
                    ["algorithm"] = spec.Hash.Algorithm,
                    ["hashFunction"] = "xxh64-seed0-utf8",
                    ["virtualNodesPerShard"] = spec.Hash.Algorithm == HashAlgorithm.Consistent ? ConsistentHashRing.VirtualNodesPerShard : null,
                };
                break;
            case ShardingStrategy.Range:
                table["ranges"] = new JsonArray(spec.Range.EffectiveRanges().Select(range => (JsonNode)new JsonObject
                {
                    ["start"] = range.Start,
                    ["end"] = range.End,
                    ["shard"] = range.Shard,
                }).ToArray());
                break;
            case ShardingStrategy.Geo:
                var regions = new JsonObject();
                foreach (var (region, shard) in spec.Geo.Regions.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    regions[region] = shard;
                }

                table["geo"] = new JsonObject { ["regions"] = regions, ["defaultShard"] = spec.Geo.DefaultShard };
                break;
        }
    }
}
