using System.Text;
using GbOperator.Controllers.Autoscaling;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources.BotClusters;

namespace GbOperator.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class AutoscalingTests(EndToEndFixture services)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    /// <summary>Short times, so that a test grows and shrinks a cluster in a few minutes. Checks run every 2 s, the cooldown is 8 s and the scale-down window 12 s.</summary>
    private static AutoscalingSpec FastAutoscaling(int min, int max) => new()
    {
        Enabled = true,
        MinInstances = min,
        MaxInstances = max,
        CpuThreshold = 30,
        MemoryThreshold = 95,
        RequestThreshold = 100_000,
        Cooldown = "8s",
        CheckInterval = "2s",
        ScaleDownWindow = "12s",
        Tolerance = 0,
        Rules = new ScaleRules { CpuLow = new ThresholdRule { Threshold = 10, Action = ScaleAction.Down } },
    };

    [Fact]
    public async Task CpuLoad_RaisedThenRemoved_GrowsThenShrinks()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        var cluster = environment.NewCluster("cpu", 1, listenPort);
        await environment.CreateAsync(cluster with { Spec = cluster.Spec with { Autoscaling = FastAutoscaling(1, 3) } });
        await environment.WaitForStatusAsync("cpu", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");

        await using var loader = new CpuLoader(environment, TimeSpan.FromMinutes(4));
        var full = await environment.WaitForStatusAsync(
            "cpu",
            c => OperatorTestEnvironment.IsReady(c, 3) && HasCondition(c, AutoscalingStatusWriter.MaxInstancesReached, "True"),
            Deadline,
            "the loaded cluster has 3 ready instances and reports MaxInstancesReached");
        var grown = await environment.ListEventsAsync("cpu");

        await using var sampler = new RouteSampler(environment, "cpu", TimeSpan.FromMinutes(3));
        await loader.StopAsync();
        var shrunk = await environment.WaitForStatusAsync("cpu", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "the idle cluster is back at 1 instance");
        await Wait.UntilAsync(async () => (await environment.ListInstancesAsync()).Count == 1, Deadline, "the drained instances are deleted");
        await sampler.StopAsync();
        var events = await environment.ListEventsAsync("cpu");
        string metrics = await environment.ExportMetricsAsync();

        grown.Where(e => e.Reason == "AutoscaledUp").Select(e => e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)])
            .Should().Equal("Scaling up from 1 to 2 instances", "Scaling up from 2 to 3 instances");
        grown.Should().Contain(e => e.Reason == "AutoscaledUp" && e.Message.Contains("above cpuThreshold 30%", StringComparison.Ordinal));
        grown.Should().Contain(e => e.Reason == AutoscalingStatusWriter.MaxInstancesReached && e.Message.Contains("maxInstances 3", StringComparison.Ordinal));
        full.Status!.Autoscaling!.CurrentMetrics!.CpuPercent.Should().BeGreaterThan(30);
        full.Status.Autoscaling.LastScaleTime.Should().NotBeNull();
        full.Status.Autoscaling.NextScaleTime.Should().Be(full.Status.Autoscaling.LastScaleTime!.Value.AddSeconds(8));

        events.Where(e => e.Reason == "AutoscaledDown").Select(e => e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)])
            .Should().Equal("Scaling down from 3 to 2 instances", "Scaling down from 2 to 1 instances");
        events.Should().Contain(e => e.Reason == "AutoscaledDown" && e.Message.Contains("below rules.cpuLow 10%", StringComparison.Ordinal));
        events.Count(e => e.Reason == "InstanceDraining").Should().Be(2);
        sampler.Samples.Should().BeGreaterThan(0);
        sampler.Violations.Should().BeEmpty();
        shrunk.Status!.Conditions.Should().Contain(c => c.Type == AutoscalingStatusWriter.MaxInstancesReached && c.Status == "False");
        shrunk.Spec.Replicas.Should().Be(1);

        metrics.Should().Contain("gbo_autoscaler_scaling_events_total{namespace=\"default\",name=\"cpu\",direction=\"up\"} 2");
        metrics.Should().Contain("gbo_autoscaler_scaling_events_total{namespace=\"default\",name=\"cpu\",direction=\"down\"} 2");
        metrics.Should().Contain("gbo_botcluster_instances{namespace=\"default\",name=\"cpu\"} 1");
        metrics.Should().Contain("gbo_botcluster_desired_instances{namespace=\"default\",name=\"cpu\"} 1");
        metrics.Should().Contain("gbo_botcluster_max_instances{namespace=\"default\",name=\"cpu\"} 3");
        metrics.Should().Contain("gbo_botcluster_cpu_usage_percent{namespace=\"default\",name=\"cpu\"}");
        metrics.Should().Contain("gbo_controller_reconciles_total{controller=\"autoscaler\",outcome=\"success\"}");
        metrics.Should().Contain("gbo_controller_workqueue_depth{controller=\"botclusters\"}");
        metrics.Should().NotContain("gbo_autoscaler_scaling_errors_total{");
    }

    [Fact]
    public async Task RequestRate_AboveThreshold_ScalesUp()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        var cluster = environment.NewCluster("rate", 1, listenPort);
        var autoscaling = FastAutoscaling(1, 2) with { CpuThreshold = 100, RequestThreshold = 120, Cooldown = "5m" };
        await environment.CreateAsync(cluster with { Spec = cluster.Spec with { Autoscaling = autoscaling } });
        await environment.WaitForStatusAsync("rate", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");

        // One request at a time, at most 2000. The stand-in serves several per second, which is above the threshold of 2 per second.
        await using var loop = new RequestLoop(new Uri($"http://127.0.0.1:{listenPort}/api/whoami"), maxRequests: 2000, TimeSpan.FromMinutes(2));
        var scaled = await environment.WaitForStatusAsync("rate", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "the cluster under request load has 2 ready instances");
        await loop.StopAsync();
        var events = await environment.ListEventsAsync("rate");

        events.Should().ContainSingle(e => e.Reason == "AutoscaledUp")
            .Which.Message.Should().StartWith("Scaling up from 1 to 2 instances: requests").And.Contain("above requestThreshold 120/min");
        scaled.Status!.Autoscaling!.CurrentMetrics!.RequestsPerMinute.Should().BeGreaterThan(120);
        loop.Failures.Should().BeEmpty();
        (await environment.ExportMetricsAsync()).Should().Contain("gbo_autoscaler_scaling_events_total{namespace=\"default\",name=\"rate\",direction=\"up\"} 1");
    }

    [Fact]
    public async Task QueueDepth_AboveThreshold_ScalesUp()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        var cluster = environment.NewCluster("queue", 1, FreePort.Next());
        var autoscaling = FastAutoscaling(1, 2) with
        {
            CpuThreshold = 100,
            Cooldown = "5m",
            Rules = new ScaleRules
            {
                CpuLow = new ThresholdRule { Threshold = 10, Action = ScaleAction.Down },
                QueueDepth = new ThresholdRule { Threshold = 50, Action = ScaleAction.Up },
            },
        };
        await environment.CreateAsync(cluster with { Spec = cluster.Spec with { Autoscaling = autoscaling } });
        var idle = await environment.WaitForStatusAsync(
            "queue",
            c => OperatorTestEnvironment.IsReady(c, 1) && c.Status!.Autoscaling?.UnavailableMetrics.Count > 0,
            Deadline,
            "1 instance is ready and the autoscaler has read its health response");
        string first = idle.Status!.Instances.Single().Name;

        await PushKnobAsync(environment, first, "queue-depth", "120");
        var scaled = await environment.WaitForStatusAsync("queue", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "the cluster with a deep queue has 2 ready instances");
        var events = await environment.ListEventsAsync("queue");
        string metrics = await environment.ExportMetricsAsync();

        idle.Status.Autoscaling!.UnavailableMetrics.Should().Contain($"queueDepth: instance {first}: metrics.queue_depth is absent");
        idle.Status.Autoscaling.CurrentMetrics!.QueueDepth.Should().BeNull();
        events.Should().ContainSingle(e => e.Reason == "AutoscaledUp")
            .Which.Message.Should().StartWith("Scaling up from 1 to 2 instances: queue depth 120 above rules.queueDepth 50");
        scaled.Status!.Autoscaling!.CurrentMetrics!.QueueDepth.Should().Be(120);
        scaled.Status.Autoscaling.Instances.Should().Contain(i => i.Name == first && i.QueueDepth == 120);
        metrics.Should().Contain("gbo_botcluster_queue_depth{namespace=\"default\",name=\"queue\"} 120");
        metrics.Should().Contain($"gbo_botcluster_instance_queue_depth{{namespace=\"default\",name=\"queue\",instance=\"{first}\"}} 120");
        metrics.Should().Contain("gbo_autoscaler_scaling_events_total{namespace=\"default\",name=\"queue\",direction=\"up\"} 1");
    }

    [Fact]
    public async Task ScaleDown_DrainsTheLowestCpuInstance()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        var cluster = environment.NewCluster("busy", 2, FreePort.Next());
        // The autoscaler only measures here. CPU cannot reach 150 %, and a queue depth of 120 is inside the tolerance
        // band of rules.queueDepth 100, so it neither scales up nor lets the cluster count as low enough to shrink.
        var autoscaling = FastAutoscaling(1, 2) with
        {
            CpuThreshold = 100,
            Tolerance = 50,
            Cooldown = "5m",
            Rules = new ScaleRules
            {
                CpuLow = new ThresholdRule { Threshold = 10, Action = ScaleAction.Down },
                QueueDepth = new ThresholdRule { Threshold = 100, Action = ScaleAction.Up },
            },
        };
        await environment.CreateAsync(cluster with { Spec = cluster.Spec with { Autoscaling = autoscaling } });
        await environment.WaitForStatusAsync("busy", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "2 instances are ready");
        foreach (var instance in await environment.ListInstancesAsync())
        {
            await PushKnobAsync(environment, instance.Name, "queue-depth", "120");
        }

        // Without CPU ranking, equal connection counts leave the oldest instance to drain first, so load that one.
        var instances = (await environment.ListInstancesAsync()).OrderBy(i => i.CreatedAt).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        string loaded = instances[0].Name;
        string idle = instances[1].Name;
        await PushKnobAsync(environment, loaded, "cpu-load", "1");
        await environment.WaitForStatusAsync(
            "busy",
            c => CpuOf(c, loaded) > 50 && CpuOf(c, idle) < 20,
            Deadline,
            $"the autoscaler measured {loaded} busy and {idle} idle");

        await environment.UpdateSpecAsync("busy", spec => spec with { Replicas = 1 });
        await Wait.UntilAsync(async () => (await environment.ListInstancesAsync()).Count == 1, Deadline, "one instance is left");
        var left = await environment.ListInstancesAsync();
        var events = await environment.ListEventsAsync("busy");

        left.Single().Name.Should().Be(loaded);
        events.Should().ContainSingle(e => e.Reason == "InstanceDraining").Which.Message.Should().Contain(idle);
        events.Should().NotContain(e => e.Reason == "AutoscaledUp" || e.Reason == "AutoscaledDown");
    }

    private static double? CpuOf(BotCluster cluster, string instance) =>
        cluster.Status?.Autoscaling?.Instances.FirstOrDefault(metrics => metrics.Name == instance)?.CpuPercent;

    /// <summary>Writes <paramref name="value"/> to the stand-in's knob file <c>/opt/gbo/KNOB</c> in <paramref name="instance"/>.</summary>
    private static Task PushKnobAsync(OperatorTestEnvironment environment, string instance, string knob, string value) =>
        environment.Lxd.PushFileAsync(
            environment.Project, instance, $"/opt/gbo/{knob}", Encoding.ASCII.GetBytes(value + "\n"), LxdFileOwnership.RootReadable, CancellationToken.None);

    [Fact]
    public async Task Autoscaling_TurnedOff_ClearsItsStatus()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        var cluster = environment.NewCluster("off", 1, FreePort.Next());
        await environment.CreateAsync(cluster with { Spec = cluster.Spec with { Autoscaling = FastAutoscaling(1, 2) } });
        await environment.WaitForStatusAsync("off", c => c.Status?.Autoscaling?.LastDecision is not null, Deadline, "the autoscaler has written a decision");

        await environment.UpdateSpecAsync("off", spec => spec with { Autoscaling = spec.Autoscaling with { Enabled = false } });
        var off = await environment.WaitForStatusAsync("off", c => !c.Spec.Autoscaling.Enabled && c.Status is { Autoscaling: null } status && status.ObservedGeneration == c.Metadata.Generation,
            Deadline,
            "the reconciler saw autoscaling off and the autoscaling status is gone");

        off.Status!.Conditions.Should().NotContain(c => c.Type == AutoscalingStatusWriter.MaxInstancesReached);
        (await environment.ExportMetricsAsync()).Should().NotContain("gbo_botcluster_max_instances{namespace=\"default\",name=\"off\"}");
    }

    private static bool HasCondition(BotCluster cluster, string type, string status) =>
        cluster.Status?.Conditions?.Any(condition => condition.Type == type && condition.Status == status) == true;
}
