using System.Net;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Postgres;
using GbOperator.Infrastructure.Qdrant;
using GbOperator.Infrastructure.Redis;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>
/// Makes the tenant databases, Qdrant collections and routing files of each ShardMap match its spec, checks its shard
/// servers and Redis Cluster, and records in status what the last spec change moved between shards.
/// </summary>
/// <remarks>
/// A pass creates missing tenant databases (never dropping one), creates missing knowledge-base collections, writes
/// the routing table into every instance of each BotCluster that references the map, and writes status. The spec the
/// pass acted on is kept in <c>status.appliedSpec</c>, so the next spec change is planned against it even after a restart.
/// The pass repeats every <see cref="ShardMapReconcilerOptions.ResyncInterval"/> to pick up new instances and outages.
/// </remarks>
public sealed class ShardMapReconciler : IReconciler<ShardMap>
{
    private readonly IResourceClient<ShardMap> _maps;
    private readonly IResourceClient<BotCluster> _clusters;
    private readonly ShardMapReconcilerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IEventRecorder _events;
    private readonly ILogger<ShardMapReconciler> _logger;
    private readonly TenantDatabaseSync _databases;
    private readonly RedisClusterCheck _redis;
    private readonly QdrantCollectionSync _qdrant;
    private readonly RoutingFilePublisher _routing;

    /// <summary>Creates the reconciler.</summary>
    /// <param name="maps">Client of the API server's ShardMap resource.</param>
    /// <param name="clusters">Client of the API server's BotCluster resource, to find the clusters that reference a map.</param>
    /// <param name="databases">Client of the shard servers.</param>
    /// <param name="redis">Reader of Redis Cluster nodes.</param>
    /// <param name="qdrant">Client of Qdrant's collections.</param>
    /// <param name="lxd">LXD client; the project in <paramref name="options"/> must exist.</param>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="loggerFactory">Logger factory.</param>
    /// <param name="timeProvider">Clock of condition transition times; the system clock when <c>null</c>.</param>
    /// <param name="events">Recorder of the events about each ShardMap; none are recorded when <c>null</c>.</param>
    public ShardMapReconciler(
        IResourceClient<ShardMap> maps,
        IResourceClient<BotCluster> clusters,
        ITenantDatabaseClient databases,
        IRedisClusterInspector redis,
        IQdrantCollectionClient qdrant,
        ILxdClient lxd,
        ShardMapReconcilerOptions options,
        ILoggerFactory loggerFactory,
        TimeProvider? timeProvider = null,
        IEventRecorder? events = null)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(qdrant);
        ArgumentNullException.ThrowIfNull(lxd);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();

        _maps = maps;
        _clusters = clusters;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _events = events ?? NullEventRecorder.Instance;
        _logger = loggerFactory.CreateLogger<ShardMapReconciler>();
        _databases = new TenantDatabaseSync(databases, _logger);
        _redis = new RedisClusterCheck(redis);
        _qdrant = new QdrantCollectionSync(qdrant, _logger);
        _routing = new RoutingFilePublisher(lxd, options.LxdProject, _logger);
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(ShardMap resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ShardMap"] = $"{resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}",
            ["Uid"] = resource.Metadata.Uid,
            ["Generation"] = resource.Metadata.Generation,
        });
        try
        {
            await ReconcileCoreAsync(resource, cancellationToken);
            return ReconcileResult.RequeueAfter(_options.ResyncInterval);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The work queue logs the exception and requeues the key with backoff, and the Warning event shows the failure in describe.
            _events.Warning(resource, "ReconcileFailed", $"Reconcile failed and will be retried: {exception.Message}");
            throw;
        }
    }

    private async Task ReconcileCoreAsync(ShardMap map, CancellationToken cancellationToken)
    {
        var spec = map.Spec;

        // Tenant databases first: the routing file names them, so they exist before botserver reads it.
        var databases = await _databases.SyncAsync(spec, cancellationToken);
        foreach (var created in databases.Created)
        {
            _events.Normal(map, "DatabaseCreated", $"Created tenant database {created}");
        }

        var redis = spec.Redis.Mode == RedisMode.Cluster ? await _redis.CheckAsync(spec.Redis, cancellationToken) : null;
        if (redis is { Healthy: false } && map.Status?.Redis is not { Healthy: false })
        {
            _events.Warning(map, "CacheDegraded", $"The Redis Cluster covers {redis.SlotsCovered} of {RedisClusterCheck.TotalSlots} slots and has {redis.Nodes.Count(node => !node.Reachable)} unreachable nodes");
        }

        var (collections, createdCollections) = await _qdrant.SyncAsync(spec.Qdrant, cancellationToken);
        foreach (var collection in createdCollections)
        {
            _events.Normal(map, "CollectionCreated", $"Created Qdrant collection {collection}");
        }

        // Publish the routing table into the instances of every BotCluster that references the map.
        var table = RoutingTable.Build(map);
        var referencing = (await _clusters.ListAsync(map.Metadata.NamespaceProperty, cancellationToken)).Items
            .Where(cluster => cluster.Spec.ShardMapRef?.Name == map.Metadata.Name && cluster.Metadata.DeletionTimestamp is null)
            .ToList();
        var (clusters, written) = await _routing.PublishAsync(table, referencing, cancellationToken);
        if (written.Count > 0)
        {
            _events.Normal(map, "RoutingPublished", $"Wrote routing table {table.Version} to {RoutingTable.FilePath} in {string.Join(", ", written)}");
        }

        var rebalancing = PlanRebalancing(map);
        var observation = new ShardMapObservation(databases, redis, collections, table, clusters);
        await WriteStatusAsync(map, ShardMapStatusBuilder.Build(map, observation, rebalancing, _timeProvider.GetUtcNow()), cancellationToken);
    }

    /// <summary>Returns the plan from the applied spec to the current one when the spec changed, otherwise the plan in status.</summary>
    private RebalancingPlan? PlanRebalancing(ShardMap map)
    {
        if (map.Status?.AppliedSpec is not { } applied || ShardMapStatusBuilder.SameSpec(applied, map.Spec))
        {
            return map.Status?.Rebalancing;
        }

        var plan = RebalancingPlanner.Plan(applied, map.Spec) with
        {
            FromGeneration = map.Status.ObservedGeneration,
            ToGeneration = map.Metadata.Generation,
        };
        ShardMapLog.RebalancingPlanned(_logger, plan.FromGeneration, plan.ToGeneration, plan.Moves.Count);
        if (!plan.IsEmpty)
        {
            _events.Normal(map, "RebalancingPlanned", $"Planned {plan.Moves.Count} moves between shards for the change to generation {plan.ToGeneration}; see status.rebalancing or gbctl shard plan");
        }

        return plan;
    }

    /// <summary>Writes status through the status subresource, only when it changed.</summary>
    private async Task WriteStatusAsync(ShardMap map, ShardMapStatus status, CancellationToken cancellationToken)
    {
        if (StatusComparison.EqualIgnoringTransitionTimes(map.Status, status))
        {
            return;
        }

        var fresh = await _maps.GetAsync(map.Metadata.NamespaceProperty, map.Metadata.Name, cancellationToken);
        if (fresh is null || fresh.Metadata.Uid != map.Metadata.Uid)
        {
            return;
        }

        try
        {
            await _maps.UpdateStatusAsync(fresh with { Status = status }, cancellationToken);
        }
        catch (ApiStatusException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted during the pass: nothing is left to report on.
        }
    }
}
