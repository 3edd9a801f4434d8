using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>Finds the BotClusters that a FailoverPolicy change concerns.</summary>
internal static class FailoverPolicyReferences
{
    /// <summary>Returns the keys of the cached BotClusters in the policy's namespace whose <c>spec.failoverPolicyRef.name</c> names it.</summary>
    public static IEnumerable<ObjectKey> ClustersReferencing(IResourceCache<BotCluster> clusters, FailoverPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(policy);

        return clusters.List()
            .Where(cluster => cluster.Metadata.NamespaceProperty == policy.Metadata.NamespaceProperty
                && cluster.Spec.FailoverPolicyRef?.Name == policy.Metadata.Name)
            .Select(ObjectKey.From)
            .ToList();
    }
}
