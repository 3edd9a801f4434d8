using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;

namespace GbOperator.Controllers.Tests.BotClusters.Failover;

public sealed class FailoverPolicyReferencesTests
{
    [Fact]
    public void ClustersReferencing_SameNamespaceAndName_Returned()
    {
        var cache = new ListCache(
            Cluster("team", "web", "backends"),
            Cluster("team", "api", "backends"),
            Cluster("team", "other", "elsewhere"),
            Cluster("team", "plain", policyName: null),
            Cluster("ops", "web", "backends"));
        var policy = new FailoverPolicy { Metadata = new V1ObjectMeta { NamespaceProperty = "team", Name = "backends" } };

        var keys = FailoverPolicyReferences.ClustersReferencing(cache, policy);

        keys.Should().BeEquivalentTo([new ObjectKey("team", "web"), new ObjectKey("team", "api")]);
    }

    private static BotCluster Cluster(string @namespace, string name, string? policyName) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = @namespace, Name = name },
        Spec = new BotClusterSpec
        {
            FailoverPolicyRef = policyName is null ? null : new LocalObjectReference { Name = policyName },
        },
    };

    private sealed class ListCache(params BotCluster[] clusters) : IResourceCache<BotCluster>
    {
        public BotCluster? Get(ObjectKey key) => clusters.FirstOrDefault(cluster => ObjectKey.From(cluster) == key);

        public IReadOnlyList<BotCluster> List() => clusters;

        public IReadOnlyList<ObjectKey> ListKeys() => clusters.Select(ObjectKey.From).ToList();
    }
}
