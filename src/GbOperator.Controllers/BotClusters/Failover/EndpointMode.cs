namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>How a reconcile pass treats the endpoint devices and .env entries of a cluster's instances.</summary>
internal enum EndpointMode
{
    /// <summary>The cluster references no FailoverPolicy: the pass removes the endpoint devices and entries.</summary>
    Unmanaged,

    /// <summary>The policy was read: the pass sets the devices to its primary and master and removes a missing one.</summary>
    Managed,

    /// <summary>
    /// The policy is missing or reports an address a device cannot use: the pass leaves existing devices and
    /// .env entries as they are, because it does not know better targets.
    /// </summary>
    Unresolved,
}
