using System.Globalization;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Decides which BotCluster serves a listen address that several clusters request.</summary>
/// <remarks>
/// Caddy rejects a whole configuration in which two servers listen on the same address, so only one cluster may
/// publish a server there. The oldest cluster by creation time keeps the address, with namespace and name breaking
/// ties, so a new cluster never takes the routes of a running one away.
/// </remarks>
internal static class ListenAddressClaims
{
    /// <summary>Returns the older cluster that uses <paramref name="cluster"/>'s listen address, or <c>null</c> when <paramref name="cluster"/> may use it.</summary>
    /// <param name="cluster">The cluster being reconciled, whose listen address is already known to be 127.0.0.1:PORT.</param>
    /// <param name="clusters">Every BotCluster, including <paramref name="cluster"/> and clusters being deleted.</param>
    public static BotCluster? FindHolder(BotCluster cluster, IEnumerable<BotCluster> clusters)
    {
        int? port = Port(cluster.Spec.Routing.ListenAddress);
        return clusters
            .Where(other => other.Metadata.Uid != cluster.Metadata.Uid && port is not null && Port(other.Spec.Routing.ListenAddress) == port)
            .Where(other => Compare(other, cluster) < 0)
            .Order(Comparer<BotCluster>.Create(Compare))
            .FirstOrDefault();
    }

    /// <summary>Orders clusters by creation time, then namespace, then name.</summary>
    private static int Compare(BotCluster left, BotCluster right)
    {
        int byAge = Nullable.Compare(left.Metadata.CreationTimestamp, right.Metadata.CreationTimestamp);
        if (byAge != 0)
        {
            return byAge;
        }

        int byNamespace = string.CompareOrdinal(left.Metadata.NamespaceProperty, right.Metadata.NamespaceProperty);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(left.Metadata.Name, right.Metadata.Name);
    }

    /// <summary>Returns the port of a 127.0.0.1:PORT address, or <c>null</c> for an address the controller rejects anyway.</summary>
    private static int? Port(string address) =>
        BotClusterReconciler.IsLoopbackListenAddress(address)
            ? int.Parse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
