using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;

namespace GbOperator.Controllers.Tests.BotClusters.Failover;

public sealed class EndpointStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_NoPrimary_DegradedBeforeReplacedInstances()
    {
        var outcome = Outcome(primary: null, cacheMaster: "127.0.0.1:6380");

        var status = Build(outcome, new RolloutPlan(0, [], ["web-abc123"]));

        var degraded = status.Conditions!.Single(condition => condition.Type == "Degraded");
        degraded.Status.Should().Be("True");
        degraded.Reason.Should().Be("NoDatabasePrimary");
        degraded.Message.Should().Contain("no PostgreSQL primary");
        Condition(status, "EndpointsReady").Reason.Should().Be("NoDatabasePrimary");
    }

    [Fact]
    public void Build_BothPresent_EndpointsReadyAndStatusCopied()
    {
        var outcome = Outcome("127.0.0.1:5433", "127.0.0.1:6380") with
        {
            Status = new EndpointsStatus { Database = "127.0.0.1:5433", Cache = "127.0.0.1:6380", RepointedAt = Now.UtcDateTime },
        };

        var status = Build(outcome, new RolloutPlan(0, [], []));

        Condition(status, "EndpointsReady").Status.Should().Be("True");
        Condition(status, "EndpointsReady").Message.Should().Be(
            "Every instance's endpoint devices point PostgreSQL at 127.0.0.1:5433 and Redis at 127.0.0.1:6380. The operator does not check that these servers accept connections.");
        Condition(status, "Degraded").Status.Should().Be("False");
        status.Endpoints.Should().Be(outcome.Status);
    }

    [Fact]
    public void Build_NoPolicyReference_NoEndpointsCondition()
    {
        var status = Build(EndpointOutcome.None, new RolloutPlan(0, [], []));

        status.Conditions!.Should().NotContain(condition => condition.Type == "EndpointsReady");
        status.Endpoints.Should().BeNull();
    }

    private static BotClusterStatus Build(EndpointOutcome outcome, RolloutPlan plan)
    {
        var observation = new ClusterObservation([], new HashSet<string>(), []) { Endpoints = outcome };
        return BotClusterStatusBuilder.Build(Cluster(), observation, plan, listenerProblem: null, Now);
    }

    private static EndpointOutcome Outcome(string? primary, string? cacheMaster)
    {
        var policy = new FailoverPolicy
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "team", Name = "backends" },
            Status = new FailoverPolicyStatus { Primary = primary, CacheMaster = cacheMaster },
        };
        return new EndpointOutcome(EndpointPlanner.Plan(Cluster(), policy), null);
    }

    private static BotCluster Cluster() => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = "team", Name = "web", Generation = 1 },
        Spec = new BotClusterSpec { Replicas = 0, FailoverPolicyRef = new LocalObjectReference { Name = "backends" } },
    };

    private static V1Condition Condition(BotClusterStatus status, string type) => status.Conditions!.Single(condition => condition.Type == type);
}
