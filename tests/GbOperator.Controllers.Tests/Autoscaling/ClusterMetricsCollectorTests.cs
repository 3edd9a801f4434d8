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
    private readonly ClusterMetricsCollector _collector;

    public ClusterMetricsCollectorTests()
    {
        _collector = new ClusterMetricsCollector(_lxd, _caddy, "test", _clock, NullLogger<ClusterMetricsCollector>.Instance);
    }

    private static BotCluster Cluster(params string[] ready) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = "u1" },
        Spec = new BotClusterSpec { Limits = new ContainerLimits { Cpu = "2", Memory = "256MiB" } },
        Status = new BotClusterStatus
        {
            Instances = ready.Select((name, i) => new InstanceStatus { Name = name, Ready = true, Address = $"127.0.0.1:{18000 + i}" }).ToList(),
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
}
