using GbOperator.Resources.ShardMaps;
using GbOperator.Resources.Validation;

namespace GbOperator.Resources.Tests.ShardMaps;

public class ShardResolverTests
{
    [Theory]
    [InlineData(ShardingStrategy.Hash, HashAlgorithm.Modulo)]
    [InlineData(ShardingStrategy.Hash, HashAlgorithm.Consistent)]
    [InlineData(ShardingStrategy.Range, null)]
    [InlineData(ShardingStrategy.Geo, null)]
    public void Resolve_RandomKeys_EachMapsToOneListedShardStably(string strategy, string? algorithm)
    {
        var spec = strategy switch
        {
            ShardingStrategy.Hash => ShardMapSpecs.Hash(5, algorithm!),
            ShardingStrategy.Range => ShardMapSpecs.Range("0-999:shard1,1000-99999:shard2,100000-:shard3"),
            _ => ShardMapSpecs.Geo(new Dictionary<string, string> { ["eu"] = "shard2", ["us"] = "shard1" }, "shard3"),
        };
        var first = ShardResolver.Create(spec);
        var second = ShardResolver.Create(spec);
        var shardNames = spec.Shards.Select(shard => shard.Name).ToHashSet();
        var keys = strategy == ShardingStrategy.Range
            ? Enumerable.Range(0, 3000).Select(i => ((long)i * i * 37).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : ShardMapSpecs.RandomKeys(3000, seed: 17);
        var regions = new[] { "eu", "us", "asia", null };

        foreach (var (key, i) in keys.Select((key, i) => (key, i)))
        {
            var region = regions[i % regions.Length];
            var resolution = first.Resolve(key, region);

            shardNames.Should().Contain(resolution.Shard);
            second.Resolve(key, region).Should().Be(resolution);
            resolution.Endpoint.Should().Be(spec.Shards.Single(shard => shard.Name == resolution.Shard).Endpoint);
        }
    }

    [Theory]
    [InlineData("12345", 4, 1)]
    [InlineData("0", 4, 0)]
    [InlineData("7", 4, 3)]
    [InlineData("18446744073709551615", 4, 3)]
    public void Resolve_ModuloNumericKey_UsesKeyModuloCount(string key, int count, int index)
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Hash(count, HashAlgorithm.Modulo));

        resolver.Resolve(key).Shard.Should().Be($"shard{index + 1}");
    }

    [Fact]
    public void Resolve_ModuloTextKey_HashesFirst()
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Hash(7, HashAlgorithm.Modulo));
        var expected = (int)(System.IO.Hashing.XxHash64.HashToUInt64("alice@example.com"u8) % 7);

        resolver.Resolve("alice@example.com").Shard.Should().Be($"shard{expected + 1}");
    }

    [Fact]
    public void ShardKeyHash_EmptyInput_IsPinned()
    {
        // A fixed value pins the function: routing files already written depend on it.
        ShardKeyHash.Compute("").Should().Be(0xEF46DB3751D8E999UL);
    }

    [Theory]
    [InlineData("0", "shard1")]
    [InlineData("999999", "shard1")]
    [InlineData("1000000", "shard2")]
    [InlineData("1999999", "shard2")]
    [InlineData("2000000", "shard3")]
    [InlineData("9223372036854775807", "shard3")]
    public void Resolve_RangeBoundaries_PickTheRangeThatContainsTheKey(string key, string shard)
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Range("0-999999:shard1,1000000-1999999:shard2,2000000-:shard3"));

        resolver.Resolve(key).Shard.Should().Be(shard);
    }

    [Fact]
    public void Resolve_StructuredRanges_MatchCompactForm()
    {
        var compact = ShardResolver.Create(ShardMapSpecs.Range("10-19:shard1,20-:shard2"));
        var structured = ShardResolver.Create(ShardMapSpecs.Range("0-:shard1") with
        {
            Range = new RangeSharding
            {
                Ranges = [new ShardRange { Start = 10, End = 19, Shard = "shard1" }, new ShardRange { Start = 20, Shard = "shard2" }],
            },
        });

        foreach (var key in new[] { "10", "19", "20", "5000" })
        {
            structured.Resolve(key).Should().Be(compact.Resolve(key));
        }
    }

    [Theory]
    [InlineData("9")]
    [InlineData("30")]
    public void Resolve_KeyOutsideClosedRanges_ThrowsNotFound(string key)
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Range("10-19:shard1,20-29:shard2"));

        var act = () => resolver.Resolve(key);

        act.Should().Throw<ShardResolutionException>().Where(exception => exception.Error == ShardResolutionError.NotFound)
            .WithMessage($"no range contains key {key}*");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    public void Resolve_NonNumericRangeKey_ThrowsInvalidKey(string key)
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Range("0-:shard1"));

        var act = () => resolver.Resolve(key);

        act.Should().Throw<ShardResolutionException>().Where(exception => exception.Error == ShardResolutionError.InvalidKey)
            .WithMessage("*whole number*");
    }

    [Theory]
    [InlineData("eu", "shard2")]
    [InlineData("us", "shard1")]
    [InlineData("asia", "shard3")]
    [InlineData(null, "shard3")]
    public void Resolve_Geo_ListedRegionOrDefault(string? region, string shard)
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Geo(new Dictionary<string, string> { ["eu"] = "shard2", ["us"] = "shard1" }, "shard3"));

        resolver.Resolve("user-1", region).Shard.Should().Be(shard);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("eu west")]
    [InlineData("")]
    public void Resolve_InvalidRegion_ThrowsInvalidRegion(string region)
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Geo(new Dictionary<string, string> { ["eu"] = "shard2" }, "shard1"));

        var act = () => resolver.Resolve("user-1", region);

        act.Should().Throw<ShardResolutionException>().Where(exception => exception.Error == ShardResolutionError.InvalidRegion)
            .WithMessage($"invalid region \"{region}\"*");
    }

    [Fact]
    public void Resolve_ListedTenant_ReturnsItsShardAndDatabase()
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Tenants(("acme-eu", "shard2"), ("globex", null)));

        resolver.Resolve("acme-eu").Should().Be(new ShardResolution("shard2", "127.0.0.1:5432", "gb_tenant_acme_eu"));
        resolver.Resolve("globex").Should().Be(new ShardResolution("shard1", "127.0.0.1:5431", "gb_tenant_globex"));
    }

    [Fact]
    public void Resolve_UnlistedTenant_ThrowsNotFound()
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Tenants(("acme", null)));

        var act = () => resolver.Resolve("initech");

        act.Should().Throw<ShardResolutionException>().Where(exception => exception.Error == ShardResolutionError.NotFound)
            .WithMessage("tenant \"initech\" is not listed*");
    }

    [Fact]
    public void Resolve_InjectionTenantName_ThrowsInvalidKey()
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Tenants(("acme", null)));

        var act = () => resolver.Resolve("a\"; DROP DATABASE x; --");

        act.Should().Throw<ShardResolutionException>().Where(exception => exception.Error == ShardResolutionError.InvalidKey);
    }

    [Fact]
    public void Resolve_EmptyKey_ThrowsInvalidKey()
    {
        var resolver = ShardResolver.Create(ShardMapSpecs.Hash(2, HashAlgorithm.Modulo));

        var act = () => resolver.Resolve("");

        act.Should().Throw<ShardResolutionException>().Where(exception => exception.Error == ShardResolutionError.InvalidKey);
    }

    [Fact]
    public void Specs_UsedByTheseTests_PassValidation()
    {
        var specs = new[]
        {
            ShardMapSpecs.Hash(5, HashAlgorithm.Consistent),
            ShardMapSpecs.Range("0-999999:shard1,1000000-1999999:shard2,2000000-:shard3"),
            ShardMapSpecs.Geo(new Dictionary<string, string> { ["eu"] = "shard2" }, "shard3"),
            ShardMapSpecs.Tenants(("acme-eu", "shard2")),
        };

        foreach (var spec in specs)
        {
            var violations = new ViolationList();
            ShardMapValidator.Validate(spec, violations);
            violations.Should().BeEmpty();
        }
    }
}
