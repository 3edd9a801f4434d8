using System.Globalization;
using System.Net;
using GbOperator.Controllers.Autoscaling;
using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Monitoring;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Makes the LXD instances and the Caddy server of each BotCluster match its spec.</summary>
/// <remarks>
/// <para>
/// A pass lists the instances in the LXD project, deletes orphans, starts stopped instances, checks health, plans
/// one step of scaling or rollout, publishes the Caddy server of the ready instances, stops drained instances and
/// writes status. Every fact it needs survives a restart in the instances' <c>user.gbo.*</c> keys, except the
/// health-check history, which is rebuilt from fresh checks.
/// </para>
/// <para>The reconciler is not safe for two passes at once: run its controller with one worker.</para>
/// </remarks>
public sealed class BotClusterReconciler : IReconciler<BotCluster>
{
    /// <summary>Finalizer that keeps a BotCluster until its routes and instances are gone.</summary>
    public const string Finalizer = "generalbots.ai/botcluster-cleanup";

    private const int StatusWriteAttempts = 3;

    private readonly IResourceClient<BotCluster> _clusters;
    private readonly ILxdClient _lxd;
    private readonly BotClusterReconcilerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotClusterReconciler> _logger;
    private readonly InstanceLauncher _launcher;
    private readonly RoutePublisher _routes;
    private readonly HealthProber _prober;
    private readonly HealthTracker _health = new();
    private readonly InstanceRemover _remover;
    private readonly IEventRecorder _events;
    private readonly OperatorMetrics? _metrics;
    private readonly EndpointReconciler _endpoints;

    // Instances that were ready and routed on the last pass, by BotCluster uid, so InstanceReady and InstanceUnhealthy
    // are recorded on transitions. NOTE: the set is in memory only, so the first pass after a restart records InstanceReady again.
    private readonly Dictionary<string, HashSet<string>> _routedInstances = new(StringComparer.Ordinal);

    // Instances whose last health check failed, by BotCluster uid, so HealthCheckFailing is recorded once per failure streak.
    private readonly Dictionary<string, HashSet<string>> _failingInstances = new(StringComparer.Ordinal);

    /// <summary>Creates the reconciler.</summary>
    /// <param name="clusters">Client of the API server's BotCluster resource.</param>
    /// <param name="policies">Client of the API server's FailoverPolicy resource, read for each cluster that references one.</param>
    /// <param name="lxd">LXD client; the project in <paramref name="options"/> must exist.</param>
    /// <param name="caddy">Caddy admin client.</param>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="healthClient">HTTP client for health checks; it must not have a timeout shorter than the checks'.</param>
    /// <param name="loggerFactory">Logger factory.</param>
    /// <param name="timeProvider">Clock for drain and start-up deadlines; the system clock when <c>null</c>.</param>
    /// <param name="events">Recorder of the events about each BotCluster; none are recorded when <c>null</c>.</param>
    /// <param name="metrics">Prometheus series of the cluster sizes; none are published when <c>null</c>.</param>
    public BotClusterReconciler(
        IResourceClient<BotCluster> clusters,
        IResourceClient<FailoverPolicy> policies,
        ILxdClient lxd,
        ICaddyAdminClient caddy,
        BotClusterReconcilerOptions options,
        HttpClient healthClient,
        ILoggerFactory loggerFactory,
        TimeProvider? timeProvider = null,
        IEventRecorder? events = null,
        OperatorMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(lxd);
        ArgumentNullException.ThrowIfNull(caddy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(healthClient);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();

        _clusters = clusters;
        _lxd = lxd;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _events = events ?? NullEventRecorder.Instance;
        _metrics = metrics;
        _logger = loggerFactory.CreateLogger<BotClusterReconciler>();
        _launcher = new InstanceLauncher(lxd, options, new Random(), loggerFactory.CreateLogger<InstanceLauncher>());
        _routes = new RoutePublisher(caddy, loggerFactory.CreateLogger<RoutePublisher>());
        _prober = new HealthProber(healthClient, loggerFactory.CreateLogger<HealthProber>());
        _remover = new InstanceRemover(lxd, options, _timeProvider, _health, loggerFactory.CreateLogger<InstanceRemover>());
        _endpoints = new EndpointReconciler(
            policies,
            new EndpointSynchronizer(lxd, options.LxdProject, _timeProvider, loggerFactory.CreateLogger<EndpointSynchronizer>()),
            _events,
            _timeProvider,
            loggerFactory.CreateLogger<EndpointReconciler>());
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        try
        {
            return await ReconcileCoreAsync(resource, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The work queue logs the exception and requeues the key with backoff, and the Warning event shows the failure in describe.
            _events.Warning(resource, "ReconcileFailed", $"Reconcile failed and will be retried: {exception.Message}");
            throw;
        }
    }

    private async Task<ReconcileResult> ReconcileCoreAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        using var scope = BeginScope(resource);
        var spec = resource.Spec;
        string ns = resource.Metadata.NamespaceProperty;
        string name = resource.Metadata.Name;

        // The finalizer goes on first, so no instance exists that a deletion could leave behind.
        if (!(resource.Metadata.Finalizers?.Contains(Finalizer) ?? false))
        {
            await AddFinalizerAsync(ns, name, cancellationToken);
            return ReconcileResult.RequeueAfter(TimeSpan.Zero);
        }

        if (!IsLoopbackListenAddress(spec.Routing.ListenAddress))
        {
            string message = $"spec.routing.listenAddress '{spec.Routing.ListenAddress}' is not allowed: use 127.0.0.1:PORT.";
            await WriteStatusAsync(resource, new ClusterObservation([], new HashSet<string>(), []), new RolloutPlan(0, [], []),
                new ListenerProblem("InvalidListenAddress", message), cancellationToken);
            _events.Warning(resource, "InvalidListenAddress", message);
            return ReconcileResult.Failure(message, terminal: true);
        }

        // An older cluster on the same address keeps it, because a second server there would make Caddy reject every change.
        var clusters = await _clusters.ListAsync(null, cancellationToken);
        if (ListenAddressClaims.FindHolder(resource, clusters.Items) is { } holder)
        {
            return await YieldListenAddressAsync(resource, holder, cancellationToken);
        }

        // Read every instance in the project: owned ones, and the host ports that are taken.
        var all = await _lxd.ListInstancesAsync(_options.LxdProject, includeState: false, cancellationToken);
        var usedPorts = all.Select(ObservedInstance.From).Where(instance => instance.HostPort is not null)
            .Select(instance => instance.HostPort!.Value).ToHashSet();
        await DeleteOrphansAsync(resource, all, cancellationToken);
        var owned = all.Where(instance => InstanceOwner.Read(instance) is { } owner && owner.IsNamed(ns, name) && owner.Uid == resource.Metadata.Uid)
            .Select(ObservedInstance.From)
            .OrderBy(instance => instance.Name, StringComparer.Ordinal)
            .ToList();

        // Point every instance's database and cache endpoints at the FailoverPolicy's current primary and master.
        var endpoints = await _endpoints.ReconcileAsync(resource, owned, cancellationToken);

        // Start what is stopped and not draining: an earlier pass or process may have stopped between steps.
        foreach (var instance in owned.Where(instance => !instance.Instance.IsRunning && !instance.IsDraining))
        {
            string? notApplied = await _launcher.StartAsync(instance.Name, spec, endpoints.Plan, cancellationToken);
            _events.Normal(resource, "InstanceStarted", $"Started instance {instance.Name}");
            RecordLimitsNotApplied(resource, instance.Name, notApplied);
        }

        // Check the health of every serving instance and plan one step.
        string specHash = SpecHash.Compute(spec);
        var active = owned.Where(instance => !instance.IsDraining).ToList();
        var views = await CheckHealthAsync(spec, active, specHash, resource.Status?.Autoscaling?.Instances ?? [], cancellationToken);
        var plan = RolloutPlanner.Plan(spec.Replicas, views.Values.ToList(), owned.Count(instance => instance.IsDraining));

        // Take drained and failed instances out of the routes before anything stops them.
        var now = _timeProvider.GetUtcNow();
        foreach (string drain in plan.Drain)
        {
            await _lxd.SetConfigAsync(_options.LxdProject, drain,
                new Dictionary<string, string?> { [InstanceKeys.DrainingSince] = now.ToString("O", CultureInfo.InvariantCulture) },
                cancellationToken);
            BotClusterLog.Draining(_logger, drain, spec.DrainTimeout);
            _events.Normal(resource, "InstanceDraining", $"Removed instance {drain} from the routes; it stops when its connections close or after {spec.DrainTimeout}");
        }

        var leaving = plan.Drain.Concat(plan.Replace).ToHashSet(StringComparer.Ordinal);
        var ready = views.Values.Where(view => view.Ready && !leaving.Contains(view.Name))
            .Select(view => view.Name).ToHashSet(StringComparer.Ordinal);
        var upstreams = active.Where(instance => ready.Contains(instance.Name) && instance.HostPort is not null)
            .Select(instance => $"127.0.0.1:{instance.HostPort}")
            .ToList();
        string serverId = CaddyServerBuilder.ServerId(ns, name);
        if (await _routes.PublishAsync(serverId, CaddyServerBuilder.Build(serverId, spec, upstreams), cancellationToken))
        {
            _events.Normal(resource, "RoutesUpdated", $"Updated the Caddy routes on {spec.Routing.ListenAddress} to {upstreams.Count} upstreams");
        }

        RecordReadiness(resource, views, ready);

        // Replace failed instances, create missing ones, stop drained ones.
        foreach (string failed in plan.Replace)
        {
            BotClusterLog.Replacing(_logger, failed, spec.HealthCheck.Retries);
            await _remover.DeleteAsync(failed, TimeSpan.Zero, cancellationToken);
            _events.Normal(resource, "InstanceReplaced", $"Deleted instance {failed} after {spec.HealthCheck.Retries} failed health checks; a new instance replaces it");
        }

        if (plan.Create > plan.Replace.Count)
        {
            _events.Normal(resource, "ScaledUp", $"Scaling up to {spec.Replicas} replicas");
        }

        var created = new List<string>();
        for (int i = 0; i < plan.Create; i++)
        {
            var (instanceName, notApplied) = await _launcher.LaunchAsync(resource, specHash, usedPorts, endpoints.Plan, cancellationToken);
            created.Add(instanceName);
            _events.Normal(resource, "InstanceCreated", $"Created instance {instanceName} from image {spec.Image}");
            _events.Normal(resource, "InstanceStarted", $"Started instance {instanceName}");
            RecordLimitsNotApplied(resource, instanceName, notApplied);
        }

        if (plan.Drain.Count > 0)
        {
            _events.Normal(resource, "ScaledDown", $"Scaling down to {spec.Replicas} replicas");
        }

        var drainedNow = plan.Drain.ToHashSet(StringComparer.Ordinal);
        var draining = owned.Where(instance => instance.IsDraining || drainedNow.Contains(instance.Name))
            .Select(instance => instance.IsDraining ? instance : instance with { DrainingSince = now })
            .ToList();
        var stopped = await _remover.FinishDrainsAsync(spec, draining, cancellationToken);
        foreach (string instanceName in stopped.Order(StringComparer.Ordinal))
        {
            _events.Normal(resource, "InstanceDeleted", $"Stopped and deleted drained instance {instanceName}");
        }

        // Write status from what is left.
        var remaining = owned
            .Where(instance => !plan.Replace.Contains(instance.Name) && !stopped.Contains(instance.Name))
            .Select(instance => drainedNow.Contains(instance.Name) ? instance with { DrainingSince = now } : instance)
            .ToList();
        var stillThere = remaining.Select(instance => instance.Name).ToHashSet(StringComparer.Ordinal);
        var healthFailures = views.Values.Where(view => view.HealthFailure is not null && stillThere.Contains(view.Name))
            .ToDictionary(view => view.Name, view => view.HealthFailure!, StringComparer.Ordinal);
        var observation = new ClusterObservation(remaining, ready, created) { Endpoints = endpoints, HealthFailures = healthFailures };
        await WriteStatusAsync(resource, observation, plan, listenerProblem: null, cancellationToken);

        bool converged = plan.IsEmpty && draining.Count == stopped.Count && ready.Count == spec.Replicas
            && remaining.All(instance => instance.SpecHash == specHash);
        return ReconcileResult.RequeueAfter(converged ? HealthInterval(spec) : _options.ProgressInterval);
    }

    /// <summary>
    /// Removes the cluster's Caddy server, leaves its instances as they are and reports that <paramref name="holder"/>
    /// uses the listen address. The pass is retried, so the cluster takes the address once the holder moves or is deleted.
    /// </summary>
    private async Task<ReconcileResult> YieldListenAddressAsync(BotCluster resource, BotCluster holder, CancellationToken cancellationToken)
    {
        string address = resource.Spec.Routing.ListenAddress;
        string message = $"spec.routing.listenAddress {address} is already used by the older BotCluster "
            + $"{holder.Metadata.NamespaceProperty}/{holder.Metadata.Name}: give this cluster another 127.0.0.1:PORT.";
        await _routes.PublishAsync(CaddyServerBuilder.ServerId(resource.Metadata.NamespaceProperty, resource.Metadata.Name), null, cancellationToken);

        bool wasReported = resource.Status?.Conditions?.Any(condition =>
            condition.Type == BotClusterStatusBuilder.Ready && condition.Reason == "ListenAddressInUse" && condition.Message == message) == true;
        await WriteStatusAsync(resource, new ClusterObservation([], new HashSet<string>(), []), new RolloutPlan(0, [], []),
            new ListenerProblem("ListenAddressInUse", message), cancellationToken);
        if (!wasReported)
        {
            _events.Warning(resource, "ListenAddressInUse", message);
        }

        return ReconcileResult.RequeueAfter(HealthInterval(resource.Spec));
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> FinalizeAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var scope = BeginScope(resource);
        if (!(resource.Metadata.Finalizers?.Contains(Finalizer) ?? false))
        {
            return ReconcileResult.Done();
        }

        await CleanUpAsync(resource.Metadata.NamespaceProperty, resource.Metadata.Name, cancellationToken);
        _routedInstances.Remove(resource.Metadata.Uid);
        _failingInstances.Remove(resource.Metadata.Uid);
        _metrics?.ForgetCluster(resource.Metadata.NamespaceProperty, resource.Metadata.Name);
        _events.Normal(resource, "CleanupCompleted", "Deleted every instance and the Caddy routes of the cluster");

        var fresh = await _clusters.GetAsync(resource.Metadata.NamespaceProperty, resource.Metadata.Name, cancellationToken);
        if (fresh?.Metadata.Finalizers?.Remove(Finalizer) == true)
        {
            await _clusters.UpdateAsync(fresh, cancellationToken);
            BotClusterLog.FinalizerRemoved(_logger, Finalizer);
        }

        return ReconcileResult.Done();
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        await CleanUpAsync(key.Namespace ?? "", key.Name, cancellationToken);
        _metrics?.ForgetCluster(key.Namespace ?? "", key.Name);
        return ReconcileResult.Done();
    }

    /// <summary>Removes the cluster's Caddy server, then stops and deletes every instance named after it.</summary>
    private async Task CleanUpAsync(string ns, string name, CancellationToken cancellationToken)
    {
        await _routes.PublishAsync(CaddyServerBuilder.ServerId(ns, name), null, cancellationToken);

        var all = await _lxd.ListInstancesAsync(_options.LxdProject, includeState: false, cancellationToken);
        foreach (var instance in all.Where(instance => InstanceOwner.Read(instance)?.IsNamed(ns, name) == true))
        {
            await _remover.DeleteAsync(instance.Name, _options.StopTimeout, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes instances whose owner is gone or has another uid. Instances without BotCluster owner keys are
    /// never touched.
    /// </summary>
    private async Task DeleteOrphansAsync(BotCluster cluster, IReadOnlyList<LxdInstance> all, CancellationToken cancellationToken)
    {
        var groups = all.Select(instance => (Instance: instance, Owner: InstanceOwner.Read(instance)))
            .Where(pair => pair.Owner is not null)
            .GroupBy(pair => pair.Owner!);
        foreach (var group in groups)
        {
            var owner = group.Key;
            bool orphaned;
            if (owner.IsNamed(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name))
            {
                orphaned = owner.Uid != cluster.Metadata.Uid;
            }
            else
            {
                var current = await _clusters.GetAsync(owner.Namespace, owner.Name, cancellationToken);
                orphaned = current is null || current.Metadata.Uid != owner.Uid;
                if (current is null)
                {
                    await _routes.PublishAsync(CaddyServerBuilder.ServerId(owner.Namespace, owner.Name), null, cancellationToken);
                }
            }

            if (!orphaned)
            {
                continue;
            }

            foreach (var (instance, _) in group)
            {
                BotClusterLog.DeletingOrphan(_logger, instance.Name, owner.Namespace, owner.Name, owner.Uid);
                await _remover.DeleteAsync(instance.Name, _options.StopTimeout, cancellationToken);
                _events.Normal(cluster, "InstanceDeleted", $"Deleted orphaned instance {instance.Name} of {owner.Namespace}/{owner.Name} (uid {owner.Uid})");
            }
        }
    }

    /// <summary>Checks every serving instance at once and returns what the planner needs, by instance name.</summary>
    /// <param name="spec">The cluster's spec.</param>
    /// <param name="active">Instances that are not draining.</param>
    /// <param name="specHash">Hash of the current spec, to tell outdated instances.</param>
    /// <param name="measured">Per-instance metrics of the autoscaler's last check, which rank instances for a scale-down.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    private async Task<Dictionary<string, InstanceView>> CheckHealthAsync(
        BotClusterSpec spec, List<ObservedInstance> active, string specHash, IReadOnlyList<InstanceMetrics> measured, CancellationToken cancellationToken)
    {
        var healthCheck = spec.HealthCheck;
        var timeout = Duration.TryParse(healthCheck.Timeout, out var parsed) ? parsed : TimeSpan.FromSeconds(5);
        var now = _timeProvider.GetUtcNow();

        var checks = active.Select(async instance =>
        {
            string? failure = !instance.Instance.IsRunning ? "instance is not running"
                : !healthCheck.Enabled ? null
                : instance.HostPort is not { } port ? "instance has no host port"
                : await _prober.ProbeAsync(instance.Name, port, healthCheck.Path, timeout, cancellationToken);
            var record = _health.Record(instance.Name, failure is null);
            var age = now - instance.Instance.CreatedAt;
            return new InstanceView(
                instance.Name,
                instance.SpecHash == specHash,
                HealthTracker.IsReady(record, healthCheck.Retries),
                HealthTracker.IsFailed(record, healthCheck.Retries, age, _options.StartupTimeout),
                0,
                instance.Instance.CreatedAt,
                HealthFailure: failure);
        });
        var views = (await Task.WhenAll(checks)).ToDictionary(view => view.Name, StringComparer.Ordinal);

        // Connections matter only when the planner has to choose which instances to drain.
        if (views.Count > spec.Replicas)
        {
            foreach (var view in views.Values.ToList())
            {
                int connections = await _remover.CountConnectionsAsync(view.Name, spec.Port, cancellationToken);
                double? cpu = measured.FirstOrDefault(metrics => metrics.Name == view.Name)?.CpuPercent;
                views[view.Name] = view with { Connections = connections, CpuPercent = cpu };
            }
        }

        return views;
    }

    /// <summary>Records InstanceReady for instances routed for the first time and InstanceUnhealthy for routed ones that failed their checks.</summary>
    private void RecordReadiness(BotCluster cluster, Dictionary<string, InstanceView> views, HashSet<string> ready)
    {
        if (!_routedInstances.TryGetValue(cluster.Metadata.Uid, out var routed))
        {
            routed = new HashSet<string>(StringComparer.Ordinal);
            _routedInstances[cluster.Metadata.Uid] = routed;
        }

        foreach (string instanceName in ready.Order(StringComparer.Ordinal))
        {
            if (routed.Add(instanceName))
            {
                _events.Normal(cluster, "InstanceReady", $"Instance {instanceName} passed its health check and receives traffic");
            }
        }

        foreach (var view in views.Values.Where(view => !view.Ready && routed.Contains(view.Name)).OrderBy(view => view.Name, StringComparer.Ordinal))
        {
            routed.Remove(view.Name);
            _events.Warning(cluster, "InstanceUnhealthy", $"Instance {view.Name} failed its health check and was removed from the routes");
        }

        // Draining and deleted instances are no longer checked, so they leave the set without an event.
        routed.RemoveWhere(instanceName => !views.ContainsKey(instanceName));

        RecordHealthFailures(cluster, views);
    }

    /// <summary>Records HealthCheckFailing when an instance starts failing its health check, with the failure.</summary>
    private void RecordHealthFailures(BotCluster cluster, Dictionary<string, InstanceView> views)
    {
        if (!_failingInstances.TryGetValue(cluster.Metadata.Uid, out var failing))
        {
            failing = new HashSet<string>(StringComparer.Ordinal);
            _failingInstances[cluster.Metadata.Uid] = failing;
        }

        foreach (var view in views.Values.Where(view => view.HealthFailure is not null).OrderBy(view => view.Name, StringComparer.Ordinal))
        {
            if (failing.Add(view.Name))
            {
                _events.Warning(cluster, "HealthCheckFailing", $"Instance {view.Name} failed its health check: {view.HealthFailure}");
            }
        }

        failing.RemoveWhere(instanceName => !views.TryGetValue(instanceName, out var view) || view.HealthFailure is null);
    }

    private void RecordLimitsNotApplied(BotCluster cluster, string instanceName, string? notApplied)
    {
        if (notApplied is not null)
        {
            _events.Warning(cluster, "LimitsNotApplied", $"Instance {instanceName} runs without a limit that LXD rejected: {notApplied}");
        }
    }

    private async Task AddFinalizerAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var fresh = await _clusters.GetAsync(ns, name, cancellationToken);
        if (fresh is null || fresh.Metadata.DeletionTimestamp is not null || (fresh.Metadata.Finalizers?.Contains(Finalizer) ?? false))
        {
            return;
        }

        fresh.Metadata.Finalizers = [.. fresh.Metadata.Finalizers ?? [], Finalizer];
        await _clusters.UpdateAsync(fresh, cancellationToken);
        BotClusterLog.FinalizerAdded(_logger, Finalizer);
    }

    /// <summary>Writes status through the status subresource, only when it changed.</summary>
    /// <remarks>The autoscaler writes its own parts of status too, so they are kept from the object read just before the write.</remarks>
    private async Task WriteStatusAsync(
        BotCluster cluster, ClusterObservation observation, RolloutPlan plan, ListenerProblem? listenerProblem, CancellationToken cancellationToken)
    {
        var built = BotClusterStatusBuilder.Build(cluster, observation, plan, listenerProblem, _timeProvider.GetUtcNow());
        _metrics?.RecordCluster(cluster, built);
        if (StatusComparison.EqualIgnoringTransitionTimes(cluster.Status, AutoscalingStatusWriter.KeepAutoscalerParts(built, cluster.Status)))
        {
            return;
        }

        for (int attempt = 1; ; attempt++)
        {
            var fresh = await _clusters.GetAsync(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, cancellationToken);
            if (fresh is null || fresh.Metadata.Uid != cluster.Metadata.Uid)
            {
                return;
            }

            try
            {
                await _clusters.UpdateStatusAsync(fresh with { Status = AutoscalingStatusWriter.KeepAutoscalerParts(built, fresh.Status) }, cancellationToken);
                return;
            }
            catch (ApiStatusException exception) when (exception.IsConflict && attempt < StatusWriteAttempts)
            {
                // The autoscaler wrote status in between, so read again and keep its parts.
            }
            catch (ApiStatusException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Deleted during the pass: the finalizer or the next pass cleans up.
                return;
            }
        }
    }

    private IDisposable? BeginScope(BotCluster cluster) =>
        _logger.BeginScope(new Dictionary<string, object?>
        {
            ["BotCluster"] = $"{cluster.Metadata.NamespaceProperty}/{cluster.Metadata.Name}",
            ["Uid"] = cluster.Metadata.Uid,
            ["Generation"] = cluster.Metadata.Generation,
        });

    private static TimeSpan HealthInterval(BotClusterSpec spec) =>
        Duration.TryParse(spec.HealthCheck.Interval, out var interval) && interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(10);

    /// <summary>Whether Caddy would listen only on 127.0.0.1; the operator exposes nothing beyond the host.</summary>
    internal static bool IsLoopbackListenAddress(string address)
    {
        int colon = address.LastIndexOf(':');
        return colon > 0 && address[..colon] == "127.0.0.1"
            && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            && port is > 0 and <= 65535;
    }
}
