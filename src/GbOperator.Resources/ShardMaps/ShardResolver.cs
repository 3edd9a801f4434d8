using System.Globalization;
using GbOperator.Resources.Validation;

namespace GbOperator.Resources.ShardMaps;

/// <summary>Finds the shard that stores a key under a valid <see cref="ShardMapSpec"/>. Pure: it does no I/O.</summary>
/// <remarks>
/// <para>What the key is depends on the strategy:</para>
/// <list type="bullet">
/// <item><description><c>tenant</c>: the tenant name; the tenant must be listed in <c>spec.tenants</c>.</description></item>
/// <item><description><c>hash</c>: the value of the shard key, placed by <see cref="ModuloPlacement"/> or <see cref="ConsistentHashRing"/>.</description></item>
/// <item><description><c>range</c>: a whole number of 0 or more inside one of the ranges.</description></item>
/// <item><description><c>geo</c>: any key; the region picks the shard, and a missing or unlisted region gets the default shard.</description></item>
/// </list>
/// </remarks>
public sealed class ShardResolver
{
    private readonly ShardMapSpec _spec;
    private readonly Dictionary<string, Shard> _shards;
    private readonly IReadOnlyList<ShardRange> _ranges;
    private readonly ConsistentHashRing? _ring;

    private ShardResolver(ShardMapSpec spec)
    {
        _spec = spec;
        _shards = spec.Shards.ToDictionary(shard => shard.Name, StringComparer.Ordinal);
        _ranges = spec.Strategy == ShardingStrategy.Range ? spec.Range.EffectiveRanges() : [];
        if (spec.Strategy == ShardingStrategy.Hash && spec.Hash.Algorithm == HashAlgorithm.Consistent)
        {
            _ring = new ConsistentHashRing(spec.Shards.Select(shard => shard.Name));
        }
    }

    /// <summary>Creates the resolver of <paramref name="spec"/>, which must have passed validation.</summary>
    /// <exception cref="FormatException">The compact ranges are malformed, which validation rejects.</exception>
    public static ShardResolver Create(ShardMapSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ShardResolver(spec);
    }

    /// <summary>Returns the shard that stores <paramref name="key"/>.</summary>
    /// <param name="key">The tenant name, shard-key value or user key, as the strategy defines it.</param>
    /// <param name="region">The user's region code, used by the <c>geo</c> strategy; <c>null</c> for none.</param>
    /// <exception cref="ShardResolutionException">The key or region is invalid, or no shard stores the key.</exception>
    public ShardResolution Resolve(string key, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ShardResolutionException(ShardResolutionError.InvalidKey, "the key is empty; give a tenant name or a shard-key value");
        }

        if (region is not null && !DnsNames.IsLabel(region))
        {
            throw new ShardResolutionException(ShardResolutionError.InvalidRegion,
                $"invalid region \"{region}\": use a region code of lower-case letters, digits and '-', such as eu or us-east");
        }

        return _spec.Strategy switch
        {
            ShardingStrategy.Tenant => ResolveTenant(key),
            ShardingStrategy.Hash => ForShard(_ring?.ShardOf(key) ?? _spec.Shards[ModuloPlacement.IndexOf(key, _spec.Shards.Count)].Name),
            ShardingStrategy.Range => ForShard(RangeShardOf(key)),
            ShardingStrategy.Geo => ForShard(GeoShardOf(region)),
            _ => throw new InvalidOperationException($"unknown sharding strategy \"{_spec.Strategy}\""),
        };
    }

    private ShardResolution ResolveTenant(string key)
    {
        if (!DnsNames.IsLabel(key))
        {
            throw new ShardResolutionException(ShardResolutionError.InvalidKey,
                $"invalid tenant name \"{key}\": a tenant name consists of lower-case letters, digits and '-'");
        }

        var tenant = _spec.Tenants.FirstOrDefault(candidate => candidate.Name == key)
            ?? throw new ShardResolutionException(ShardResolutionError.NotFound,
                $"tenant \"{key}\" is not listed in spec.tenants; add it to the shard map first");
        var shard = _shards[TenantDatabase.ShardOf(_spec, tenant)];
        return new ShardResolution(shard.Name, shard.Endpoint, TenantDatabase.NameOf(_spec.Tenant.DatabasePrefix, tenant.Name));
    }

    private string RangeShardOf(string key)
    {
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ShardResolutionException(ShardResolutionError.InvalidKey,
                $"invalid key \"{key}\": the range strategy needs a whole number of 0 or more");
        }

        foreach (var range in _ranges)
        {
            if (value >= range.Start && (range.End is null || value <= range.End))
            {
                return range.Shard;
            }
        }

        throw new ShardResolutionException(ShardResolutionError.NotFound,
            $"no range contains key {value}; the ranges are {string.Join(",", _ranges)}");
    }

    private string GeoShardOf(string? region) =>
        region is not null && _spec.Geo.Regions.TryGetValue(region, out var shard)
            ? shard
            : _spec.Geo.DefaultShard ?? throw new InvalidOperationException("the geo strategy has no default shard");

    private ShardResolution ForShard(string name)
    {
        var shard = _shards[name];
        return new ShardResolution(shard.Name, shard.Endpoint, shard.Database);
    }
}
