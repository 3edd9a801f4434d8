using GbOperator.Controllers.Autoscaling;
using GbOperator.Controllers.Monitoring;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.Tests.Monitoring;

public class OperatorMetricsTests
{
    private static readonly BotCluster Cluster = new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = "u1" },
        Spec = new BotClusterSpec { Replicas = 3, Autoscaling = new AutoscalingSpec { Enabled = true, MinInstances = 1, MaxInstances = 3 } },
    };

    [Fact]
    public async Task Export_AfterReconcileAndScaling_ContainsTheSeries()
    {
        var metrics = new OperatorMetrics();
        metrics.WatchQueue(() => new ControllerHealth("botclusters", true, true, null, 0, 4, 1));

        metrics.RecordCluster(Cluster, new BotClusterStatus { CurrentReplicas = 3, ReadyReplicas = 2 });
        metrics.RecordSample(Cluster, new MetricSample(DateTimeOffset.UnixEpoch, 91.5, null, 12, null, null, []));
        metrics.RecordScalingEvent(Cluster, "up");
        metrics.RecordScalingError(Cluster);
        metrics.ReconcileFinished("botclusters", ReconcileOutcome.Success, TimeSpan.FromMilliseconds(20));
        metrics.ReconcileFinished("botclusters", ReconcileOutcome.Error, TimeSpan.FromMilliseconds(20));
        string text = await ExportAsync(metrics);

        text.Should().Contain("gbo_botcluster_instances{namespace=\"default\",name=\"web\"} 3");
        text.Should().Contain("gbo_botcluster_ready_instances{namespace=\"default\",name=\"web\"} 2");
        text.Should().Contain("gbo_botcluster_desired_instances{namespace=\"default\",name=\"web\"} 3");
        text.Should().Contain("gbo_botcluster_max_instances{namespace=\"default\",name=\"web\"} 3");
        text.Should().Contain("gbo_botcluster_cpu_usage_percent{namespace=\"default\",name=\"web\"} 91.5");
        text.Should().Contain("gbo_autoscaler_scaling_events_total{namespace=\"default\",name=\"web\",direction=\"up\"} 1");
        text.Should().Contain("gbo_autoscaler_scaling_errors_total{namespace=\"default\",name=\"web\"} 1");
        text.Should().Contain("gbo_controller_reconciles_total{controller=\"botclusters\",outcome=\"success\"} 1");
        text.Should().Contain("gbo_controller_reconcile_errors_total{controller=\"botclusters\"} 1");
        text.Should().Contain("gbo_controller_reconcile_duration_seconds_count{controller=\"botclusters\"} 2");
        text.Should().Contain("gbo_controller_workqueue_depth{controller=\"botclusters\"} 4");
    }

    [Fact]
    public async Task RecordSample_MissingValue_RemovesTheSeries()
    {
        var metrics = new OperatorMetrics();
        metrics.RecordSample(Cluster, new MetricSample(DateTimeOffset.UnixEpoch, 50, null, 12, null, null, []));

        metrics.RecordSample(Cluster, new MetricSample(DateTimeOffset.UnixEpoch, null, null, 12, null, null, [new MissingMetric("cpu", "reading failed", IsFailure: true)]));
        string text = await ExportAsync(metrics);

        text.Should().NotContain("gbo_botcluster_cpu_usage_percent{");
        text.Should().Contain("gbo_autoscaler_missing_metrics{namespace=\"default\",name=\"web\"} 1");
    }

    [Fact]
    public async Task ForgetCluster_RemovesGaugesAndKeepsCounters()
    {
        var metrics = new OperatorMetrics();
        metrics.RecordCluster(Cluster, new BotClusterStatus { CurrentReplicas = 3 });
        metrics.RecordScalingEvent(Cluster, "down");

        metrics.ForgetCluster("default", "web");
        string text = await ExportAsync(metrics);

        text.Should().NotContain("gbo_botcluster_instances{");
        text.Should().Contain("gbo_autoscaler_scaling_events_total{namespace=\"default\",name=\"web\",direction=\"down\"} 1");
    }

    [Fact]
    public async Task RecordSample_Instances_PublishesTheirSeries()
    {
        var metrics = new OperatorMetrics();

        metrics.RecordSample(Cluster, SampleOf(Instance("web-1", 60, queueDepth: 120), Instance("web-2", 20, queueDepth: 80)));
        string text = await ExportAsync(metrics);

        text.Should().Contain("gbo_botcluster_queue_depth{namespace=\"default\",name=\"web\"} 100");
        text.Should().Contain("gbo_botcluster_instance_cpu_usage_percent{namespace=\"default\",name=\"web\",instance=\"web-1\"} 60");
        text.Should().Contain("gbo_botcluster_instance_load_share{namespace=\"default\",name=\"web\",instance=\"web-1\"} 0.75");
        text.Should().Contain("gbo_botcluster_instance_load_share{namespace=\"default\",name=\"web\",instance=\"web-2\"} 0.25");
        text.Should().Contain("gbo_botcluster_instance_queue_depth{namespace=\"default\",name=\"web\",instance=\"web-2\"} 80");
        text.Should().Contain("gbo_botcluster_instance_connections{namespace=\"default\",name=\"web\",instance=\"web-2\"} 5");
        text.Should().Contain("gbo_autoscaler_unavailable_metrics{namespace=\"default\",name=\"web\"} 0");
    }

    [Fact]
    public async Task RecordSample_InstanceLeft_RemovesItsSeries()
    {
        var metrics = new OperatorMetrics();
        metrics.RecordSample(Cluster, SampleOf(Instance("web-1", 60, queueDepth: 1), Instance("web-2", 20, queueDepth: 2)));

        metrics.RecordSample(Cluster, SampleOf(Instance("web-1", 60, queueDepth: 1)));
        string text = await ExportAsync(metrics);

        text.Should().NotContain("instance=\"web-2\"");
        text.Should().Contain("gbo_botcluster_instance_load_share{namespace=\"default\",name=\"web\",instance=\"web-1\"} 1");
    }

    [Fact]
    public async Task RecordSample_NoQueueDepth_NoSeries()
    {
        var metrics = new OperatorMetrics();
        var instance = new InstanceSample("web-1", 10, new HealthReport(null, null, null, null, [new UnavailableField("queueDepth", "metrics.queue_depth is absent")]));

        metrics.RecordSample(Cluster, new MetricSample(DateTimeOffset.UnixEpoch, 10, null, 0, null, null, [])
        {
            Instances = [instance],
            Unavailable = ["queueDepth: instance web-1: metrics.queue_depth is absent"],
        });
        string text = await ExportAsync(metrics);

        text.Should().NotContain("gbo_botcluster_queue_depth{");
        text.Should().NotContain("gbo_botcluster_instance_queue_depth{");
        text.Should().Contain("gbo_autoscaler_unavailable_metrics{namespace=\"default\",name=\"web\"} 1");
    }

    [Fact]
    public async Task RecordSample_LoadDistributionOff_NoInstanceSeries()
    {
        var metrics = new OperatorMetrics();
        metrics.RecordSample(Cluster, SampleOf(Instance("web-1", 60, queueDepth: 1)));
        var quiet = Cluster with { Spec = Cluster.Spec with { Metrics = new MetricsSpec { LoadDistribution = false } } };

        metrics.RecordSample(quiet, SampleOf(Instance("web-1", 60, queueDepth: 1)));
        string text = await ExportAsync(metrics);

        text.Should().NotContain("instance=\"web-1\"");
        text.Should().Contain("gbo_botcluster_queue_depth{namespace=\"default\",name=\"web\"} 1");
    }

    [Fact]
    public async Task ForgetCluster_RemovesInstanceSeries()
    {
        var metrics = new OperatorMetrics();
        metrics.RecordSample(Cluster, SampleOf(Instance("web-1", 60, queueDepth: 1)));

        metrics.ForgetCluster("default", "web");

        (await ExportAsync(metrics)).Should().NotContain("instance=\"web-1\"");
    }

    private static InstanceSample Instance(string name, double cpu, double queueDepth) =>
        new(name, cpu, new HealthReport(null, null, 5, queueDepth, []));

    private static MetricSample SampleOf(params InstanceSample[] instances) =>
        new(DateTimeOffset.UnixEpoch, instances.Average(instance => instance.CpuPercent), null, 0, null,
            instances.Average(instance => instance.Health!.QueueDepth), [])
        {
            Instances = instances,
        };

    [Fact]
    public async Task Registries_OfTwoInstances_AreSeparate()
    {
        var first = new OperatorMetrics();
        var second = new OperatorMetrics();

        first.RecordScalingError(Cluster);

        (await ExportAsync(second)).Should().NotContain("gbo_autoscaler_scaling_errors_total{");
    }

    private static async Task<string> ExportAsync(OperatorMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
