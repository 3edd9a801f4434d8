using GbOperator.Controllers.BotClusters;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.Tests.BotClusters;

public sealed class ListenAddressClaimsTests
{
    private static readonly DateTime Earlier = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Earlier.AddMinutes(5);

    [Fact]
    public void FindHolder_NewerClusterOnSameAddress_ReturnsOlder()
    {
        var older = Cluster("default", "first", "127.0.0.1:8480", Earlier);
        var newer = Cluster("default", "second", "127.0.0.1:8480", Later);

        var holder = ListenAddressClaims.FindHolder(newer, [older, newer]);

        holder.Should().BeSameAs(older);
    }

    [Fact]
    public void FindHolder_OlderClusterOnSameAddress_ReturnsNull()
    {
        var older = Cluster("default", "first", "127.0.0.1:8480", Earlier);
        var newer = Cluster("default", "second", "127.0.0.1:8480", Later);

        var holder = ListenAddressClaims.FindHolder(older, [older, newer]);

        holder.Should().BeNull();
    }

    [Fact]
    public void FindHolder_DifferentPorts_ReturnsNull()
    {
        var older = Cluster("default", "first", "127.0.0.1:8480", Earlier);
        var newer = Cluster("default", "second", "127.0.0.1:8481", Later);

        var holder = ListenAddressClaims.FindHolder(newer, [older, newer]);

        holder.Should().BeNull();
    }

    [Fact]
    public void FindHolder_SameCreationTime_NamespaceThenNameDecides()
    {
        var alpha = Cluster("team", "alpha", "127.0.0.1:8480", Earlier);
        var beta = Cluster("team", "beta", "127.0.0.1:8480", Earlier);
        var other = Cluster("apps", "zulu", "127.0.0.1:8480", Earlier);

        ListenAddressClaims.FindHolder(beta, [alpha, beta, other]).Should().BeSameAs(other);
        ListenAddressClaims.FindHolder(alpha, [alpha, beta, other]).Should().BeSameAs(other);
        ListenAddressClaims.FindHolder(other, [alpha, beta, other]).Should().BeNull();
    }

    [Fact]
    public void FindHolder_SamePortWrittenWithLeadingZero_ReturnsOlder()
    {
        var older = Cluster("default", "first", "127.0.0.1:8480", Earlier);
        var newer = Cluster("default", "second", "127.0.0.1:08480", Later);

        var holder = ListenAddressClaims.FindHolder(newer, [older, newer]);

        holder.Should().BeSameAs(older);
    }

    [Fact]
    public void FindHolder_OlderWithInvalidAddress_ReturnsNull()
    {
        var older = Cluster("default", "first", ":8480", Earlier);
        var newer = Cluster("default", "second", "127.0.0.1:8480", Later);

        var holder = ListenAddressClaims.FindHolder(newer, [older, newer]);

        holder.Should().BeNull();
    }

    [Fact]
    public void StatusBuilder_ListenAddressInUse_ReadyAndDegradedNameHolder()
    {
        var cluster = Cluster("default", "second", "127.0.0.1:8480", Later);
        var problem = new ListenerProblem("ListenAddressInUse", "spec.routing.listenAddress 127.0.0.1:8480 is already used by the older BotCluster default/first");

        var status = BotClusterStatusBuilder.Build(cluster, new ClusterObservation([], new HashSet<string>(), []), new RolloutPlan(0, [], []), problem, Later);

        var ready = status.Conditions!.Single(condition => condition.Type == "Ready");
        ready.Status.Should().Be("False");
        ready.Reason.Should().Be("ListenAddressInUse");
        ready.Message.Should().Contain("default/first");
        var degraded = status.Conditions!.Single(condition => condition.Type == "Degraded");
        degraded.Status.Should().Be("True");
        degraded.Reason.Should().Be("ListenAddressInUse");
        status.Conditions!.Single(condition => condition.Type == "Progressing").Status.Should().Be("False");
    }

    private static BotCluster Cluster(string @namespace, string name, string listenAddress, DateTime created) => new()
    {
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = @namespace,
            Name = name,
            Uid = $"{@namespace}-{name}",
            Generation = 1,
            CreationTimestamp = created,
        },
        Spec = new BotClusterSpec { Image = "botserver-standin", Routing = new RoutingSpec { ListenAddress = listenAddress } },
    };
}
