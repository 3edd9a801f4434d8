namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>What one <see cref="EndpointSynchronizer.SyncAsync"/> call changed and how long it took.</summary>
/// <param name="Changed">The instances whose devices or .env changed.</param>
/// <param name="Elapsed">Time from the first request to LXD until the last instance was done.</param>
internal sealed record EndpointSyncResult(IReadOnlyList<InstanceEndpointChange> Changed, TimeSpan Elapsed)
{
    /// <summary>The device moves of every instance.</summary>
    public IEnumerable<DeviceMove> Moves => Changed.SelectMany(change => change.Moves);
}
