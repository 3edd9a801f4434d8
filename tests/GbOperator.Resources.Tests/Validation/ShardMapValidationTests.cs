using GbOperator.Resources.ShardMaps;
using static GbOperator.Resources.Tests.Validation.ValidResources;

namespace GbOperator.Resources.Tests.Validation;

public class ShardMapValidationTests
{
    private static ShardMap Ranges(params ShardRange[] ranges) =>
        Map(s => s with { Strategy = ShardingStrategy.Range, Range = new RangeSharding { Ranges = ranges } });

    private static ShardMap Compact(string compact) =>
        Map(s => s with { Strategy = ShardingStrategy.Range, Range = new RangeSharding { Compact = compact } });

    private static ShardRange R(long start, long? end, string shard = "shard1") => new() { Start = start, End = end, Shard = shard };

    public static TheoryData<string, ShardMap, string, string> Invalid() => new()
    {
        { "strategy unknown", Map(s => s with { Strategy = "round-robin" }), "spec.strategy", "must be one of \"tenant\", \"hash\", \"range\", \"geo\"" },
        { "no shards", Map(s => s with { Shards = [], Tenants = [] }), "spec.shards", "list at least one shard" },
        { "shard name upper case", Map(s => s with { Shards = [new Shard { Name = "Shard1", Endpoint = "h:5432" }], Tenants = [] }), "spec.shards[0].name", "DNS-1123 label" },
        { "shard endpoint without port", Map(s => s with { Shards = [new Shard { Name = "s", Endpoint = "db.example.com" }], Tenants = [] }), "spec.shards[0].endpoint", "write host:port" },
        { "shard endpoint port 0", Map(s => s with { Shards = [new Shard { Name = "s", Endpoint = "db:0" }], Tenants = [] }), "spec.shards[0].endpoint", "port from 1 to 65535" },
        { "shard database name", Map(s => s with { Shards = [new Shard { Name = "s", Endpoint = "db:5432", Database = "Bad-Name" }], Tenants = [] }), "spec.shards[0].database", "invalid database name" },
        { "shard names duplicate", Map(s => s with { Shards = [s.Shards[0], s.Shards[0] with { Endpoint = "h:1" }] }), "spec.shards[1].name", "duplicate value \"shard1\"" },
        { "tenant name unsafe", Map(s => s with { Tenants = [new Tenant { Name = "acme; drop" }] }), "spec.tenants[0].name", "DNS-1123 label" },
        { "tenant name upper case", Map(s => s with { Tenants = [new Tenant { Name = "Acme" }] }), "spec.tenants[0].name", "DNS-1123 label" },
        { "tenant database too long", Map(s => s with { Tenants = [new Tenant { Name = new string('a', 60) }] }), "spec.tenants[0].name", "PostgreSQL allows at most 63" },
        { "tenant names duplicate", Map(s => s with { Tenants = [new Tenant { Name = "acme" }, new Tenant { Name = "acme" }] }), "spec.tenants[1].name", "duplicate value" },
        { "tenant shard missing", Map(s => s with { Tenants = [new Tenant { Name = "acme", Shard = "shard9" }] }), "spec.tenants[0].shard", "shard \"shard9\" not found in spec.shards; listed shards are shard1, shard2" },
        { "database prefix unsafe", Map(s => s with { Tenant = new TenantSharding { DatabasePrefix = "gb-tenant-" } }), "spec.tenant.databasePrefix", "invalid prefix" },
        { "hash count mismatch", Map(s => s with { Strategy = ShardingStrategy.Hash, Tenants = [], Hash = s.Hash with { ShardCount = 4 } }), "spec.hash.shardCount", "must equal the number of shards (2), not 4: set it to 2 or remove it" },
        { "hash count zero", Map(s => s with { Strategy = ShardingStrategy.Hash, Hash = s.Hash with { ShardCount = 0 } }), "spec.hash.shardCount", "greater than or equal to 1" },
        { "hash key unsafe", Map(s => s with { Strategy = ShardingStrategy.Hash, Hash = new HashSharding { ShardCount = 2, ShardKey = "user id" } }), "spec.hash.shardKey", "invalid column name" },
        { "hash algorithm unknown", Map(s => s with { Strategy = ShardingStrategy.Hash, Hash = new HashSharding { ShardCount = 2, Algorithm = "crc32" } }), "spec.hash.algorithm", "must be one of \"modulo\", \"consistent\"" },
        { "range missing", Ranges(), "spec.range.ranges", "required value when strategy is \"range\"" },
        { "range end before start", Ranges(R(10, 5)), "spec.range.ranges[0]", "ends before it starts" },
        { "range overlap", Ranges(R(0, 100), R(100, 200, "shard2")), "spec.range.ranges[1]", "must start after the previous range 0-100:shard1 ends (100)" },
        { "range unordered", Ranges(R(500, 600), R(0, 100, "shard2")), "spec.range.ranges[1]", "order ranges by start without overlap" },
        { "range open end not last", Ranges(R(0, null), R(1000, 2000, "shard2")), "spec.range.ranges[0]", "only the last range may be open-ended" },
        { "range negative start", Ranges(R(-5, 10)), "spec.range.ranges[0]", "starts below 0" },
        { "range unknown shard", Ranges(R(0, null, "shard3")), "spec.range.ranges[0].shard", "shard \"shard3\" not found" },
        { "range compact malformed", Compact("0-999999shard1"), "spec.range.compact", "is not a range" },
        { "range compact bad number", Compact("0-abc:shard1"), "spec.range.compact", "invalid end 'abc'" },
        { "range compact overlap", Compact("0-999999:shard1,999999-:shard2"), "spec.range.compact", "must start after the previous range" },
        { "range compact unknown shard", Compact("0-9:shard1,10-:shard3"), "spec.range.compact", "shard \"shard3\" not found" },
        { "range both forms", Map(s => s with { Strategy = ShardingStrategy.Range, Range = new RangeSharding { Compact = "0-:shard1", Ranges = [R(0, null)] } }), "spec.range.compact", "not both" },
        { "geo regions missing", Map(s => s with { Strategy = ShardingStrategy.Geo, Geo = new GeoSharding { DefaultShard = "shard1" } }), "spec.geo.regions", "required value when strategy is \"geo\"" },
        { "geo default missing", Map(s => s with { Strategy = ShardingStrategy.Geo, Geo = new GeoSharding { Regions = new Dictionary<string, string> { ["eu"] = "shard1" } } }), "spec.geo.defaultShard", "required value" },
        { "geo default unknown", Map(s => s with { Strategy = ShardingStrategy.Geo, Geo = new GeoSharding { Regions = new Dictionary<string, string> { ["eu"] = "shard1" }, DefaultShard = "us" } }), "spec.geo.defaultShard", "shard \"us\" not found" },
        { "geo region shard unknown", Map(s => s with { Strategy = ShardingStrategy.Geo, Geo = new GeoSharding { Regions = new Dictionary<string, string> { ["eu"] = "shard-eu" }, DefaultShard = "shard1" } }), "spec.geo.regions.eu", "not found" },
        { "geo region code", Map(s => s with { Strategy = ShardingStrategy.Geo, Geo = new GeoSharding { Regions = new Dictionary<string, string> { ["EU"] = "shard1" }, DefaultShard = "shard1" } }), "spec.geo.regions.EU", "invalid region code" },
        { "qdrant shards 0", Map(s => s with { Qdrant = s.Qdrant with { ShardNumber = 0 } }), "spec.qdrant.shardNumber", "greater than or equal to 1" },
        { "qdrant replication 0", Map(s => s with { Qdrant = s.Qdrant with { ReplicationFactor = 0 } }), "spec.qdrant.replicationFactor", "greater than or equal to 1" },
        { "qdrant consistency", Map(s => s with { Qdrant = s.Qdrant with { WriteConsistency = "quorum" } }), "spec.qdrant.writeConsistency", "must be one of \"one\", \"majority\", \"all\"" },
        { "tenant name injection", Map(s => s with { Tenants = [new Tenant { Name = "a\"; DROP DATABASE x; --" }] }), "spec.tenants[0].name", "DNS-1123 label" },
        { "qdrant endpoint scheme", Map(s => s with { Qdrant = s.Qdrant with { Endpoint = "grpc://127.0.0.1:6334" } }), "spec.qdrant.endpoint", "http://HOST:PORT" },
        { "qdrant endpoint path", Map(s => s with { Qdrant = s.Qdrant with { Endpoint = "http://127.0.0.1:6334/collections" } }), "spec.qdrant.endpoint", "invalid endpoint" },
        { "qdrant bot name", Map(s => s with { Qdrant = s.Qdrant with { Bots = ["sales bot"] } }), "spec.qdrant.bots[0]", "invalid bot name" },
        { "qdrant bots duplicate", Map(s => s with { Qdrant = s.Qdrant with { Bots = ["sales", "sales"] } }), "spec.qdrant.bots[1]", "duplicate value" },
        { "qdrant vector size", Map(s => s with { Qdrant = s.Qdrant with { VectorSize = 0 } }), "spec.qdrant.vectorSize", "greater than or equal to 1" },
        { "redis mode", Map(s => s with { Redis = s.Redis with { Mode = "replicated" } }), "spec.redis.mode", "must be one of \"standalone\", \"cluster\", \"sentinel\"" },
        { "redis cluster without nodes", Map(s => s with { Redis = s.Redis with { Mode = "cluster" } }), "spec.redis.nodes", "required value when mode is \"cluster\"" },
        { "redis node format", Map(s => s with { Redis = s.Redis with { Nodes = ["redis-1"] } }), "spec.redis.nodes[0]", "write host:port" },
        { "redis replicas negative", Map(s => s with { Redis = s.Redis with { Replicas = -1 } }), "spec.redis.replicas", "greater than or equal to 0" },
    };

    public static TheoryData<string, ShardMap> Valid() => new()
    {
        { "tenant", ValidResources.ShardMap },
        { "tenant without shard assignment", Map(s => s with { Tenants = [new Tenant { Name = "a-1" }] }) },
        { "hash", Map(s => s with { Strategy = ShardingStrategy.Hash, Hash = new HashSharding { ShardCount = 2, Algorithm = "consistent" } }) },
        { "hash without shard count", Map(s => s with { Strategy = ShardingStrategy.Hash, Tenants = [] }) },
        { "range list", Ranges(R(0, 999_999), R(1_000_000, 1_999_999, "shard2"), R(2_000_000, null, "shard1")) },
        { "range with gap", Ranges(R(0, 9), R(20, 29, "shard2")) },
        { "range single point", Ranges(R(5, 5)) },
        { "range compact", Compact("0-999999:shard1,1000000-1999999:shard2,2000000-:shard1") },
        { "range compact with spaces", Compact(" 0-9 : shard1 , 10- : shard2 ") },
        { "geo", Map(s => s with { Strategy = ShardingStrategy.Geo, Geo = new GeoSharding { Regions = new Dictionary<string, string> { ["us"] = "shard1", ["eu"] = "shard2", ["asia"] = "shard2" }, DefaultShard = "shard1" } }) },
        { "redis cluster", Map(s => s with { Redis = new RedisCache { Mode = "cluster", Nodes = ["redis-1:6379", "10.0.0.2:6379", "[::1]:6379"] } }) },
        { "hash settings ignored for tenant strategy", Map(s => s with { Hash = s.Hash with { ShardCount = 16 } }) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidShardMap_ReportsFieldAndRule(string @case, ShardMap map, string field, string message)
    {
        var violations = ResourceValidator.Validate(map);

        violations.Should().ContainSingle(@case);
        violations[0].Field.Should().Be(field);
        violations[0].Message.Should().Contain(message);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_ValidShardMap_ReportsNothing(string @case, ShardMap map)
    {
        ResourceValidator.Validate(map).Should().BeEmpty(@case);
    }

    [Fact]
    public void Validate_UnknownShardReference_UsesNotFoundType()
    {
        var map = Map(s => s with { Tenants = [new Tenant { Name = "acme", Shard = "nope" }] });

        ResourceValidator.Validate(map).Single().Type.Should().Be(FieldViolationType.NotFound);
    }
}
