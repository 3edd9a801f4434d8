using System.Globalization;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>Measures how long the BotClusters that reference a policy took to follow its last failover.</summary>
/// <remarks>
/// NOTE: the API server stores times as RFC 3339 with whole seconds, as Kubernetes' <c>metav1.Time</c> does, so both
/// ends are truncated and the result is accurate to about one second.
/// </remarks>
internal static class RepointDuration
{
    /// <summary>
    /// Returns the time from <c>lastFailoverTime</c> until the last of <paramref name="clusters"/> re-pointed its
    /// instances at the policy's current primary and master, such as <c>1.25s</c>. Returns <c>null</c> while one of them
    /// has not caught up, when there was no failover, or when no cluster references the policy.
    /// </summary>
    /// <param name="status">The policy's new status.</param>
    /// <param name="clusters">The BotClusters whose <c>spec.failoverPolicyRef</c> names the policy.</param>
    /// <param name="watchesDatabase">Whether the policy follows Patroni, so <c>status.endpoints.database</c> must match.</param>
    /// <param name="watchesCache">Whether the policy follows Sentinels, so <c>status.endpoints.cache</c> must match.</param>
    public static string? Compute(FailoverPolicyStatus status, IReadOnlyList<BotCluster> clusters, bool watchesDatabase, bool watchesCache)
    {
        if (status.LastFailoverTime is not { } failover || clusters.Count == 0)
        {
            return null;
        }

        DateTime latest = DateTime.MinValue;
        foreach (var cluster in clusters)
        {
            var endpoints = cluster.Status?.Endpoints;
            if (endpoints?.RepointedAt is not { } repointedAt || repointedAt < failover)
            {
                return null;
            }

            if ((watchesDatabase && endpoints.Database != status.Primary) || (watchesCache && endpoints.Cache != status.CacheMaster))
            {
                return null;
            }

            latest = repointedAt > latest ? repointedAt : latest;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(latest - failover).TotalSeconds:0.###}s");
    }
}
