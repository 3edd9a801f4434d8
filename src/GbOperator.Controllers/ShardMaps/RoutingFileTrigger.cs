using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>
/// Writes the routing file into the instances of one BotCluster whenever the BotCluster changes, so an instance that the
/// BotCluster controller just created gets the file without waiting for the ShardMap's next resync.
/// </summary>
/// <remarks>
/// It reads the ShardMap fresh from the API server and writes only files whose content differs, like
/// <see cref="ShardMapReconciler"/>, which stays the one writer of ShardMap status. A missing ShardMap is not an error:
/// the cluster has nothing to route until the map exists.
/// </remarks>
public sealed class RoutingFileTrigger : IReconciler<BotCluster>
{
    private readonly IResourceClient<ShardMap> _maps;
    private readonly RoutingFilePublisher _publisher;

    /// <summary>Creates the trigger.</summary>
    /// <param name="maps">Client of the API server's ShardMap resource.</param>
    /// <param name="lxd">LXD client.</param>
    /// <param name="lxdProject">LXD project of the BotCluster instances.</param>
    /// <param name="loggerFactory">Logger factory.</param>
    public RoutingFileTrigger(IResourceClient<ShardMap> maps, ILxdClient lxd, string lxdProject, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(lxd);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _maps = maps;
        _publisher = new RoutingFilePublisher(lxd, lxdProject, loggerFactory.CreateLogger<RoutingFileTrigger>());
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Spec.ShardMapRef?.Name is not { } mapName)
        {
            return ReconcileResult.Done();
        }

        var map = await _maps.GetAsync(resource.Metadata.NamespaceProperty, mapName, cancellationToken);
        if (map is null)
        {
            return ReconcileResult.Done();
        }

        await _publisher.PublishAsync(RoutingTable.Build(map), [resource], cancellationToken);
        return ReconcileResult.Done();
    }
}
