using GbOperator.Controllers.Autoscaling;
using GbOperator.Resources.BotClusters;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class ScaleDeciderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Settings with short times: 10 s checks, 60 s cooldown, scale-down window 60 s, tolerance 10 %.</summary>
    private static readonly AutoscalingSpec Spec = new()
    {
        Enabled = true,
        MinInstances = 1,
        MaxInstances = 5,
        CpuThreshold = 70,
        MemoryThreshold = 80,
        RequestThreshold = 1000,
        Cooldown = "60s",
        CheckInterval = "10s",
        ScaleUpWindow = "0s",
        ScaleDownWindow = "60s",
        Tolerance = 10,
        MaxStep = 1,
        Rules = new ScaleRules { MemoryLow = new ThresholdRule { Threshold = 20, Action = ScaleAction.Down } },
    };

    private static MetricSample Sample(
        DateTimeOffset time, double? cpu = 50, double? memory = 50, double? requests = 100, double? responseMs = 100, double? queue = null, params string[] missing) =>
        new(time, cpu, memory, requests, responseMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, queue,
            missing.Select(entry => new MissingMetric(entry[..entry.IndexOf(':', StringComparison.Ordinal)], entry[(entry.IndexOf(':', StringComparison.Ordinal) + 2)..], IsFailure: true)).ToList());

    [Theory]
    // cpu, memory, requests/min, response ms, queue depth, current replicas, expected direction, expected rule
    [InlineData(90, 50, 100, 100.0, null, 2, "Up", "cpuThreshold")]
    [InlineData(76, 50, 100, 100.0, null, 2, "None", null)]
    [InlineData(50, 95, 100, 100.0, null, 2, "Up", "memoryThreshold")]
    [InlineData(50, 50, 1500, 100.0, null, 2, "Up", "requestThreshold")]
    [InlineData(50, 50, 100, 3000.0, null, 2, "Up", "rules.responseTime")]
    [InlineData(50, 50, 100, 100.0, 150.0, 2, "Up", "rules.queueDepth")]
    [InlineData(50, 50, 100, 100.0, 90.0, 2, "None", null)]
    [InlineData(50, 50, 100, null, null, 2, "None", null)]
    [InlineData(50, 50, 100, 100.0, null, 0, "Up", "minInstances")]
    [InlineData(50, 50, 100, 100.0, null, 7, "Down", "maxInstances")]
    public void Decide_OneCheck_FiresTheExpectedRule(
        double cpu, double memory, double requests, double? responseMs, double? queue, int current, string direction, string? rule)
    {
        var sample = Sample(Start, cpu, memory, requests, responseMs, queue);

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), current, [sample], lastScaleTime: null, Start);

        decision.Direction.Should().Be(Enum.Parse<ScaleDirection>(direction));
        decision.Rule.Should().Be(rule);
    }

    [Fact]
    public void Decide_CpuMissing_StillScalesUpOnMemory()
    {
        var sample = Sample(Start, cpu: null, memory: 95, missing: "cpu: no earlier sample");

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 2, [sample], null, Start);

        decision.Direction.Should().Be(ScaleDirection.Up);
        decision.Rule.Should().Be("memoryThreshold");
    }

    [Fact]
    public void Decide_CpuAboveThreshold_NamesValueAndRule()
    {
        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 2, [Sample(Start, cpu: 92.5)], null, Start);

        decision.DesiredReplicas.Should().Be(3);
        decision.Message.Should().Be("Scaling up from 2 to 3 instances: cpu 92.5% above cpuThreshold 70%.");
    }

    [Fact]
    public void Decide_LargerStep_AddsInProportion()
    {
        var policy = AutoscalingPolicy.From(Spec with { MaxStep = 3 });

        var decision = ScaleDecider.Decide(policy, 2, [Sample(Start, cpu: 140)], null, Start);

        decision.DesiredReplicas.Should().Be(4);
    }

    [Fact]
    public void Decide_LargeStep_StopsAtMax()
    {
        var policy = AutoscalingPolicy.From(Spec with { MaxStep = 4 });

        var decision = ScaleDecider.Decide(policy, 4, [Sample(Start, cpu: 200)], null, Start);

        decision.DesiredReplicas.Should().Be(5);
    }

    [Fact]
    public void Decide_AtMaxUnderLoad_ReportsMaxReached()
    {
        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 5, [Sample(Start, cpu: 95)], null, Start);

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.MaxInstancesReached.Should().BeTrue();
        decision.Message.Should().Contain("maxInstances 5");
    }

    [Fact]
    public void Decide_WithinCooldown_HoldsAndNamesTheEnd()
    {
        var last = Start.AddSeconds(-30);

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 2, [Sample(Start, cpu: 95)], last, Start);

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.NextScaleTime.Should().Be(last.AddSeconds(60));
        decision.Message.Should().Contain("cooldown lasts until 2026-01-01T00:00:30Z");
    }

    [Fact]
    public void Decide_AfterCooldown_ScalesAgain()
    {
        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 2, [Sample(Start, cpu: 95)], Start.AddSeconds(-60), Start);

        decision.Direction.Should().Be(ScaleDirection.Up);
    }

    [Fact]
    public void Decide_LowForWholeWindow_ScalesDownOne()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10, requests: 10)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.Down);
        decision.DesiredReplicas.Should().Be(2);
        decision.Rule.Should().Be("rules.cpuLow");
        decision.Message.Should().Contain("cpu 5% below rules.cpuLow 30%");
    }

    [Fact]
    public void Decide_LowForPartOfWindow_Holds()
    {
        var history = Enumerable.Range(0, 6).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(50));

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.Message.Should().StartWith("Not scaling down yet: the low condition must hold for scaleDownWindow 1m");
    }

    [Fact]
    public void Decide_LowCpuButMemoryNotLow_Holds()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 50)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
    }

    [Fact]
    public void Decide_LowCpuInsideTolerance_Holds()
    {
        // 28 % is below the low mark of 30 %, but not below 27 %, the mark minus 10 % tolerance.
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 28, memory: 10)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
    }

    [Fact]
    public void Decide_MetricMissing_Holds()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10)).ToList();
        history[^1] = Sample(Start.AddSeconds(60), cpu: 5, memory: null, missing: "memory: LXD state of instance a failed");

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.Message.Should().Contain("metrics are missing: memory: LXD state of instance a failed");
    }

    [Fact]
    public void Decide_QueueDepthUnavailable_StillScalesDown()
    {
        var history = Enumerable.Range(0, 7)
            .Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10, queue: null) with
            {
                Unavailable = ["queueDepth: instance a: metrics.queue_depth is absent"],
            })
            .ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.Down);
        decision.DesiredReplicas.Should().Be(2);
    }

    [Fact]
    public void Decide_HealthResponseMissing_Holds()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10)).ToList();
        history[^1] = Sample(Start.AddSeconds(60), cpu: 5, memory: 10, missing: "health: reading the health response of instance a failed");

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.Message.Should().Contain("metrics are missing: health: reading the health response of instance a failed");
    }

    [Fact]
    public void Decide_MetricMissingEarlier_Holds()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10)).ToList();
        history[3] = Sample(Start.AddSeconds(30), cpu: null, memory: 10, missing: "cpu: no earlier sample");

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
    }

    [Fact]
    public void Decide_LowAtMinInstances_Holds()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 1, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
    }

    [Fact]
    public void Decide_LowWithinCooldown_Holds()
    {
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 3, history, Start.AddSeconds(30), Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.Message.Should().Contain("cooldown");
    }

    [Fact]
    public void Decide_ScaleUpWindow_WaitsForIt()
    {
        var policy = AutoscalingPolicy.From(Spec with { ScaleUpWindow = "30s" });
        var history = Enumerable.Range(0, 3).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 95)).ToList();

        var early = ScaleDecider.Decide(policy, 2, history, null, Start.AddSeconds(20));
        history.Add(Sample(Start.AddSeconds(30), cpu: 95));
        var late = ScaleDecider.Decide(policy, 2, history, null, Start.AddSeconds(30));

        early.Direction.Should().Be(ScaleDirection.None);
        late.Direction.Should().Be(ScaleDirection.Up);
    }

    [Fact]
    public void Decide_NoHistory_Holds()
    {
        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(Spec), 2, [], null, Start);

        decision.Direction.Should().Be(ScaleDirection.None);
        decision.Message.Should().Be("No metrics collected yet.");
    }

    [Fact]
    public void Decide_FastResponsesRuleDown_ScalesDown()
    {
        var spec = Spec with { Rules = new ScaleRules { ResponseTime = new ResponseTimeRule { Threshold = "500ms", Action = ScaleAction.Down } } };
        var history = Enumerable.Range(0, 7).Select(i => Sample(Start.AddSeconds(i * 10), cpu: 5, memory: 10, responseMs: 50)).ToList();

        var decision = ScaleDecider.Decide(AutoscalingPolicy.From(spec), 3, history, null, Start.AddSeconds(60));

        decision.Direction.Should().Be(ScaleDirection.Down);
        decision.Message.Should().Contain("response time 50ms below rules.responseTime 500ms");
    }

    [Fact]
    public void Run_SustainedLoad_GrowsStepwiseToMax()
    {
        var run = Simulate(Spec, startReplicas: 1, TimeSpan.FromMinutes(6), _ => 95);

        run.Changes.Select(change => change.Replicas).Should().Equal(2, 3, 4, 5);
        run.Changes.Zip(run.Changes.Skip(1)).Should().OnlyContain(pair => pair.Second.Time - pair.First.Time >= TimeSpan.FromSeconds(60));
        run.LastDecision.MaxInstancesReached.Should().BeTrue();
    }

    [Fact]
    public void Run_LoadRemoved_ShrinksToMin()
    {
        var run = Simulate(Spec, startReplicas: 3, TimeSpan.FromMinutes(5), _ => 5);

        run.Changes.Select(change => change.Replicas).Should().Equal(2, 1);
        run.Changes[0].Time.Should().Be(Start.AddSeconds(60));
        run.Changes[1].Time.Should().Be(Start.AddSeconds(120));
    }

    [Fact]
    public void Run_FlappingLoad_NeverScalesDown()
    {
        // 95 % for 10 s, then 5 % for 10 s, for 10 minutes.
        var run = Simulate(Spec, startReplicas: 2, TimeSpan.FromMinutes(10), elapsed => (int)(elapsed.TotalSeconds / 10) % 2 == 0 ? 95 : 5);

        run.Changes.Should().NotBeEmpty();
        run.Changes.Select(change => change.Replicas).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Run_LoadHoveringAtThreshold_NeverScales()
    {
        var run = Simulate(Spec, startReplicas: 2, TimeSpan.FromMinutes(10), elapsed => (int)(elapsed.TotalSeconds / 10) % 2 == 0 ? 74 : 66);

        run.Changes.Should().BeEmpty();
    }

    private sealed record Change(DateTimeOffset Time, int Replicas);

    private sealed record Run(List<Change> Changes, ScaleDecision LastDecision);

    /// <summary>Runs the check loop the autoscaler runs, with a fake clock, and applies every decision at once.</summary>
    private static Run Simulate(AutoscalingSpec spec, int startReplicas, TimeSpan duration, Func<TimeSpan, double> cpu)
    {
        var clock = new FakeTimeProvider(Start);
        var policy = AutoscalingPolicy.From(spec);
        var history = new MetricHistory();
        var changes = new List<Change>();
        int replicas = startReplicas;
        DateTimeOffset? lastScale = null;
        ScaleDecision? decision = null;
        while (clock.GetUtcNow() - Start <= duration)
        {
            var now = clock.GetUtcNow();
            history.Add(Sample(now, cpu: cpu(now - Start), memory: 10, requests: 10), policy.LongestWindow);
            decision = ScaleDecider.Decide(policy, replicas, history.Samples, lastScale, now);
            if (decision.Scales)
            {
                replicas = decision.DesiredReplicas;
                lastScale = now;
                changes.Add(new Change(now, replicas));
            }

            clock.Advance(policy.CheckInterval);
        }

        return new Run(changes, decision!);
    }
}
