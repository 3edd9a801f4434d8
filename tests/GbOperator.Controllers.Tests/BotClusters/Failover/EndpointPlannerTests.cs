using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;

namespace GbOperator.Controllers.Tests.BotClusters.Failover;

public sealed class EndpointPlannerTests
{
    [Fact]
    public void Plan_NoReference_RemovesDevices()
    {
        var plan = EndpointPlanner.Plan(Cluster(policyName: null), policy: null);

        plan.Mode.Should().Be(EndpointMode.Unmanaged);
        plan.Devices.Should().BeEquivalentTo(new Dictionary<string, IReadOnlyDictionary<string, string>?>
        {
            ["gbo-database"] = null,
            ["gbo-cache"] = null,
        });
        plan.Env.Should().BeEmpty();
    }

    [Fact]
    public void Plan_PolicyMissing_LeavesDevicesWithCondition()
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), policy: null);

        plan.Mode.Should().Be(EndpointMode.Unresolved);
        plan.Devices.Should().BeEmpty();
        plan.Problem!.Reason.Should().Be("FailoverPolicyNotFound");
        plan.Problem.Message.Should().Contain("FailoverPolicy team/backends").And.Contain("spec.failoverPolicyRef.name");
        plan.Env.Should().ContainKey("DATABASE_URL");
    }

    [Fact]
    public void Plan_PrimaryAndMaster_DevicesConnectToThem()
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), Policy("127.0.0.1:5433", "127.0.0.1:6380"));

        plan.Mode.Should().Be(EndpointMode.Managed);
        plan.Devices["gbo-database"].Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["type"] = "proxy",
            ["listen"] = "tcp:127.0.0.1:5432",
            ["connect"] = "tcp:127.0.0.1:5433",
            ["bind"] = "instance",
        });
        plan.Devices["gbo-cache"]!["listen"].Should().Be("tcp:127.0.0.1:6379");
        plan.Devices["gbo-cache"]!["connect"].Should().Be("tcp:127.0.0.1:6380");
        plan.Env.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://127.0.0.1:5432/",
            ["CACHE_URL"] = "redis://127.0.0.1:6379/",
        });
        plan.Missing.Should().BeEmpty();
    }

    [Fact]
    public void Plan_NoPrimary_RemovesDeviceAndAddsFallbacks()
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), Policy(primary: null, "127.0.0.1:6380"));

        plan.Devices["gbo-database"].Should().BeNull();
        plan.Devices["gbo-cache"].Should().NotBeNull();
        plan.Missing.Should().Equal("database");
        plan.Env.Should().Contain(new Dictionary<string, string>
        {
            ["GBO_DEGRADED"] = "database",
            ["GBO_FALLBACK_LLM_PROVIDER"] = "local",
            ["GBO_FALLBACK_LLM_MODEL"] = "DeepSeek-R1-Distill-Qwen-1.5B",
            ["GBO_CACHE_MODE"] = "memory",
            ["GBO_VECTOR_DB_MODE"] = "keyword-search",
        });
    }

    [Fact]
    public void Plan_FallbacksDisabled_OnlyDegradedEntry()
    {
        var degradation = new GracefulDegradationSpec
        {
            FallbackLlm = new FallbackLlmSpec { Enabled = false },
            CacheEnabled = false,
            VectorDbEnabled = false,
        };
        var policy = Policy(primary: null, cacheMaster: null) with { Spec = new FailoverPolicySpec { GracefulDegradation = degradation } };

        var plan = EndpointPlanner.Plan(Cluster("backends"), policy);

        plan.Missing.Should().Equal("database", "cache");
        plan.Env.Keys.Where(key => key.StartsWith("GBO_", StringComparison.Ordinal)).Should().Equal("GBO_DEGRADED");
        plan.Env["GBO_DEGRADED"].Should().Be("database,cache");
    }

    [Theory]
    [InlineData("db.example.com:5432")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("::1:5432")]
    public void Plan_InvalidPrimary_LeavesDevicesWithCondition(string primary)
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), Policy(primary, "127.0.0.1:6380"));

        plan.Mode.Should().Be(EndpointMode.Unresolved);
        plan.Devices.Should().BeEmpty();
        plan.Problem!.Reason.Should().Be("InvalidEndpoint");
        plan.Problem.Message.Should().Contain($"status.primary '{primary}'");
    }

    [Fact]
    public void Plan_InvalidCacheMaster_NamesField()
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), Policy("127.0.0.1:5433", "redis-master"));

        plan.Problem!.Message.Should().Contain("status.cacheMaster 'redis-master'");
    }

    [Fact]
    public void Plan_BracketedIpv6_Accepted()
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), Policy("[::1]:5433", "127.0.0.1:6380"));

        plan.Mode.Should().Be(EndpointMode.Managed);
        plan.Database.Should().Be("[::1]:5433");
        plan.Devices["gbo-database"]!["connect"].Should().Be("tcp:[::1]:5433");
    }

    [Fact]
    public void Plan_SpecUrls_KeepCredentialsAndDatabase()
    {
        var env = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://bot:s3cret@10.0.0.5:6432/botserver?sslmode=disable",
            ["CACHE_URL"] = "rediss://:pw@cache.internal:6380/2",
        };

        var plan = EndpointPlanner.Plan(Cluster("backends", env), Policy("127.0.0.1:5433", "127.0.0.1:6380"));

        plan.Env["DATABASE_URL"].Should().Be("postgres://bot:s3cret@127.0.0.1:5432/botserver?sslmode=disable");
        plan.Env["CACHE_URL"].Should().Be("rediss://:pw@127.0.0.1:6379/2");
    }

    [Theory]
    [InlineData("postgres://db.internal", "postgres://127.0.0.1:5432/")]
    [InlineData("postgres://db.internal:6432", "postgres://127.0.0.1:5432/")]
    [InlineData("postgresql://u@[fd00::5]:6432/app#x", "postgresql://u@127.0.0.1:5432/app#x")]
    [InlineData("not a url", "postgres://127.0.0.1:5432/")]
    public void Plan_SpecDatabaseUrl_PointsAtLoopback(string specUrl, string expected)
    {
        var env = new Dictionary<string, string> { ["DATABASE_URL"] = specUrl };

        var plan = EndpointPlanner.Plan(Cluster("backends", env), Policy("127.0.0.1:5433", "127.0.0.1:6380"));

        plan.Env["DATABASE_URL"].Should().Be(expected);
    }

    [Fact]
    public void Degradation_BothMissing_DatabaseReasonFirst()
    {
        var plan = EndpointPlanner.Plan(Cluster("backends"), Policy(primary: null, cacheMaster: null));

        var degradation = new EndpointOutcome(plan, null).Degradation;

        degradation!.Reason.Should().Be("NoDatabasePrimary");
        degradation.Message.Should().Contain("no PostgreSQL primary and no Redis master");
    }

    [Fact]
    public void Readiness_NoReference_NoCondition()
    {
        EndpointOutcome.None.Readiness.Should().BeNull();
        EndpointOutcome.None.Degradation.Should().BeNull();
    }

    private static BotCluster Cluster(string? policyName, Dictionary<string, string>? env = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "team" },
        Spec = new BotClusterSpec
        {
            Image = "botserver-standin",
            Env = env ?? new Dictionary<string, string>(),
            FailoverPolicyRef = policyName is null ? null : new LocalObjectReference { Name = policyName },
        },
    };

    private static FailoverPolicy Policy(string? primary, string? cacheMaster) => new()
    {
        Metadata = new V1ObjectMeta { Name = "backends", NamespaceProperty = "team" },
        Spec = new FailoverPolicySpec(),
        Status = new FailoverPolicyStatus { Primary = primary, CacheMaster = cacheMaster },
    };
}
