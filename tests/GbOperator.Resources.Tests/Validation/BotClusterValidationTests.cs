using GbOperator.Resources.BotClusters;
using static GbOperator.Resources.Tests.Validation.ValidResources;

namespace GbOperator.Resources.Tests.Validation;

public class BotClusterValidationTests
{
    private static readonly AutoscalingSpec On = new() { Enabled = true, MinInstances = 2, MaxInstances = 5 };

    public static TheoryData<string, BotCluster, string, string> Invalid() => new()
    {
        { "image empty", Cluster(s => s with { Image = "" }), "spec.image", "required value" },
        { "replicas negative", Cluster(s => s with { Replicas = -1 }), "spec.replicas", "between 0 and 100, not -1" },
        { "replicas above maximum", Cluster(s => s with { Replicas = 100000 }), "spec.replicas", "between 0 and 100, not 100000" },
        { "max instances above maximum", Cluster(s => s with { Autoscaling = s.Autoscaling with { MaxInstances = 101 } }), "spec.autoscaling.maxInstances", "between 1 and 100, not 101" },
        { "min above max", Cluster(s => s with { Autoscaling = s.Autoscaling with { MinInstances = 11 } }), "spec.autoscaling.minInstances", "11 must be less than or equal to maxInstances (10)" },
        { "min zero", Cluster(s => s with { Autoscaling = s.Autoscaling with { MinInstances = 0 } }), "spec.autoscaling.minInstances", "greater than or equal to 1" },
        { "replicas below min", Cluster(s => s with { Replicas = 1, Autoscaling = On }), "spec.replicas", "between autoscaling.minInstances (2) and autoscaling.maxInstances (5)" },
        { "replicas above max", Cluster(s => s with { Replicas = 6, Autoscaling = On }), "spec.replicas", "when autoscaling is enabled" },
        { "cpu threshold 101", Cluster(s => s with { Autoscaling = s.Autoscaling with { CpuThreshold = 101 } }), "spec.autoscaling.cpuThreshold", "between 1 and 100" },
        { "memory threshold 101", Cluster(s => s with { Autoscaling = s.Autoscaling with { MemoryThreshold = 101 } }), "spec.autoscaling.memoryThreshold", "between 1 and 100" },
        { "request threshold 0", Cluster(s => s with { Autoscaling = s.Autoscaling with { RequestThreshold = 0 } }), "spec.autoscaling.requestThreshold", "greater than or equal to 1" },
        { "cooldown unitless", Cluster(s => s with { Autoscaling = s.Autoscaling with { Cooldown = "300" } }), "spec.autoscaling.cooldown", "invalid duration \"300\"" },
        { "check interval zero", Cluster(s => s with { Autoscaling = s.Autoscaling with { CheckInterval = "0s" } }), "spec.autoscaling.checkInterval", "positive duration" },
        { "check interval negative", Cluster(s => s with { Autoscaling = s.Autoscaling with { CheckInterval = "-5s" } }), "spec.autoscaling.checkInterval", "positive duration" },
        { "scale-up window unitless", Cluster(s => s with { Autoscaling = s.Autoscaling with { ScaleUpWindow = "30" } }), "spec.autoscaling.scaleUpWindow", "invalid duration \"30\"" },
        { "scale-down window negative", Cluster(s => s with { Autoscaling = s.Autoscaling with { ScaleDownWindow = "-1m" } }), "spec.autoscaling.scaleDownWindow", "zero or a positive duration" },
        { "tolerance 51", Cluster(s => s with { Autoscaling = s.Autoscaling with { Tolerance = 51 } }), "spec.autoscaling.tolerance", "between 0 and 50, not 51" },
        { "max step 0", Cluster(s => s with { Autoscaling = s.Autoscaling with { MaxStep = 0 } }), "spec.autoscaling.maxStep", "greater than or equal to 1" },
        { "response time bad", Cluster(s => s with { Autoscaling = s.Autoscaling with { Rules = s.Autoscaling.Rules with { ResponseTime = new ResponseTimeRule { Threshold = "2 seconds" } } } }), "spec.autoscaling.rules.responseTime.threshold", "invalid duration" },
        { "rule action unknown", Cluster(s => s with { Autoscaling = s.Autoscaling with { Rules = s.Autoscaling.Rules with { QueueDepth = new ThresholdRule { Threshold = 10, Action = "sideways" } } } }), "spec.autoscaling.rules.queueDepth.action", "must be one of \"up\", \"down\"" },
        { "cpu low above high", Cluster(s => s with { Autoscaling = s.Autoscaling with { Rules = s.Autoscaling.Rules with { CpuLow = new ThresholdRule { Threshold = 80, Action = "down" } } } }), "spec.autoscaling.rules.cpuLow.threshold", "less than autoscaling.cpuThreshold (70)" },
        { "memory low 0", Cluster(s => s with { Autoscaling = s.Autoscaling with { Rules = s.Autoscaling.Rules with { MemoryLow = new ThresholdRule { Threshold = 0, Action = "down" } } } }), "spec.autoscaling.rules.memoryLow.threshold", "between 1 and 100" },
        { "queue depth 0", Cluster(s => s with { Autoscaling = s.Autoscaling with { Rules = s.Autoscaling.Rules with { QueueDepth = new ThresholdRule { Threshold = 0 } } } }), "spec.autoscaling.rules.queueDepth.threshold", "greater than or equal to 1" },
        { "port 0", Cluster(s => s with { Port = 0 }), "spec.port", "between 1 and 65535, not 0" },
        { "port 65536", Cluster(s => s with { Port = 65536 }), "spec.port", "between 1 and 65535, not 65536" },
        { "cpu limit words", Cluster(s => s with { Limits = new ContainerLimits { Cpu = "four" } }), "spec.limits.cpu", "invalid CPU limit" },
        { "cpu limit zero", Cluster(s => s with { Limits = new ContainerLimits { Cpu = "0" } }), "spec.limits.cpu", "at least 1 core" },
        { "memory limit unit", Cluster(s => s with { Limits = new ContainerLimits { Memory = "8 gigs" } }), "spec.limits.memory", "invalid memory limit" },
        { "disk priority 11", Cluster(s => s with { Limits = new ContainerLimits { DiskPriority = 11 } }), "spec.limits.diskPriority", "between 0 and 10" },
        { "ingress unit", Cluster(s => s with { Limits = new ContainerLimits { Network = new NetworkLimits { Ingress = "100MB" } } }), "spec.limits.network.ingress", "invalid bit rate" },
        { "egress unit", Cluster(s => s with { Limits = new ContainerLimits { Network = new NetworkLimits { Egress = "fast" } } }), "spec.limits.network.egress", "invalid bit rate" },
        { "env name", Cluster(s => s with { Env = new Dictionary<string, string> { ["1BAD"] = "x" } }), "spec.env.1BAD", "invalid environment variable name" },
        { "health path", Cluster(s => s with { HealthCheck = s.HealthCheck with { Path = "api/health" } }), "spec.healthCheck.path", "must start with '/'" },
        { "health timeout over interval", Cluster(s => s with { HealthCheck = s.HealthCheck with { Timeout = "20s" } }), "spec.healthCheck.timeout", "less than or equal to healthCheck.interval (10s)" },
        { "health retries 0", Cluster(s => s with { HealthCheck = s.HealthCheck with { Retries = 0 } }), "spec.healthCheck.retries", "greater than or equal to 1" },
        { "drain timeout bad", Cluster(s => s with { DrainTimeout = "soon" }), "spec.drainTimeout", "invalid duration" },
        { "host invalid", Cluster(s => s with { Routing = s.Routing with { Host = "bot_example.com" } }), "spec.routing.host", "invalid host" },
        { "listen address no port", Cluster(s => s with { Routing = s.Routing with { ListenAddress = "127.0.0.1" } }), "spec.routing.listenAddress", "invalid address" },
        { "listen address port 0", Cluster(s => s with { Routing = s.Routing with { ListenAddress = ":0" } }), "spec.routing.listenAddress", "port from 1 to 65535" },
        { "listen address word", Cluster(s => s with { Routing = s.Routing with { ListenAddress = "banana" } }), "spec.routing.listenAddress", "write 127.0.0.1:PORT" },
        { "listen address empty host", Cluster(s => s with { Routing = s.Routing with { ListenAddress = ":80" } }), "spec.routing.listenAddress", "not on the loopback interface" },
        { "listen address any", Cluster(s => s with { Routing = s.Routing with { ListenAddress = "0.0.0.0:8480" } }), "spec.routing.listenAddress", "not on the loopback interface" },
        { "listen address private", Cluster(s => s with { Routing = s.Routing with { ListenAddress = "10.1.2.3:8480" } }), "spec.routing.listenAddress", "not on the loopback interface" },
        { "listen address localhost", Cluster(s => s with { Routing = s.Routing with { ListenAddress = "localhost:8480" } }), "spec.routing.listenAddress", "write 127.0.0.1:PORT" },
        { "policy unknown", Cluster(s => s with { Routing = s.Routing with { Routes = [new RouteSpec { Path = "/api/*", Policy = "fastest" }] } }), "spec.routing.routes[0].policy", "unsupported value \"fastest\"" },
        { "policy of caddy 2.7", Cluster(s => s with { Routing = s.Routing with { Routes = [new RouteSpec { Path = "/api/*", Policy = "weighted_round_robin" }] } }), "spec.routing.routes[0].policy", "must be one of" },
        { "header policy without field", Cluster(s => s with { Routing = s.Routing with { Routes = [new RouteSpec { Path = "/", Policy = "header" }] } }), "spec.routing.routes[0].headerField", "required value when policy is \"header\"" },
        { "route path relative", Cluster(s => s with { Routing = s.Routing with { Routes = [new RouteSpec { Path = "api" }] } }), "spec.routing.routes[0].path", "must start with '/'" },
        { "route path duplicate", Cluster(s => s with { Routing = s.Routing with { Routes = [new RouteSpec { Path = "/a" }, new RouteSpec { Path = "/a" }] } }), "spec.routing.routes[1].path", "duplicate value \"/a\"" },
        { "try duration bad", Cluster(s => s with { Routing = s.Routing with { Routes = [new RouteSpec { Path = "/a", TryDuration = "5" }] } }), "spec.routing.routes[0].tryDuration", "invalid duration" },
        { "compression unknown", Cluster(s => s with { Routing = s.Routing with { Compression = ["brotli"] } }), "spec.routing.compression[0]", "must be one of \"gzip\", \"zstd\"" },
        { "rate limit requests 0", Cluster(s => s with { Routing = s.Routing with { RateLimit = s.Routing.RateLimit with { Requests = 0 } } }), "spec.routing.rateLimit.requests", "greater than or equal to 1" },
        { "rate limit window bad", Cluster(s => s with { Routing = s.Routing with { RateLimit = s.Routing.RateLimit with { Window = "1 minute" } } }), "spec.routing.rateLimit.window", "invalid duration" },
        { "rate limit burst negative", Cluster(s => s with { Routing = s.Routing with { RateLimit = s.Routing.RateLimit with { Burst = -1 } } }), "spec.routing.rateLimit.burst", "greater than or equal to 0" },
        { "rate limit by user", Cluster(s => s with { Routing = s.Routing with { RateLimit = s.Routing.RateLimit with { By = "user" } } }), "spec.routing.rateLimit.by", "must be one of \"ip\"" },
        { "endpoint limit 0", Cluster(s => s with { Routing = s.Routing with { RateLimit = s.Routing.RateLimit with { Endpoints = new EndpointRateLimits { Auth = 0 } } } }), "spec.routing.rateLimit.endpoints.auth", "greater than or equal to 1" },
        { "failover ref name", Cluster(s => s with { FailoverPolicyRef = new LocalObjectReference { Name = "Bad_Name" } }), "spec.failoverPolicyRef.name", "DNS-1123 subdomain" },
        { "shard map ref empty", Cluster(s => s with { ShardMapRef = new LocalObjectReference() }), "spec.shardMapRef.name", "required value" },
    };

    public static TheoryData<string, BotCluster> Valid() => new()
    {
        { "defaults", ValidResources.BotCluster },
        { "zero replicas without autoscaling", Cluster(s => s with { Replicas = 0 }) },
        { "replicas at maximum", Cluster(s => s with { Replicas = 100 }) },
        { "replicas at min with autoscaling", Cluster(s => s with { Replicas = 2, Autoscaling = On }) },
        { "replicas at max with autoscaling", Cluster(s => s with { Replicas = 5, Autoscaling = On }) },
        { "replicas outside bounds without autoscaling", Cluster(s => s with { Replicas = 20, Autoscaling = On with { Enabled = false } }) },
        { "min equals max", Cluster(s => s with { Autoscaling = s.Autoscaling with { MinInstances = 10 } }) },
        { "percentages at bounds", Cluster(s => s with { Autoscaling = s.Autoscaling with { CpuThreshold = 100, MemoryThreshold = 1 } }) },
        { "compound durations", Cluster(s => s with { Autoscaling = s.Autoscaling with { Cooldown = "1h30m", CheckInterval = "1.5s" }, DrainTimeout = "500ms" }) },
        { "ports at bounds", Cluster(s => s with { Port = 65535 }) },
        { "limits", Cluster(s => s with { Limits = new ContainerLimits { Cpu = "0-3,6", Memory = "8GB", DiskPriority = 0, Network = new NetworkLimits { Ingress = "100Mbit", Egress = "1.5Gbit" } } }) },
        { "memory percentage", Cluster(s => s with { Limits = new ContainerLimits { Cpu = "4", Memory = "50%" } }) },
        { "env", Cluster(s => s with { Env = new Dictionary<string, string> { ["LOAD_ONLY"] = "a,b", ["_X1"] = "" } }) },
        { "host and listen address", Cluster(s => s with { Routing = s.Routing with { Host = "Bot.Example.com", ListenAddress = "127.0.0.1:8443" } }) },
        { "every caddy 2.6 policy", Cluster(s => s with { Routing = s.Routing with { Routes = LoadBalancingPolicy.All.Select((p, i) => new RouteSpec { Path = $"/p{i}/*", Policy = p, HeaderField = "X-Gb-Tenant" }).ToList() } }) },
        { "no compression", Cluster(s => s with { Routing = s.Routing with { Compression = [] } }) },
        { "memory low mark", Cluster(s => s with { Autoscaling = s.Autoscaling with { Rules = s.Autoscaling.Rules with { MemoryLow = new ThresholdRule { Threshold = 40, Action = "down" } } } }) },
        { "references", Cluster(s => s with { FailoverPolicyRef = new LocalObjectReference { Name = "fp" }, ShardMapRef = new LocalObjectReference { Name = "sm.eu" } }) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidBotCluster_ReportsFieldAndRule(string @case, BotCluster cluster, string field, string message)
    {
        var violations = ResourceValidator.Validate(cluster);

        violations.Should().ContainSingle(@case);
        violations[0].Field.Should().Be(field);
        violations[0].Message.Should().Contain(message);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_ValidBotCluster_ReportsNothing(string @case, BotCluster cluster)
    {
        ResourceValidator.Validate(cluster).Should().BeEmpty(@case);
    }

    [Fact]
    public void MinAboveMax_ToString_NamesFieldAndFix()
    {
        var cluster = Cluster(s => s with { Autoscaling = s.Autoscaling with { MinInstances = 12 } });

        var text = ResourceValidator.Validate(cluster).Single().ToString();

        text.Should().Be("spec.autoscaling.minInstances: 12 must be less than or equal to maxInstances (10)");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var cluster = Cluster(s => s with { Image = "", Port = 0, DrainTimeout = "x" });

        var fields = ResourceValidator.Validate(cluster).Select(v => v.Field);

        fields.Should().BeEquivalentTo("spec.image", "spec.port", "spec.drainTimeout");
    }
}
