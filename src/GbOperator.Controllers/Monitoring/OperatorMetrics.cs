using GbOperator.Controllers.Autoscaling;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;
using Prometheus;

namespace GbOperator.Controllers.Monitoring;

/// <summary>The Prometheus series of gb-operator: BotCluster sizes, autoscaler metrics and decisions, and controller work.</summary>
/// <remarks>
/// <para>
/// Every instance has its own registry, so two operators in one process (as in tests) do not share series. The
/// series of a cluster carry <c>namespace</c> and <c>name</c> labels, and a cluster's <c>spec.metrics</c> switches
/// decide which of them it publishes. A metric the autoscaler could not collect is removed from
/// <c>gbo_botcluster_*</c> rather than published as zero.
/// </para>
/// <para>The series are listed in the operator's README and used by <c>manifests/monitoring/alerting-rules.yaml</c>.</para>
/// </remarks>
public sealed class OperatorMetrics : IControllerMetrics
{
    private static readonly string[] ClusterLabels = ["namespace", "name"];
    private static readonly string[] InstanceLabels = ["namespace", "name", "instance"];

    private readonly List<Func<ControllerHealth>> _queues = [];
    private readonly Gauge _instances;
    private readonly Gauge _readyInstances;
    private readonly Gauge _desiredInstances;
    private readonly Gauge _minInstances;
    private readonly Gauge _maxInstances;
    private readonly Gauge _cpuPercent;
    private readonly Gauge _memoryPercent;
    private readonly Gauge _requestsPerMinute;
    private readonly Gauge _responseTime;
    private readonly Gauge _queueDepthPerCluster;
    private readonly Gauge _missingMetrics;
    private readonly Gauge _unavailableMetrics;
    private readonly Gauge _instanceCpuPercent;
    private readonly Gauge _instanceLoadShare;
    private readonly Gauge _instanceQueueDepth;
    private readonly Gauge _instanceConnections;
    private readonly Dictionary<(string Namespace, string Name), HashSet<string>> _publishedInstances = [];
    private readonly Counter _scalingEvents;
    private readonly Counter _scalingErrors;
    private readonly Counter _reconciles;
    private readonly Counter _reconcileErrors;
    private readonly Histogram _reconcileDuration;
    private readonly Gauge _queueDepth;

    /// <summary>Creates the series in a new registry.</summary>
    public OperatorMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);

        _instances = ClusterGauge(factory, "gbo_botcluster_instances", "Instances of the BotCluster that exist and are not draining.");
        _readyInstances = ClusterGauge(factory, "gbo_botcluster_ready_instances", "Instances of the BotCluster that passed their health check and receive traffic.");
        _desiredInstances = ClusterGauge(factory, "gbo_botcluster_desired_instances", "Instances the BotCluster's spec.replicas requests.");
        _minInstances = ClusterGauge(factory, "gbo_botcluster_min_instances", "spec.autoscaling.minInstances of an autoscaled BotCluster.");
        _maxInstances = ClusterGauge(factory, "gbo_botcluster_max_instances", "spec.autoscaling.maxInstances of an autoscaled BotCluster.");
        _cpuPercent = ClusterGauge(factory, "gbo_botcluster_cpu_usage_percent", "Average CPU use of the ready instances in percent of limits.cpu, at the last autoscaler check.");
        _memoryPercent = ClusterGauge(factory, "gbo_botcluster_memory_usage_percent", "Average memory use of the ready instances in percent of limits.memory, at the last autoscaler check.");
        _requestsPerMinute = ClusterGauge(factory, "gbo_botcluster_requests_per_minute", "Requests per minute that Caddy proxied to the BotCluster between the last two autoscaler checks.");
        _responseTime = ClusterGauge(factory, "gbo_botcluster_response_time_seconds", "Average response time of the requests between the last two autoscaler checks.");
        _queueDepthPerCluster = ClusterGauge(factory, "gbo_botcluster_queue_depth", "Average metrics.queue_depth of the health responses of the instances that report one, at the last autoscaler check.");
        _missingMetrics = ClusterGauge(factory, "gbo_autoscaler_missing_metrics", "Metrics the last autoscaler check could not collect; scale-down waits while this is above 0.");
        _unavailableMetrics = ClusterGauge(factory, "gbo_autoscaler_unavailable_metrics", "Health-response fields the instances did not report at the last autoscaler check; they do not block scale-down.");
        _instanceCpuPercent = InstanceGauge(factory, "gbo_botcluster_instance_cpu_usage_percent", "CPU use of one ready instance in percent of limits.cpu, at the last autoscaler check.");
        _instanceLoadShare = InstanceGauge(factory, "gbo_botcluster_instance_load_share", "Share of the BotCluster's CPU time that one ready instance used since the previous autoscaler check, from 0 to 1.");
        _instanceQueueDepth = InstanceGauge(factory, "gbo_botcluster_instance_queue_depth", "metrics.queue_depth of one instance's health response, at the last autoscaler check.");
        _instanceConnections = InstanceGauge(factory, "gbo_botcluster_instance_connections", "metrics.connections of one instance's health response, at the last autoscaler check.");
        _scalingEvents = factory.CreateCounter("gbo_autoscaler_scaling_events_total", "Changes of spec.replicas made by the autoscaler.",
            new CounterConfiguration { LabelNames = ["namespace", "name", "direction"] });
        _scalingErrors = factory.CreateCounter("gbo_autoscaler_scaling_errors_total", "Autoscaler decisions whose change of spec.replicas failed.",
            new CounterConfiguration { LabelNames = ClusterLabels });
        _reconciles = factory.CreateCounter("gbo_controller_reconciles_total", "Finished reconcile passes by controller and outcome.",
            new CounterConfiguration { LabelNames = ["controller", "outcome"] });
        _reconcileErrors = factory.CreateCounter("gbo_controller_reconcile_errors_total", "Reconcile passes that failed, retried or not.",
            new CounterConfiguration { LabelNames = ["controller"] });
        _reconcileDuration = factory.CreateHistogram("gbo_controller_reconcile_duration_seconds", "Duration of reconcile passes.",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        _queueDepth = factory.CreateGauge("gbo_controller_workqueue_depth", "Keys waiting in the controller's work queue.",
            new GaugeConfiguration { LabelNames = ["controller"] });

        Registry.AddBeforeCollectCallback(UpdateQueueDepths);
    }

    /// <summary>The registry to export, such as on <c>/metrics</c>.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Writes every series in the Prometheus text format.</summary>
    public Task ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        Registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    /// <summary>Reports the work-queue depth of a controller at every scrape.</summary>
    public void WatchQueue(Func<ControllerHealth> health)
    {
        ArgumentNullException.ThrowIfNull(health);
        lock (_queues)
        {
            _queues.Add(health);
        }
    }

    /// <inheritdoc/>
    public void ReconcileFinished(string controller, string outcome, TimeSpan duration)
    {
        _reconciles.WithLabels(controller, outcome).Inc();
        _reconcileDuration.WithLabels(controller).Observe(duration.TotalSeconds);
        if (outcome != ReconcileOutcome.Success)
        {
            _reconcileErrors.WithLabels(controller).Inc();
        }
    }

    /// <summary>Publishes the size of a cluster after a reconcile pass wrote its status.</summary>
    public void RecordCluster(BotCluster cluster, BotClusterStatus status)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(status);
        string[] labels = Labels(cluster);
        var spec = cluster.Spec;
        if (!spec.Metrics.ContainerCount)
        {
            _instances.RemoveLabelled(labels);
            _readyInstances.RemoveLabelled(labels);
        }
        else
        {
            _instances.WithLabels(labels).Set(status.CurrentReplicas);
            _readyInstances.WithLabels(labels).Set(status.ReadyReplicas);
        }

        _desiredInstances.WithLabels(labels).Set(spec.Replicas);
        if (spec.Autoscaling.Enabled)
        {
            _minInstances.WithLabels(labels).Set(spec.Autoscaling.MinInstances);
            _maxInstances.WithLabels(labels).Set(spec.Autoscaling.MaxInstances);
        }
        else
        {
            _minInstances.RemoveLabelled(labels);
            _maxInstances.RemoveLabelled(labels);
        }
    }

    /// <summary>Publishes the metrics of one autoscaler check. An absent value removes its series.</summary>
    internal void RecordSample(BotCluster cluster, MetricSample sample)
    {
        string[] labels = Labels(cluster);
        if (!cluster.Spec.Metrics.ScalingEnabled)
        {
            ForgetSamples(labels);
            return;
        }

        Publish(_cpuPercent, labels, sample.CpuPercent);
        Publish(_memoryPercent, labels, sample.MemoryPercent);
        Publish(_requestsPerMinute, labels, sample.RequestsPerMinute);
        Publish(_responseTime, labels, sample.ResponseTime?.TotalSeconds);
        Publish(_queueDepthPerCluster, labels, sample.QueueDepth);
        _missingMetrics.WithLabels(labels).Set(sample.Missing.Count);
        _unavailableMetrics.WithLabels(labels).Set(sample.Unavailable.Count);
        RecordInstances(cluster, labels, sample);
    }

    /// <summary>Publishes the series of each ready instance and removes those of instances that left or are switched off.</summary>
    private void RecordInstances(BotCluster cluster, string[] labels, MetricSample sample)
    {
        var key = (labels[0], labels[1]);
        var published = new HashSet<string>(StringComparer.Ordinal);
        if (cluster.Spec.Metrics.LoadDistribution)
        {
            var shares = LoadDistribution.Shares(sample.Instances);
            foreach (var instance in sample.Instances)
            {
                string[] instanceLabels = [labels[0], labels[1], instance.Name];
                Publish(_instanceCpuPercent, instanceLabels, instance.CpuPercent);
                Publish(_instanceLoadShare, instanceLabels, shares.TryGetValue(instance.Name, out double share) ? share : null);
                Publish(_instanceQueueDepth, instanceLabels, instance.Health?.QueueDepth);
                Publish(_instanceConnections, instanceLabels, instance.Health?.Connections);
                published.Add(instance.Name);
            }
        }

        lock (_publishedInstances)
        {
            if (_publishedInstances.TryGetValue(key, out var earlier))
            {
                foreach (string gone in earlier.Where(name => !published.Contains(name)))
                {
                    RemoveInstance([labels[0], labels[1], gone]);
                }
            }

            _publishedInstances[key] = published;
        }
    }

    private void RemoveInstance(string[] instanceLabels)
    {
        foreach (var gauge in new[] { _instanceCpuPercent, _instanceLoadShare, _instanceQueueDepth, _instanceConnections })
        {
            gauge.RemoveLabelled(instanceLabels);
        }
    }

    /// <summary>Counts one change of spec.replicas in <paramref name="direction"/> (<c>up</c> or <c>down</c>).</summary>
    internal void RecordScalingEvent(BotCluster cluster, string direction)
    {
        if (cluster.Spec.Metrics.ScalingEnabled && cluster.Spec.Metrics.ScalingEvents)
        {
            _scalingEvents.WithLabels(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, direction).Inc();
        }
    }

    /// <summary>Counts one failed change of spec.replicas.</summary>
    /// <remarks>Counted whatever <c>spec.metrics</c> sets, because the ScalingFailed alert depends on it.</remarks>
    internal void RecordScalingError(BotCluster cluster) => _scalingErrors.WithLabels(Labels(cluster)).Inc();

    /// <summary>Removes the autoscaler's series of a cluster whose autoscaling is off.</summary>
    internal void ForgetAutoscaling(BotCluster cluster) => ForgetSamples(Labels(cluster));

    /// <summary>Removes every gauge of a deleted cluster. Counters stay, as Prometheus expects of counters.</summary>
    public void ForgetCluster(string @namespace, string name)
    {
        string[] labels = [@namespace, name];
        foreach (var gauge in new[] { _instances, _readyInstances, _desiredInstances, _minInstances, _maxInstances })
        {
            gauge.RemoveLabelled(labels);
        }

        ForgetSamples(labels);
    }

    private void ForgetSamples(string[] labels)
    {
        foreach (var gauge in new[] { _cpuPercent, _memoryPercent, _requestsPerMinute, _responseTime, _queueDepthPerCluster, _missingMetrics, _unavailableMetrics })
        {
            gauge.RemoveLabelled(labels);
        }

        lock (_publishedInstances)
        {
            if (_publishedInstances.Remove((labels[0], labels[1]), out var published))
            {
                foreach (string instance in published)
                {
                    RemoveInstance([labels[0], labels[1], instance]);
                }
            }
        }
    }

    private void UpdateQueueDepths()
    {
        lock (_queues)
        {
            foreach (var health in _queues)
            {
                var report = health();
                _queueDepth.WithLabels(report.Name).Set(report.QueueLength);
            }
        }
    }

    private static void Publish(Gauge gauge, string[] labels, double? value)
    {
        if (value is { } number)
        {
            gauge.WithLabels(labels).Set(number);
        }
        else
        {
            gauge.RemoveLabelled(labels);
        }
    }

    private static Gauge ClusterGauge(MetricFactory factory, string name, string help) =>
        factory.CreateGauge(name, help, new GaugeConfiguration { LabelNames = ClusterLabels });

    private static Gauge InstanceGauge(MetricFactory factory, string name, string help) =>
        factory.CreateGauge(name, help, new GaugeConfiguration { LabelNames = InstanceLabels });

    private static string[] Labels(BotCluster cluster) => [cluster.Metadata.NamespaceProperty, cluster.Metadata.Name];
}
