using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>Collects the scaling metrics of one BotCluster from LXD and Caddy, one sample per check.</summary>
/// <remarks>
/// <para>
/// CPU use is the LXD CPU time of each ready instance since the previous check, divided by the elapsed time and the
/// cores of <c>limits.cpu</c>. Memory use is LXD's current usage divided by <c>limits.memory</c>. The request rate and
/// the average response time come from the differences of Caddy's <c>caddy_http_*</c> counters of the cluster's
/// server, and the requests in flight from <c>/reverse_proxy/upstreams</c>.
/// </para>
/// <para>
/// A value that cannot be measured is left out and named in <see cref="MetricSample.Missing"/>, never read as zero:
/// the first check of an instance or of Caddy's counters has no earlier reading, and a failed call or a counter that
/// went back (Caddy restarted) loses the value of that check.
/// </para>
/// <para>
/// Queue depth and the instance's own CPU, memory and connection counts come from the <c>metrics</c> object of each
/// ready instance's health response (<c>healthCheck.path</c> through its host port). A field an instance does not
/// report is listed in <see cref="MetricSample.Unavailable"/> and does not block scale-down; a health response that
/// cannot be read is a missing <c>health</c> metric and does. The cluster's queue depth is the average over the
/// instances that report one.
/// </para>
/// </remarks>
internal sealed class ClusterMetricsCollector(
    ILxdClient lxd, ICaddyAdminClient caddy, IHealthReader health, string lxdProject, TimeProvider timeProvider, ILogger<ClusterMetricsCollector> logger)
{
    private static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, (long Nanoseconds, DateTimeOffset Time)> _cpuReadings = new(StringComparer.Ordinal);
    private (CaddyServerTraffic Traffic, DateTimeOffset Time)? _trafficReading;

    /// <summary>Measures the cluster's ready instances and its Caddy server now.</summary>
    public async Task<(MetricSample Sample, int? InFlightRequests)> CollectAsync(BotCluster cluster, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var missing = new List<MissingMetric>();
        var ready = (cluster.Status?.Instances ?? []).Where(instance => instance.Ready && !instance.Draining).ToList();

        var cpuByInstance = new Dictionary<string, double>(StringComparer.Ordinal);
        var (cpu, memory) = await ReadInstancesAsync(cluster.Spec, ready, now, missing, cpuByInstance, cancellationToken);
        var reports = await ReadHealthAsync(cluster.Spec.HealthCheck, ready, missing, cancellationToken);
        var (requestsPerMinute, responseTime) = await ReadTrafficAsync(cluster, now, missing, cancellationToken);
        int? inFlight = await ReadInFlightAsync(ready, cancellationToken);

        foreach (var entry in missing)
        {
            AutoscalerLog.MetricMissing(logger, entry.Metric, entry.Reason);
        }

        var instances = ready
            .Select(instance => new InstanceSample(
                instance.Name, cpuByInstance.TryGetValue(instance.Name, out double value) ? value : null, reports.GetValueOrDefault(instance.Name)))
            .ToList();
        var sample = new MetricSample(now, cpu, memory, requestsPerMinute, responseTime, AverageQueueDepth(instances), missing)
        {
            Instances = instances,
            Unavailable = UnavailableFields(instances),
        };
        return (sample, inFlight);
    }

    private static double? AverageQueueDepth(List<InstanceSample> instances)
    {
        var depths = instances.Select(instance => instance.Health?.QueueDepth).OfType<double>().ToList();
        return depths.Count > 0 ? depths.Average() : null;
    }

    private static List<string> UnavailableFields(List<InstanceSample> instances) => instances
        .Where(instance => instance.Health is not null)
        .SelectMany(instance => instance.Health!.Unavailable.Select(field => $"{field.Metric}: instance {instance.Name}: {field.Reason}"))
        .ToList();

    /// <summary>Reads the health response of every ready instance; an instance whose response cannot be read is left out.</summary>
    private async Task<Dictionary<string, HealthReport>> ReadHealthAsync(
        HealthCheckSpec healthCheck, List<InstanceStatus> ready, List<MissingMetric> missing, CancellationToken cancellationToken)
    {
        var timeout = Duration.TryParse(healthCheck.Timeout, out var parsed) ? parsed : DefaultHealthTimeout;
        var reports = new Dictionary<string, HealthReport>(StringComparer.Ordinal);
        foreach (var instance in ready)
        {
            if (instance.HostPort is not { } port)
            {
                missing.Add(new MissingMetric("health", $"instance {instance.Name} has no host port to reach its health response", IsFailure: true));
                continue;
            }

            try
            {
                string body = await health.ReadAsync(port, healthCheck.Path, timeout, cancellationToken);
                reports[instance.Name] = HealthReport.Parse(body);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException or FormatException)
            {
                missing.Add(new MissingMetric("health", $"reading the health response of instance {instance.Name} failed: {exception.Message}", IsFailure: true));
            }
        }

        return reports;
    }

    private async Task<(double? Cpu, double? Memory)> ReadInstancesAsync(
        BotClusterSpec spec,
        List<InstanceStatus> ready,
        DateTimeOffset now,
        List<MissingMetric> missing,
        Dictionary<string, double> cpuByInstance,
        CancellationToken cancellationToken)
    {
        if (ready.Count == 0)
        {
            missing.Add(new MissingMetric("cpu", "no instance is ready", IsFailure: true));
            return (null, null);
        }

        double cores = InstanceLimits.CpuCores(spec.Limits.Cpu, Environment.ProcessorCount);
        double? memoryLimit = InstanceLimits.MemoryBytes(spec.Limits.Memory, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        var cpuValues = new List<double>();
        var memoryValues = new List<double>();
        foreach (var instance in ready)
        {
            LxdInstanceState state;
            try
            {
                state = await lxd.GetInstanceStateAsync(lxdProject, instance.Name, cancellationToken);
            }
            catch (LxdException exception)
            {
                missing.Add(new MissingMetric("cpu", $"reading the LXD state of instance {instance.Name} failed: {exception.Message}", IsFailure: true));
                if (memoryLimit is not null)
                {
                    missing.Add(new MissingMetric("memory", $"reading the LXD state of instance {instance.Name} failed: {exception.Message}", IsFailure: true));
                }

                _cpuReadings.Remove(instance.Name);
                continue;
            }

            long usage = state.Cpu.UsageNanoseconds;
            if (_cpuReadings.TryGetValue(instance.Name, out var previous) && usage >= previous.Nanoseconds && now > previous.Time)
            {
                double elapsedNanoseconds = (now - previous.Time).Ticks * 100.0;
                double percent = 100.0 * (usage - previous.Nanoseconds) / (elapsedNanoseconds * cores);
                cpuValues.Add(percent);
                cpuByInstance[instance.Name] = percent;
            }
            else
            {
                missing.Add(new MissingMetric("cpu", $"instance {instance.Name} has no earlier CPU reading to compare with", IsFailure: false));
            }

            _cpuReadings[instance.Name] = (usage, now);
            if (memoryLimit is { } limit)
            {
                memoryValues.Add(100.0 * state.Memory.UsageBytes / limit);
            }
        }

        // Forget instances that left, so a later instance with the same name starts from a fresh reading.
        var names = ready.Select(instance => instance.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string gone in _cpuReadings.Keys.Where(name => !names.Contains(name)).ToList())
        {
            _cpuReadings.Remove(gone);
        }

        return (cpuValues.Count > 0 ? cpuValues.Average() : null, memoryValues.Count > 0 ? memoryValues.Average() : null);
    }

    private async Task<(double? RequestsPerMinute, TimeSpan? ResponseTime)> ReadTrafficAsync(
        BotCluster cluster, DateTimeOffset now, List<MissingMetric> missing, CancellationToken cancellationToken)
    {
        CaddyServerTraffic traffic;
        try
        {
            string text = await caddy.GetMetricsAsync(cancellationToken);
            traffic = CaddyServerTraffic.From(PrometheusTextParser.Parse(text), CaddyServerBuilder.ServerId(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name));
        }
        catch (Exception exception) when (exception is CaddyAdminException or CaddyUnavailableException or FormatException)
        {
            missing.Add(new MissingMetric("requests", $"reading Caddy's metrics failed: {exception.Message}", IsFailure: true));
            _trafficReading = null;
            return (null, null);
        }

        var previous = _trafficReading;
        _trafficReading = (traffic, now);
        if (previous is not { } earlier || now <= earlier.Time)
        {
            missing.Add(new MissingMetric("requests", "no earlier reading of Caddy's counters to compare with", IsFailure: false));
            return (null, null);
        }

        if (traffic.Requests < earlier.Traffic.Requests || traffic.TimedRequests < earlier.Traffic.TimedRequests)
        {
            missing.Add(new MissingMetric("requests", "Caddy's counters went back, so Caddy restarted since the last check", IsFailure: true));
            return (null, null);
        }

        double requestsPerMinute = (traffic.Requests - earlier.Traffic.Requests) / (now - earlier.Time).TotalMinutes;
        double timed = traffic.TimedRequests - earlier.Traffic.TimedRequests;
        TimeSpan? responseTime = timed > 0
            ? TimeSpan.FromSeconds((traffic.DurationSeconds - earlier.Traffic.DurationSeconds) / timed)
            : null;
        return (requestsPerMinute, responseTime);
    }

    /// <summary>Sums Caddy's in-flight requests to the ready instances, or returns <c>null</c> when Caddy cannot be read.</summary>
    /// <remarks>No decision uses this value, so a failure is logged and not listed as a missing metric.</remarks>
    private async Task<int?> ReadInFlightAsync(List<InstanceStatus> ready, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = ready.Where(instance => instance.Address is not null).Select(instance => instance.Address!).ToHashSet(StringComparer.Ordinal);
            var upstreams = await caddy.GetUpstreamsAsync(cancellationToken);
            return upstreams.Where(upstream => addresses.Contains(upstream.Address)).Sum(upstream => upstream.NumRequests);
        }
        catch (Exception exception) when (exception is CaddyAdminException or CaddyUnavailableException)
        {
            AutoscalerLog.MetricMissing(logger, "inFlightRequests", exception.Message);
            return null;
        }
    }
}
