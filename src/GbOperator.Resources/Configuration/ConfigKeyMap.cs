using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Resources.ShardMaps;

namespace GbOperator.Resources.Configuration;

/// <summary>
/// Every config.csv key of the General Bots scaling and load-balancing settings, with the resource field it
/// sets, used to convert a bot's config.csv into resources.
/// </summary>
/// <remarks>
/// botserver itself ignores these keys, so each field's documentation defines what the key does. Where
/// General Bots documents no default, <see cref="ConfigKey.Default"/> is its documented example value,
/// or <c>null</c> for hosts, nodes and ranges, which depend on the deployment.
/// </remarks>
public static class ConfigKeyMap
{
    private const string Bc = BotCluster.KindName;
    private const string Sm = ShardMap.KindName;
    private const string Fp = FailoverPolicy.KindName;

    /// <summary>All keys, in the order General Bots documents them.</summary>
    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        new("scale-enabled", Bc, ".spec.autoscaling.enabled", ConfigValueType.Boolean, "false"),
        new("scale-min-instances", Bc, ".spec.autoscaling.minInstances", ConfigValueType.Integer, "1"),
        new("scale-max-instances", Bc, ".spec.autoscaling.maxInstances", ConfigValueType.Integer, "10"),
        new("scale-cpu-threshold", Bc, ".spec.autoscaling.cpuThreshold", ConfigValueType.Integer, "70"),
        new("scale-memory-threshold", Bc, ".spec.autoscaling.memoryThreshold", ConfigValueType.Integer, "80"),
        new("scale-request-threshold", Bc, ".spec.autoscaling.requestThreshold", ConfigValueType.Integer, "1000"),
        new("scale-cooldown-seconds", Bc, ".spec.autoscaling.cooldown", ConfigValueType.Seconds, "300"),
        new("scale-check-interval", Bc, ".spec.autoscaling.checkInterval", ConfigValueType.Seconds, "30"),
        new("scale-rule-response-time", Bc, ".spec.autoscaling.rules.responseTime.threshold", ConfigValueType.Milliseconds, "2000"),
        new("scale-rule-response-action", Bc, ".spec.autoscaling.rules.responseTime.action", ConfigValueType.String, ScaleAction.Up),
        new("scale-rule-cpu-low", Bc, ".spec.autoscaling.rules.cpuLow.threshold", ConfigValueType.Integer, "30"),
        new("scale-rule-cpu-low-action", Bc, ".spec.autoscaling.rules.cpuLow.action", ConfigValueType.String, ScaleAction.Down),
        new("scale-rule-queue-depth", Bc, ".spec.autoscaling.rules.queueDepth.threshold", ConfigValueType.Integer, "100"),
        new("scale-rule-queue-action", Bc, ".spec.autoscaling.rules.queueDepth.action", ConfigValueType.String, ScaleAction.Up),

        new("rate-limit-enabled", Bc, ".spec.routing.rateLimit.enabled", ConfigValueType.Boolean, "true"),
        new("rate-limit-requests", Bc, ".spec.routing.rateLimit.requests", ConfigValueType.Integer, "100"),
        new("rate-limit-window", Bc, ".spec.routing.rateLimit.window", ConfigValueType.Seconds, "60"),
        new("rate-limit-burst", Bc, ".spec.routing.rateLimit.burst", ConfigValueType.Integer, "20"),
        new("rate-limit-by", Bc, ".spec.routing.rateLimit.by", ConfigValueType.String, RateLimitKey.Ip),
        new("rate-limit-api-chat", Bc, ".spec.routing.rateLimit.endpoints.chat", ConfigValueType.Integer, "30"),
        new("rate-limit-api-files", Bc, ".spec.routing.rateLimit.endpoints.files", ConfigValueType.Integer, "50"),
        new("rate-limit-api-auth", Bc, ".spec.routing.rateLimit.endpoints.auth", ConfigValueType.Integer, "10"),

        new("shard-strategy", Sm, ".spec.strategy", ConfigValueType.String, ShardingStrategy.Tenant),
        new("shard-tenant-db-prefix", Sm, ".spec.tenant.databasePrefix", ConfigValueType.String, "gb_tenant_"),
        new("shard-auto-create", Sm, ".spec.tenant.autoCreateDatabase", ConfigValueType.Boolean, "true"),
        new("shard-count", Sm, ".spec.hash.shardCount", ConfigValueType.Integer, "4"),
        new("shard-key", Sm, ".spec.hash.shardKey", ConfigValueType.String, "user_id"),
        new("shard-algorithm", Sm, ".spec.hash.algorithm", ConfigValueType.String, HashAlgorithm.Modulo),
        new("shard-ranges", Sm, ".spec.range.compact", ConfigValueType.String, null),
        new("shard-geo-us", Sm, ".spec.geo.regions.us", ConfigValueType.ShardHost, null),
        new("shard-geo-eu", Sm, ".spec.geo.regions.eu", ConfigValueType.ShardHost, null),
        new("shard-geo-asia", Sm, ".spec.geo.regions.asia", ConfigValueType.ShardHost, null),
        new("shard-default", Sm, ".spec.geo.defaultShard", ConfigValueType.ShardHost, null),
        new("qdrant-shard-count", Sm, ".spec.qdrant.shardNumber", ConfigValueType.Integer, "4"),
        new("qdrant-replication-factor", Sm, ".spec.qdrant.replicationFactor", ConfigValueType.Integer, "2"),
        new("qdrant-write-consistency", Sm, ".spec.qdrant.writeConsistency", ConfigValueType.String, QdrantWriteConsistency.Majority),
        new("cache-mode", Sm, ".spec.redis.mode", ConfigValueType.String, RedisMode.Standalone),
        new("cache-nodes", Sm, ".spec.redis.nodes", ConfigValueType.List, null),
        new("cache-replicas", Sm, ".spec.redis.replicas", ConfigValueType.Integer, "1"),

        new("health-enabled", Bc, ".spec.healthCheck.enabled", ConfigValueType.Boolean, "true"),
        new("health-endpoint", Bc, ".spec.healthCheck.path", ConfigValueType.String, "/api/health"),
        new("health-interval", Bc, ".spec.healthCheck.interval", ConfigValueType.Seconds, "10"),
        new("health-timeout", Bc, ".spec.healthCheck.timeout", ConfigValueType.Seconds, "5"),
        new("health-retries", Bc, ".spec.healthCheck.retries", ConfigValueType.Integer, "3"),

        new("cache-sentinel-master", Fp, ".spec.sentinel.masterName", ConfigValueType.String, "mymaster"),
        new("cache-sentinel-nodes", Fp, ".spec.sentinel.endpoints", ConfigValueType.List, null),
        new("circuit-breaker-enabled", Fp, ".spec.circuitBreaker.enabled", ConfigValueType.Boolean, "true"),
        new("circuit-breaker-threshold", Fp, ".spec.circuitBreaker.threshold", ConfigValueType.Integer, "5"),
        new("circuit-breaker-timeout", Fp, ".spec.circuitBreaker.timeout", ConfigValueType.Seconds, "30"),
        new("circuit-breaker-half-open-requests", Fp, ".spec.circuitBreaker.halfOpenRequests", ConfigValueType.Integer, "3"),
        new("fallback-llm-enabled", Fp, ".spec.gracefulDegradation.fallbackLlm.enabled", ConfigValueType.Boolean, "true"),
        new("fallback-llm-provider", Fp, ".spec.gracefulDegradation.fallbackLlm.provider", ConfigValueType.String, "local"),
        new("fallback-llm-model", Fp, ".spec.gracefulDegradation.fallbackLlm.model", ConfigValueType.String, "DeepSeek-R1-Distill-Qwen-1.5B"),
        new("fallback-cache-enabled", Fp, ".spec.gracefulDegradation.cacheEnabled", ConfigValueType.Boolean, "true"),
        new("fallback-cache-mode", Fp, ".spec.gracefulDegradation.cacheMode", ConfigValueType.String, FallbackMode.Memory),
        new("fallback-vectordb-enabled", Fp, ".spec.gracefulDegradation.vectorDbEnabled", ConfigValueType.Boolean, "true"),
        new("fallback-vectordb-mode", Fp, ".spec.gracefulDegradation.vectorDbMode", ConfigValueType.String, FallbackMode.KeywordSearch),

        new("metrics-scaling-enabled", Bc, ".spec.metrics.scalingEnabled", ConfigValueType.Boolean, "true"),
        new("metrics-container-count", Bc, ".spec.metrics.containerCount", ConfigValueType.Boolean, "true"),
        new("metrics-scaling-events", Bc, ".spec.metrics.scalingEvents", ConfigValueType.Boolean, "true"),
        new("metrics-load-distribution", Bc, ".spec.metrics.loadDistribution", ConfigValueType.Boolean, "true"),
    ];

    /// <summary>Finds a key, ignoring case and surrounding spaces, or <c>null</c> when the key is not a scaling setting.</summary>
    public static ConfigKey? Find(string key) =>
        All.FirstOrDefault(entry => string.Equals(entry.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
}
