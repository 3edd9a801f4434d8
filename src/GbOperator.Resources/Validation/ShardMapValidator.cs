using System.Text.RegularExpressions;
using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Validation;

/// <summary>Rules of <see cref="ShardMapSpec"/>.</summary>
internal static partial class ShardMapValidator
{
    /// <summary>PostgreSQL truncates identifiers longer than 63 bytes, so two tenant databases could collide.</summary>
    private const int PostgresIdentifierMaxLength = 63;

    public static void Validate(ShardMapSpec spec, ViolationList violations)
    {
        violations.OneOf("spec.strategy", spec.Strategy, ShardingStrategy.All);
        var shardNames = ValidateShards(spec.Shards, violations);
        ValidateTenants(spec, shardNames, violations);

        switch (spec.Strategy)
        {
            case ShardingStrategy.Hash:
                ValidateHash(spec, violations);
                break;
            case ShardingStrategy.Range:
                ValidateRange(spec.Range, shardNames, violations);
                break;
            case ShardingStrategy.Geo:
                ValidateGeo(spec.Geo, shardNames, violations);
                break;
        }

        ValidateQdrant(spec.Qdrant, violations);
        ValidateRedis(spec.Redis, violations);
    }

    private static HashSet<string> ValidateShards(IReadOnlyList<Shard> shards, ViolationList violations)
    {
        if (shards.Count == 0)
        {
            violations.Required("spec.shards", "required value: list at least one shard with a name and a PostgreSQL endpoint (host:port)");
        }

        for (var i = 0; i < shards.Count; i++)
        {
            DnsNames.CheckLabel(violations, $"spec.shards[{i}].name", shards[i].Name);
            violations.HostPort($"spec.shards[{i}].endpoint", shards[i].Endpoint);
            if (shards[i].Database is { } database && !Identifier().IsMatch(database))
            {
                violations.Invalid($"spec.shards[{i}].database",
                    $"invalid database name \"{database}\": use lower-case letters, digits and '_', starting with a letter or '_', at most 63 characters");
            }
        }

        violations.UniqueNames("spec.shards", shards.Select(shard => shard.Name));
        return shards.Select(shard => shard.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static void ValidateTenants(ShardMapSpec spec, HashSet<string> shardNames, ViolationList violations)
    {
        var prefix = spec.Tenant.DatabasePrefix;
        if (!Identifier().IsMatch(prefix) || prefix.Length >= PostgresIdentifierMaxLength)
        {
            violations.Invalid("spec.tenant.databasePrefix",
                $"invalid prefix \"{prefix}\": use lower-case letters, digits and '_', starting with a letter or '_', at most {PostgresIdentifierMaxLength - 1} characters");
        }

        for (var i = 0; i < spec.Tenants.Count; i++)
        {
            var tenant = spec.Tenants[i];
            DnsNames.CheckLabel(violations, $"spec.tenants[{i}].name", tenant.Name);
            if (prefix.Length + tenant.Name.Length > PostgresIdentifierMaxLength)
            {
                violations.Invalid($"spec.tenants[{i}].name",
                    $"database name {prefix}{tenant.Name.Replace('-', '_')} would be {prefix.Length + tenant.Name.Length} characters, but PostgreSQL allows at most {PostgresIdentifierMaxLength}; shorten the tenant name or tenant.databasePrefix");
            }

            if (tenant.Shard is not null)
            {
                CheckShardReference($"spec.tenants[{i}].shard", tenant.Shard, shardNames, violations);
            }
        }

        violations.UniqueNames("spec.tenants", spec.Tenants.Select(tenant => tenant.Name));
    }

    private static void ValidateHash(ShardMapSpec spec, ViolationList violations)
    {
        var hash = spec.Hash;
        if (hash.ShardCount is { } shardCount)
        {
            violations.AtLeast("spec.hash.shardCount", shardCount, 1);
            if (shardCount >= 1 && spec.Shards.Count > 0 && shardCount != spec.Shards.Count)
            {
                violations.Invalid("spec.hash.shardCount",
                    $"must equal the number of shards ({spec.Shards.Count}), not {shardCount}: set it to {spec.Shards.Count} or remove it");
            }
        }

        if (!Identifier().IsMatch(hash.ShardKey))
        {
            violations.Invalid("spec.hash.shardKey", $"invalid column name \"{hash.ShardKey}\": use lower-case letters, digits and '_', such as user_id");
        }

        violations.OneOf("spec.hash.algorithm", hash.Algorithm, HashAlgorithm.All);
    }

    private static void ValidateRange(RangeSharding range, HashSet<string> shardNames, ViolationList violations)
    {
        IReadOnlyList<ShardRange> ranges;
        string field;
        if (range.Compact is not null && range.Ranges.Count > 0)
        {
            violations.Invalid("spec.range.compact", "set either range.compact or range.ranges, not both");
            return;
        }

        if (range.Compact is not null)
        {
            field = "spec.range.compact";
            try
            {
                ranges = ShardRange.ParseList(range.Compact);
            }
            catch (FormatException exception)
            {
                violations.Invalid(field, exception.Message);
                return;
            }
        }
        else
        {
            field = "spec.range.ranges";
            ranges = range.Ranges;
        }

        if (ranges.Count == 0)
        {
            violations.Required("spec.range.ranges", "required value when strategy is \"range\": list the ranges, or set range.compact such as 0-999999:shard1,1000000-:shard2");
            return;
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            var entryField = range.Compact is null ? $"{field}[{i}]" : field;
            var current = ranges[i];
            if (current.Start < 0)
            {
                violations.Invalid(entryField, $"range {current} starts below 0");
            }

            if (current.End < current.Start)
            {
                violations.Invalid(entryField, $"range {current} ends before it starts; the end must be greater than or equal to the start");
            }

            if (current.IsOpenEnded && i < ranges.Count - 1)
            {
                violations.Invalid(entryField, $"range {current} has no end, but only the last range may be open-ended");
            }

            if (i > 0 && ranges[i - 1].End is { } previousEnd && current.Start <= previousEnd)
            {
                violations.Invalid(entryField,
                    $"range {current} must start after the previous range {ranges[i - 1]} ends ({previousEnd}); order ranges by start without overlap");
            }

            CheckShardReference(range.Compact is null ? $"{entryField}.shard" : field, current.Shard, shardNames, violations);
        }
    }

    private static void ValidateGeo(GeoSharding geo, HashSet<string> shardNames, ViolationList violations)
    {
        if (geo.Regions.Count == 0)
        {
            violations.Required("spec.geo.regions", "required value when strategy is \"geo\": map region codes to shards, such as eu: shard-eu");
        }

        foreach (var (region, shard) in geo.Regions)
        {
            if (!DnsNames.IsLabel(region))
            {
                violations.Invalid($"spec.geo.regions.{region}", $"invalid region code \"{region}\": use lower-case letters, digits and '-', such as eu or us-east");
            }

            CheckShardReference($"spec.geo.regions.{region}", shard, shardNames, violations);
        }

        if (geo.DefaultShard is null)
        {
            violations.Required("spec.geo.defaultShard", "required value when strategy is \"geo\": name the shard of users from unlisted regions");
        }
        else
        {
            CheckShardReference("spec.geo.defaultShard", geo.DefaultShard, shardNames, violations);
        }
    }

    private static void ValidateQdrant(QdrantSharding qdrant, ViolationList violations)
    {
        violations.AtLeast("spec.qdrant.shardNumber", qdrant.ShardNumber, 1);
        violations.AtLeast("spec.qdrant.replicationFactor", qdrant.ReplicationFactor, 1);
        violations.OneOf("spec.qdrant.writeConsistency", qdrant.WriteConsistency, QdrantWriteConsistency.Values);
        violations.AtLeast("spec.qdrant.vectorSize", qdrant.VectorSize, 1);
        if (qdrant.Endpoint is { } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"))
        {
            violations.Invalid("spec.qdrant.endpoint", $"invalid endpoint \"{endpoint}\": give Qdrant's gRPC address as http://HOST:PORT or https://HOST:PORT, such as http://127.0.0.1:6334");
        }

        for (var i = 0; i < qdrant.Bots.Count; i++)
        {
            if (!BotName().IsMatch(qdrant.Bots[i]))
            {
                violations.Invalid($"spec.qdrant.bots[{i}]", $"invalid bot name \"{qdrant.Bots[i]}\": use letters, digits, '-' and '_', at most 60 characters, such as sales-bot");
            }
        }

        violations.UniqueNames("spec.qdrant.bots", qdrant.Bots, "");
    }

    private static void ValidateRedis(RedisCache redis, ViolationList violations)
    {
        violations.OneOf("spec.redis.mode", redis.Mode, RedisMode.All);
        for (var i = 0; i < redis.Nodes.Count; i++)
        {
            violations.HostPort($"spec.redis.nodes[{i}]", redis.Nodes[i]);
        }

        violations.UniqueNames("spec.redis.nodes", redis.Nodes, "");
        if (redis.Mode == RedisMode.Cluster && redis.Nodes.Count == 0)
        {
            violations.Required("spec.redis.nodes", "required value when mode is \"cluster\": list the cluster nodes as host:port");
        }

        violations.AtLeast("spec.redis.replicas", redis.Replicas, 0);
    }

    private static void CheckShardReference(string field, string shard, HashSet<string> shardNames, ViolationList violations)
    {
        if (!shardNames.Contains(shard))
        {
            var known = shardNames.Count == 0 ? "no shards are listed" : $"listed shards are {string.Join(", ", shardNames.Order(StringComparer.Ordinal))}";
            violations.Add(new FieldViolation(field, FieldViolationType.NotFound,
                $"shard \"{shard}\" not found in spec.shards; {known}"));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex BotName();
}
