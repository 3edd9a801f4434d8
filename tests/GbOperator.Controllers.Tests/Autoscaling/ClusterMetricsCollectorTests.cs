using GbOperator.Controllers.Autoscaling;
using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Resources.BotClusters;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class ClusterMetricsCollectorTests
{
    private const long MiB = 1024 * 1024;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ScriptedLxdClient _lxd = new();
    private readonly ScriptedCaddyAdminClient _caddy = new();
    private readonly ScriptedHealthReader _health = new();
    private readonly ClusterMetricsCollector _collector;

    public ClusterMetricsCollectorTests()
    {
        _collector = new ClusterMetricsCollector(_lxd, _caddy, _health, "test", _clock, NullLogger<ClusterMetricsCollector>.Instance);
        for (int i = 0; i < 3; i++)
        {
            _health.Bodies[HostPortOf(i)] = """{"status":"healthy"}""";
        }
    }

    private static int HostPortOf(int index) => 19000 + index;

    private static BotCluster Cluster(params string[] ready) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = "u1" },
        Spec = new BotClusterSpec { Limits = new ContainerLimits { Cpu = "2", Memory = "256MiB" } },
        Status = new BotClusterStatus
        {
            Instances = ready.Select((name, i) => new InstanceStatus { Name = name, Ready = true, Address = $"127.0.0.1:{18000 + i}", HostPort = HostPortOf(i) }).ToList(),
        },
    };

    private static string CaddyMetrics(int requests, double seconds) => $"""
        caddy_http_requests_total{"{"}handler="reverse_proxy",server="gbo-default-web"{"}"} {requests}
        caddy_http_request_duration_seconds_sum{"{"}code="200",handler="reverse_proxy",method="GET",server="gbo-default-web"{"}"} {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        caddy_http_request_duration_seconds_count{"{"}code="200",handler="reverse_proxy",method="GET",server="gbo-default-web"{"}"} {requests}
        """;

    [Fact]
    public async Task Collect_FirstCheck_ReportsWarmUp()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(cpuNanoseconds: 5_000_000_000, memoryBytes: 64 * MiB);

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.CpuPercent.Should().BeNull();
        sample.RequestsPerMinute.Should().BeNull();
        sample.MemoryPercent.Should().Be(25);
        sample.Missing.Select(missing => missing.ToString()).Should().BeEquivalentTo(
            "cpu: instance a has no earlier CPU reading to compare with", "requests: no earlier reading of Caddy's counters to compare with");
        sample.Missing.Should().OnlyContain(missing => !missing.IsFailure);
    }

    [Fact]
    public async Task Collect_SecondCheck_ComputesRates()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _lxd.States["b"] = ScriptedLxdClient.State(0, 128 * MiB);
        _caddy.MetricsText = CaddyMetrics(requests: 100, seconds: 10);
        await _collector.CollectAsync(Cluster("a", "b"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        // 2 cores for 10 s are 20 s of CPU time: a used 15 s (75 %), b used 5 s (25 %).
        _lxd.States["a"] = ScriptedLxdClient.State(15_000_000_000, 64 * MiB);
        _lxd.States["b"] = ScriptedLxdClient.State(5_000_000_000, 128 * MiB);
        _caddy.MetricsText = CaddyMetrics(requests: 150, seconds: 20);

        var (sample, _) = await _collector.CollectAsync(Cluster("a", "b"), CancellationToken.None);

        sample.CpuPercent.Should().BeApproximately(50, 1e-9);
        sample.MemoryPercent.Should().BeApproximately(37.5, 1e-9);
        sample.RequestsPerMinute.Should().BeApproximately(300, 1e-9);
        sample.ResponseTime.Should().Be(TimeSpan.FromMilliseconds(200));
        sample.Missing.Should().BeEmpty();
    }

    [Fact]
    public async Task Collect_LxdStateFails_ReportsFailureNotZero()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        await _collector.CollectAsync(Cluster("a"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _lxd.States.Remove("a");

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.CpuPercent.Should().BeNull();
        sample.MemoryPercent.Should().BeNull();
        sample.Missing.Should().Contain(missing => missing.Metric == "cpu" && missing.IsFailure && missing.Reason.StartsWith("reading the LXD state of instance a failed"));
        sample.Missing.Should().Contain(missing => missing.Metric == "memory" && missing.IsFailure);
    }

    [Fact]
    public async Task Collect_CaddyUnreachable_ReportsRequestsMissing()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _caddy.MetricsText = null;

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.RequestsPerMinute.Should().BeNull();
        sample.Missing.Should().Contain(missing => missing.Metric == "requests" && missing.IsFailure && missing.Reason.StartsWith("reading Caddy's metrics failed"));
    }

    [Fact]
    public async Task Collect_CaddyCountersWentBack_ReportsRequestsMissing()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _caddy.MetricsText = CaddyMetrics(requests: 500, seconds: 5);
        await _collector.CollectAsync(Cluster("a"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _caddy.MetricsText = CaddyMetrics(requests: 3, seconds: 1);

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.RequestsPerMinute.Should().BeNull();
        sample.Missing.Should().Contain(missing => missing.Metric == "requests" && missing.IsFailure && missing.Reason.Contains("Caddy restarted"));
    }

    [Fact]
    public async Task Collect_NoRequests_ReadsZeroRate()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _caddy.MetricsText = CaddyMetrics(requests: 10, seconds: 1);
        await _collector.CollectAsync(Cluster("a"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.RequestsPerMinute.Should().Be(0);
        sample.ResponseTime.Should().BeNull();
        sample.Missing.Should().BeEmpty();
    }

    [Fact]
    public async Task Collect_NoReadyInstance_ReportsFailure()
    {
        var (sample, _) = await _collector.CollectAsync(Cluster(), CancellationToken.None);

        sample.CpuPercent.Should().BeNull();
        sample.Missing.Should().Contain(missing => missing.Metric == "cpu" && missing.IsFailure && missing.Reason == "no instance is ready");
    }

    [Fact]
    public async Task Collect_Upstreams_SumsInFlightRequests()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _caddy.Upstreams.Add(new CaddyUpstreamStatus { Address = "127.0.0.1:18000", NumRequests = 4 });
        _caddy.Upstreams.Add(new CaddyUpstreamStatus { Address = "127.0.0.1:29999", NumRequests = 9 });

        var (_, inFlight) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        inFlight.Should().Be(4);
    }

    [Fact]
    public async Task Collect_QueueDepth_AveragesReportingInstances()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _lxd.States["b"] = ScriptedLxdClient.State(0, 64 * MiB);
        _lxd.States["c"] = ScriptedLxdClient.State(0, 64 * MiB);
        _health.Bodies[HostPortOf(0)] = """{"status":"healthy","metrics":{"cpu":45.2,"memory":62.1,"connections":150,"queue_depth":120}}""";
        _health.Bodies[HostPortOf(1)] = """{"status":"healthy","metrics":{"queue_depth":80}}""";
        _health.Bodies[HostPortOf(2)] = """{"status":"healthy"}""";

        var (sample, _) = await _collector.CollectAsync(Cluster("a", "b", "c"), CancellationToken.None);

        sample.QueueDepth.Should().Be(100);
        sample.Instances.Select(instance => instance.Health!.QueueDepth).Should().Equal(120, 80, null);
        sample.Instances[0].Health.Should().BeEquivalentTo(new { CpuPercent = 45.2, MemoryPercent = 62.1, Connections = 150.0 });
        sample.Unavailable.Should().Contain("queueDepth: instance c: metrics.queue_depth is absent");
        sample.Unavailable.Should().NotContain(entry => entry.StartsWith("queueDepth: instance a", StringComparison.Ordinal));
        sample.Missing.Should().NotContain(missing => missing.Metric == "health" || missing.Metric == "queueDepth");
        _health.Paths.Should().OnlyContain(path => path == "/api/health");
    }

    [Fact]
    public async Task Collect_NoQueueDepth_Unavailable()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.QueueDepth.Should().BeNull();
        sample.Unavailable.Should().Contain("queueDepth: instance a: metrics.queue_depth is absent");
        sample.Missing.Should().NotContain(missing => missing.Metric == "health");
    }

    [Fact]
    public async Task Collect_HealthFails_HealthMissing()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _lxd.States["b"] = ScriptedLxdClient.State(0, 64 * MiB);
        _health.Bodies[HostPortOf(0)] = """{"metrics":{"queue_depth":7}}""";
        _health.Bodies.Remove(HostPortOf(1));

        var (sample, _) = await _collector.CollectAsync(Cluster("a", "b"), CancellationToken.None);

        sample.QueueDepth.Should().Be(7);
        sample.Instances.Single(instance => instance.Name == "b").Health.Should().BeNull();
        var missing = sample.Missing.Should().ContainSingle(entry => entry.Metric == "health").Which;
        missing.IsFailure.Should().BeTrue();
        missing.Reason.Should().StartWith("reading the health response of instance b failed");
    }

    [Fact]
    public async Task Collect_HealthNotJson_HealthMissing()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _health.Bodies[HostPortOf(0)] = "<html>ok</html>";

        var (sample, _) = await _collector.CollectAsync(Cluster("a"), CancellationToken.None);

        sample.Missing.Should().ContainSingle(missing => missing.Metric == "health")
            .Which.Reason.Should().Contain("not JSON");
    }

    [Fact]
    public async Task Collect_SecondCheck_RecordsCpuPerInstance()
    {
        _lxd.States["a"] = ScriptedLxdClient.State(0, 64 * MiB);
        _lxd.States["b"] = ScriptedLxdClient.State(0, 64 * MiB);
        await _collector.CollectAsync(Cluster("a", "b"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _lxd.States["a"] = ScriptedLxdClient.State(15_000_000_000, 64 * MiB);
        _lxd.States["b"] = ScriptedLxdClient.State(5_000_000_000, 64 * MiB);

        var (sample, _) = await _collector.CollectAsync(Cluster("a", "b"), CancellationToken.None);

        sample.Instances.Select(instance => instance.CpuPercent).Should().Equal(75.0, 25.0);
    }
}
