using System.Text.Json.Nodes;
using GbOperator.Resources.Configuration;
using GbOperator.Resources.JsonPaths;

namespace GbOperator.Resources.Tests.Configuration;

public class ConfigKeyMapTests
{
    /// <summary>
    /// Every config.csv key of the General Bots "Scaling and Load Balancing" chapter with the default its
    /// table gives, or the value its examples show where the table gives none (null: deployment-specific).
    /// </summary>
    public static TheoryData<string, string?> ChapterKeys() => new()
    {
        { "scale-enabled", "false" },
        { "scale-min-instances", "1" },
        { "scale-max-instances", "10" },
        { "scale-cpu-threshold", "70" },
        { "scale-memory-threshold", "80" },
        { "scale-request-threshold", "1000" },
        { "scale-cooldown-seconds", "300" },
        { "scale-check-interval", "30" },
        { "scale-rule-response-time", "2000" },
        { "scale-rule-response-action", "up" },
        { "scale-rule-cpu-low", "30" },
        { "scale-rule-cpu-low-action", "down" },
        { "scale-rule-queue-depth", "100" },
        { "scale-rule-queue-action", "up" },
        { "rate-limit-enabled", "true" },
        { "rate-limit-requests", "100" },
        { "rate-limit-window", "60" },
        { "rate-limit-burst", "20" },
        { "rate-limit-by", "ip" },
        { "rate-limit-api-chat", "30" },
        { "rate-limit-api-files", "50" },
        { "rate-limit-api-auth", "10" },
        { "shard-strategy", "tenant" },
        { "shard-tenant-db-prefix", "gb_tenant_" },
        { "shard-auto-create", "true" },
        { "shard-count", "4" },
        { "shard-key", "user_id" },
        { "shard-algorithm", "modulo" },
        { "shard-ranges", null },
        { "shard-geo-us", null },
        { "shard-geo-eu", null },
        { "shard-geo-asia", null },
        { "shard-default", null },
        { "qdrant-shard-count", "4" },
        { "qdrant-replication-factor", "2" },
        { "qdrant-write-consistency", "majority" },
        { "cache-mode", "standalone" },
        { "cache-nodes", null },
        { "cache-replicas", "1" },
        { "health-enabled", "true" },
        { "health-endpoint", "/api/health" },
        { "health-interval", "10" },
        { "health-timeout", "5" },
        { "health-retries", "3" },
        { "cache-sentinel-master", "mymaster" },
        { "cache-sentinel-nodes", null },
        { "circuit-breaker-enabled", "true" },
        { "circuit-breaker-threshold", "5" },
        { "circuit-breaker-timeout", "30" },
        { "circuit-breaker-half-open-requests", "3" },
        { "fallback-llm-enabled", "true" },
        { "fallback-llm-provider", "local" },
        { "fallback-llm-model", "DeepSeek-R1-Distill-Qwen-1.5B" },
        { "fallback-cache-enabled", "true" },
        { "fallback-cache-mode", "memory" },
        { "fallback-vectordb-enabled", "true" },
        { "fallback-vectordb-mode", "keyword-search" },
        { "metrics-scaling-enabled", "true" },
        { "metrics-container-count", "true" },
        { "metrics-scaling-events", "true" },
        { "metrics-load-distribution", "true" },
    };

    [Theory]
    [MemberData(nameof(ChapterKeys))]
    public void ChapterKey_InMap_HasChapterDefault(string key, string? chapterDefault)
    {
        var entry = ConfigKeyMap.Find(key);

        entry.Should().NotBeNull($"config.csv key {key} needs a field");
        entry!.Default.Should().Be(chapterDefault);
    }

    [Theory]
    [MemberData(nameof(ChapterKeys))]
    public void ChapterKey_DefaultObject_HoldsDefaultAtFieldPath(string key, string? chapterDefault)
    {
        var entry = ConfigKeyMap.Find(key)!;
        var encoded = ResourceCodec.Encode(DefaultObject(entry.Kind));

        var matches = JsonPathExpression.Select(encoded, entry.FieldPath);

        if (chapterDefault is null || DerivedDefaults.Contains(key))
        {
            matches.Where(node => node is not null && node.ToJsonString() is not ("[]" or "{}" or "\"\"")).Should().BeEmpty();
            return;
        }

        var actual = matches.Should().ContainSingle($"{entry.FieldPath} must exist in a default {entry.Kind}").Subject;
        var expected = entry.ToFieldValue(chapterDefault);
        if (entry.ValueType is ConfigValueType.Seconds or ConfigValueType.Milliseconds)
        {
            Duration.Parse(actual!.GetValue<string>()).Should().Be(Duration.Parse(expected.GetValue<string>()));
        }
        else
        {
            JsonNode.DeepEquals(actual, expected).Should().BeTrue($"{entry.FieldPath} is {actual?.ToJsonString()}, but config.csv's default is {expected.ToJsonString()}");
        }
    }

    [Fact]
    public void Map_Always_HasOnlyChapterKeys()
    {
        var chapterKeys = ChapterKeys().Select(row => (string)row[0]);

        ConfigKeyMap.All.Select(entry => entry.Key).Should().BeEquivalentTo(chapterKeys);
    }

    [Fact]
    public void Map_Always_HasUniqueKeysAndFieldPaths()
    {
        ConfigKeyMap.All.Select(entry => entry.Key).Should().OnlyHaveUniqueItems();
        ConfigKeyMap.All.Select(entry => $"{entry.Kind}{entry.FieldPath}").Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Map_FieldPaths_ExistInTheirKindsSchema()
    {
        foreach (var entry in ConfigKeyMap.All)
        {
            var encoded = ResourceCodec.Encode(DefaultObject(entry.Kind));
            var parent = entry.FieldPath[..entry.FieldPath.LastIndexOf('.')];

            JsonPathExpression.Select(encoded, parent).Should().ContainSingle($"the parent of {entry.FieldPath} ({entry.Key}) must exist")
                .Which.Should().BeOfType<JsonObject>();
        }
    }

    [Theory]
    [InlineData("scale-cooldown-seconds", "300", "\"5m\"")]
    [InlineData("scale-rule-response-time", "2500", "\"2s500ms\"")]
    [InlineData("scale-enabled", "true", "true")]
    [InlineData("scale-max-instances", " 12 ", "12")]
    [InlineData("cache-nodes", "redis-1:6379, redis-2:6379", "[\"redis-1:6379\",\"redis-2:6379\"]")]
    [InlineData("shard-ranges", "0-9:a,10-:b", "\"0-9:a,10-:b\"")]
    public void ToFieldValue_ConfigValue_ConvertsToFieldJson(string key, string value, string json)
    {
        ConfigKeyMap.Find(key)!.ToFieldValue(value).ToJsonString().Should().Be(json);
    }

    [Theory]
    [InlineData("scale-enabled", "yes")]
    [InlineData("scale-max-instances", "ten")]
    [InlineData("scale-check-interval", "30s")]
    public void ToFieldValue_WrongFormat_Throws(string key, string value)
    {
        var act = () => ConfigKeyMap.Find(key)!.ToFieldValue(value);

        act.Should().Throw<FormatException>().WithMessage($"*{key}*'{value}'*");
    }

    /// <summary>
    /// Keys whose field has no fixed default because the resource derives it: an omitted hash.shardCount means the
    /// number of listed shards, so the chapter's example value 4 is not written into a default ShardMap.
    /// </summary>
    private static readonly HashSet<string> DerivedDefaults = ["shard-count"];

    private static Resource DefaultObject(string kind) =>
        ResourceCodec.Decode(new JsonObject { ["apiVersion"] = ApiGroup.ApiVersion, ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = "x" } }).Resource!;
}
