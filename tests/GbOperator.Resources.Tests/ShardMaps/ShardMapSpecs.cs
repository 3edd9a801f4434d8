using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Tests.ShardMaps;

/// <summary>Valid shard map specs for the resolver and planner tests.</summary>
internal static class ShardMapSpecs
{
    public static IReadOnlyList<Shard> Shards(int count) =>
        Enumerable.Range(1, count).Select(i => new Shard { Name = $"shard{i}", Endpoint = $"127.0.0.1:{5430 + i}" }).ToList();

    public static ShardMapSpec Hash(int count, string algorithm) => new()
    {
        Strategy = ShardingStrategy.Hash,
        Shards = Shards(count),
        Hash = new HashSharding { ShardCount = count, Algorithm = algorithm },
    };

    public static ShardMapSpec Range(string compact, int shards = 3) => new()
    {
        Strategy = ShardingStrategy.Range,
        Shards = Shards(shards),
        Range = new RangeSharding { Compact = compact },
    };

    public static ShardMapSpec Geo(IReadOnlyDictionary<string, string> regions, string defaultShard, int shards = 3) => new()
    {
        Strategy = ShardingStrategy.Geo,
        Shards = Shards(shards),
        Geo = new GeoSharding { Regions = regions, DefaultShard = defaultShard },
    };

    public static ShardMapSpec Tenants(params (string Name, string? Shard)[] tenants) => new()
    {
        Strategy = ShardingStrategy.Tenant,
        Shards = Shards(2),
        Tenants = tenants.Select(tenant => new Tenant { Name = tenant.Name, Shard = tenant.Shard }).ToList(),
    };

    /// <summary>Returns <paramref name="count"/> keys from a seeded generator: numbers, words and mixed text.</summary>
    public static IReadOnlyList<string> RandomKeys(int count, int seed)
    {
        var random = new Random(seed);
        const string letters = "abcdefghijklmnopqrstuvwxyz0123456789-_@.";
        return Enumerable.Range(0, count).Select(i => (i % 3) switch
        {
            0 => random.NextInt64(0, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => letters[random.Next(letters.Length)]).ToArray()),
            _ => $"user-{random.Next()}@example.com",
        }).ToList();
    }
}
