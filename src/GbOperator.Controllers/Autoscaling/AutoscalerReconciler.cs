using System.Globalization;
using System.Net;
using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Monitoring;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>Sets <c>spec.replicas</c> of each autoscaled BotCluster from its metrics, once per <c>checkInterval</c>.</summary>
/// <remarks>
/// <para>
/// A check collects a <see cref="MetricSample"/>, gets a decision from <see cref="ScaleDecider"/> and, when the
/// count changes, merge-patches <c>spec.replicas</c> through the API server as field manager
/// <see cref="FieldManager"/>. The BotCluster reconciler then creates instances, or drains and removes the least
/// busy ones. Every decision that changes the count, finds the cluster at <c>maxInstances</c> or lacks a metric is
/// an event, and each check writes <c>status.autoscaling</c> and the <c>MaxInstancesReached</c> condition.
/// </para>
/// <para>
/// Passes that the cluster's own changes cause before the interval ends only requeue the key. The last scaling time
/// lives in status, so the cooldown survives a restart; the metric history does not (see <see cref="MetricHistory"/>).
/// Run the controller with one worker: the per-cluster state is not locked.
/// </para>
/// </remarks>
public sealed class AutoscalerReconciler : IReconciler<BotCluster>
{
    /// <summary>Field manager of the autoscaler's writes of <c>spec.replicas</c>.</summary>
    public const string FieldManager = "gb-autoscaler";

    private const int StatusWriteAttempts = 3;

    private readonly IResourceClient<BotCluster> _clusters;
    private readonly ILxdClient _lxd;
    private readonly ICaddyAdminClient _caddy;
    private readonly IHealthReader _health;
    private readonly string _lxdProject;
    private readonly IEventRecorder _events;
    private readonly OperatorMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<AutoscalerReconciler> _logger;
    private readonly Dictionary<string, ClusterScalingState> _states = new(StringComparer.Ordinal);

    /// <summary>Creates the reconciler.</summary>
    /// <param name="clusters">Client of the API server's BotCluster resource.</param>
    /// <param name="lxd">LXD client for instance state.</param>
    /// <param name="caddy">Caddy admin client for request metrics.</param>
    /// <param name="healthClient">HTTP client that reads the instances' health responses on 127.0.0.1.</param>
    /// <param name="lxdProject">LXD project of the instances.</param>
    /// <param name="events">Recorder of the decisions as events.</param>
    /// <param name="metrics">Prometheus series the checks update.</param>
    /// <param name="loggerFactory">Logger factory.</param>
    /// <param name="timeProvider">Clock of checks, windows and the cooldown; the system clock when <c>null</c>.</param>
    public AutoscalerReconciler(
        IResourceClient<BotCluster> clusters,
        ILxdClient lxd,
        ICaddyAdminClient caddy,
        HttpClient healthClient,
        string lxdProject,
        IEventRecorder events,
        OperatorMetrics metrics,
        ILoggerFactory loggerFactory,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(lxd);
        ArgumentNullException.ThrowIfNull(caddy);
        ArgumentNullException.ThrowIfNull(healthClient);
        ArgumentException.ThrowIfNullOrEmpty(lxdProject);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        _clusters = clusters;
        _lxd = lxd;
        _caddy = caddy;
        _health = new HttpHealthReader(healthClient);
        _lxdProject = lxdProject;
        _events = events;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory.CreateLogger<AutoscalerReconciler>();
    }

    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(BotCluster resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        string key = $"{resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}";
        if (!resource.Spec.Autoscaling.Enabled)
        {
            _states.Remove(key);
            _metrics.ForgetAutoscaling(resource);
            if (resource.Status?.Autoscaling is not null)
            {
                await UpdateStatusAsync(resource, status => AutoscalingStatusWriter.KeepAutoscalerParts(status, source: null), cancellationToken);
            }

            return ReconcileResult.Done();
        }

        // Changes of the cluster itself wake this pass up early, but the check still runs once per interval.
        var policy = AutoscalingPolicy.From(resource.Spec.Autoscaling);
        var state = StateOf(key, resource.Metadata.Uid);
        var now = _timeProvider.GetUtcNow();
        if (state.LastCheck is { } last && now - last < policy.CheckInterval)
        {
            return ReconcileResult.RequeueAfter(policy.CheckInterval - (now - last));
        }

        state.LastCheck = now;
        var (sample, inFlight) = await state.Collector.CollectAsync(resource, cancellationToken);
        state.History.Add(sample, policy.LongestWindow);
        _metrics.RecordSample(resource, sample);

        var lastScaleTime = Latest(
            resource.Status?.Autoscaling?.LastScaleTime is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null,
            state.LastScaleTime);
        int current = resource.Spec.Replicas;
        var decision = ScaleDecider.Decide(policy, current, state.History.Samples, lastScaleTime, now);
        RecordDecisionEvents(resource, state, sample, decision);

        if (decision.Scales)
        {
            switch (await ScaleAsync(resource, current, decision, cancellationToken))
            {
                case ScaleOutcome.Raced:
                    // Someone else changed the cluster in between, so the next check decides on the fresh object.
                    return ReconcileResult.RequeueAfter(policy.CheckInterval);
                case ScaleOutcome.Failed:
                    await WriteStatusAsync(resource, sample, inFlight, decision, lastScaleTime, cancellationToken);
                    return ReconcileResult.Failure($"Changing spec.replicas from {current} to {decision.DesiredReplicas} failed. The ScalingFailed event has the error.");
                default:
                    lastScaleTime = now;
                    state.LastScaleTime = now;
                    break;
            }
        }
        else
        {
            AutoscalerLog.Held(_logger, decision.Message);
        }

        await WriteStatusAsync(resource, sample, inFlight, decision, lastScaleTime, cancellationToken);
        return ReconcileResult.RequeueAfter(policy.CheckInterval);
    }

    /// <inheritdoc/>
    public Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        _states.Remove($"{key.Namespace}/{key.Name}");
        _metrics.ForgetCluster(key.Namespace ?? "", key.Name);
        return Task.FromResult(ReconcileResult.Done());
    }

    /// <summary>Returns the state of the cluster at <paramref name="key"/>, starting afresh when the name now belongs to another uid.</summary>
    private ClusterScalingState StateOf(string key, string uid)
    {
        if (!_states.TryGetValue(key, out var state) || state.Uid != uid)
        {
            var collector = new ClusterMetricsCollector(_lxd, _caddy, _health, _lxdProject, _timeProvider, _loggerFactory.CreateLogger<ClusterMetricsCollector>());
            state = new ClusterScalingState(uid, collector);
            _states[key] = state;
        }

        return state;
    }

    /// <summary>Records MetricsMissing when the set of failed metrics changes and MaxInstancesReached when the condition turns true.</summary>
    /// <remarks>The values in the messages change at every check, so recording them at every check would create an event each time.</remarks>
    private void RecordDecisionEvents(BotCluster cluster, ClusterScalingState state, MetricSample sample, ScaleDecision decision)
    {
        // A metric that only waits for its second reading is expected after a start, so only failures are events.
        var failures = sample.Missing.Where(missing => missing.IsFailure).ToList();
        string failedMetrics = string.Join(",", failures.Select(missing => missing.Metric).Distinct().Order(StringComparer.Ordinal));
        if (failures.Count > 0 && failedMetrics != state.FailedMetrics)
        {
            _events.Warning(cluster, "MetricsMissing", $"Metrics missing at this check, so the cluster does not scale down: {string.Join("; ", failures)}");
        }

        state.FailedMetrics = failedMetrics;

        bool wasReached = cluster.Status?.Conditions?.Any(condition =>
            condition.Type == AutoscalingStatusWriter.MaxInstancesReached && condition.Status == "True") == true;
        if (decision.MaxInstancesReached && !wasReached)
        {
            _events.Warning(cluster, AutoscalingStatusWriter.MaxInstancesReached, decision.Message);
        }
    }

    private async Task<ScaleOutcome> ScaleAsync(BotCluster cluster, int current, ScaleDecision decision, CancellationToken cancellationToken)
    {
        string patch = string.Create(CultureInfo.InvariantCulture,
            $$$"""{"metadata":{"resourceVersion":"{{{cluster.Metadata.ResourceVersion}}}"},"spec":{"replicas":{{{decision.DesiredReplicas}}}}}""");
        try
        {
            await _clusters.MergePatchAsync(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, patch, FieldManager, cancellationToken);
        }
        catch (ApiStatusException exception) when (exception.IsConflict)
        {
            AutoscalerLog.ScalingRaced(_logger);
            return ScaleOutcome.Raced;
        }
        catch (Exception exception) when (exception is ApiStatusException or HttpRequestException)
        {
            AutoscalerLog.ScalingFailed(_logger, exception, current, decision.DesiredReplicas);
            _metrics.RecordScalingError(cluster);
            _events.Warning(cluster, "ScalingFailed", $"Changing spec.replicas from {current} to {decision.DesiredReplicas} failed: {exception.Message}");
            return ScaleOutcome.Failed;
        }

        string direction = decision.Direction == ScaleDirection.Up ? "up" : "down";
        AutoscalerLog.Scaled(_logger, current, decision.DesiredReplicas, decision.Rule ?? "", decision.Message);
        _metrics.RecordScalingEvent(cluster, direction);
        _events.Normal(cluster, decision.Direction == ScaleDirection.Up ? "AutoscaledUp" : "AutoscaledDown", decision.Message);
        return ScaleOutcome.Scaled;
    }

    private Task WriteStatusAsync(
        BotCluster cluster, MetricSample sample, int? inFlight, ScaleDecision decision, DateTimeOffset? lastScaleTime, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var autoscaling = new AutoscalingStatus
        {
            CurrentMetrics = new ClusterMetrics
            {
                SampledAt = sample.Time.UtcDateTime,
                Instances = (cluster.Status?.Instances ?? []).Count(instance => instance.Ready && !instance.Draining),
                CpuPercent = Round(sample.CpuPercent),
                MemoryPercent = Round(sample.MemoryPercent),
                RequestsPerMinute = Round(sample.RequestsPerMinute),
                ResponseTimeMilliseconds = Round(sample.ResponseTime?.TotalMilliseconds),
                InFlightRequests = inFlight,
                QueueDepth = Round(sample.QueueDepth),
            },
            Instances = InstanceMetricsOf(sample),
            MissingMetrics = sample.Missing.Select(missing => missing.ToString()).ToList(),
            UnavailableMetrics = sample.Unavailable,
            DesiredReplicas = decision.DesiredReplicas,
            LastScaleTime = lastScaleTime?.UtcDateTime,
            NextScaleTime = (lastScaleTime + AutoscalingPolicy.From(cluster.Spec.Autoscaling).Cooldown)?.UtcDateTime,
            LastDecision = decision.Message,
        };
        string maxMessage = decision.MaxInstancesReached
            ? decision.Message
            : $"The cluster can grow to maxInstances {cluster.Spec.Autoscaling.MaxInstances}.";

        return UpdateStatusAsync(
            cluster,
            status =>
            {
                var conditions = new ConditionSet(status.Conditions, cluster.Metadata.Generation, now)
                    .Set(AutoscalingStatusWriter.MaxInstancesReached, decision.MaxInstancesReached,
                        decision.MaxInstancesReached ? "ScaleUpBlocked" : "WithinBounds", maxMessage)
                    .Conditions;
                var owned = new BotClusterStatus { Autoscaling = autoscaling, Conditions = conditions };
                return AutoscalingStatusWriter.KeepAutoscalerParts(status, owned);
            },
            cancellationToken);
    }

    /// <summary>Writes the autoscaler's parts of status onto a fresh read, and reads again when another writer got in between.</summary>
    private async Task UpdateStatusAsync(BotCluster cluster, Func<BotClusterStatus, BotClusterStatus> change, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var fresh = await _clusters.GetAsync(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, cancellationToken);
            if (fresh is null || fresh.Metadata.Uid != cluster.Metadata.Uid)
            {
                return;
            }

            try
            {
                await _clusters.UpdateStatusAsync(fresh with { Status = change(fresh.Status ?? new BotClusterStatus()) }, cancellationToken);
                return;
            }
            catch (ApiStatusException exception) when (exception.IsConflict && attempt < StatusWriteAttempts)
            {
                // The BotCluster reconciler wrote status in between, so read again and keep its parts.
            }
            catch (ApiStatusException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }
        }
    }

    private static List<InstanceMetrics> InstanceMetricsOf(MetricSample sample)
    {
        var shares = LoadDistribution.Shares(sample.Instances);
        return sample.Instances
            .Select(instance => new InstanceMetrics
            {
                Name = instance.Name,
                CpuPercent = Round(instance.CpuPercent),
                LoadShare = shares.TryGetValue(instance.Name, out double share) ? Math.Round(share, 3) : null,
                QueueDepth = Round(instance.Health?.QueueDepth),
                Connections = Round(instance.Health?.Connections),
                ReportedCpuPercent = Round(instance.Health?.CpuPercent),
                ReportedMemoryPercent = Round(instance.Health?.MemoryPercent),
            })
            .ToList();
    }

    private static DateTimeOffset? Latest(DateTimeOffset? first, DateTimeOffset? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return first > second ? first : second;
    }

    private static double? Round(double? value) => value is { } number ? Math.Round(number, 1) : null;

    private enum ScaleOutcome
    {
        Scaled,
        Raced,
        Failed,
    }
}
