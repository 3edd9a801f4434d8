using System.Text.RegularExpressions;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Resources.Validation;

/// <summary>Rules of <see cref="BotClusterSpec"/>.</summary>
internal static partial class BotClusterValidator
{
    private static readonly string[] Encodings = ["gzip", "zstd"];

    public static void Validate(BotClusterSpec spec, ViolationList violations)
    {
        violations.NotEmpty("spec.image", spec.Image, "an LXD image alias or fingerprint, such as botserver-standin");
        violations.Range("spec.replicas", spec.Replicas, 0, BotClusterSpec.MaxReplicas);
        ValidateAutoscaling(spec, violations);
        ValidateLimits(spec.Limits, violations);
        violations.Port("spec.port", spec.Port);
        ValidateEnv(spec.Env, violations);
        ValidateHealthCheck(spec.HealthCheck, violations);
        violations.PositiveDuration("spec.drainTimeout", spec.DrainTimeout);
        ValidateRouting(spec.Routing, violations);
        ValidateReference("spec.failoverPolicyRef.name", spec.FailoverPolicyRef, violations);
        ValidateReference("spec.shardMapRef.name", spec.ShardMapRef, violations);
    }

    private static void ValidateAutoscaling(BotClusterSpec spec, ViolationList violations)
    {
        var autoscaling = spec.Autoscaling;
        const string prefix = "spec.autoscaling";
        violations.AtLeast($"{prefix}.minInstances", autoscaling.MinInstances, 1);
        violations.Range($"{prefix}.maxInstances", autoscaling.MaxInstances, 1, BotClusterSpec.MaxReplicas);
        if (autoscaling.MinInstances > autoscaling.MaxInstances)
        {
            violations.Invalid($"{prefix}.minInstances", $"{autoscaling.MinInstances} must be less than or equal to maxInstances ({autoscaling.MaxInstances})");
        }
        else if (autoscaling.Enabled && (spec.Replicas < autoscaling.MinInstances || spec.Replicas > autoscaling.MaxInstances))
        {
            violations.Invalid("spec.replicas",
                $"must be between autoscaling.minInstances ({autoscaling.MinInstances}) and autoscaling.maxInstances ({autoscaling.MaxInstances}) when autoscaling is enabled, not {spec.Replicas}");
        }

        violations.Percentage($"{prefix}.cpuThreshold", autoscaling.CpuThreshold);
        violations.Percentage($"{prefix}.memoryThreshold", autoscaling.MemoryThreshold);
        violations.AtLeast($"{prefix}.requestThreshold", autoscaling.RequestThreshold, 1);
        violations.PositiveDuration($"{prefix}.cooldown", autoscaling.Cooldown);
        violations.PositiveDuration($"{prefix}.checkInterval", autoscaling.CheckInterval);
        violations.NonNegativeDuration($"{prefix}.scaleUpWindow", autoscaling.ScaleUpWindow);
        violations.NonNegativeDuration($"{prefix}.scaleDownWindow", autoscaling.ScaleDownWindow);
        violations.Range($"{prefix}.tolerance", autoscaling.Tolerance, 0, 50);
        violations.AtLeast($"{prefix}.maxStep", autoscaling.MaxStep, 1);

        var rules = autoscaling.Rules;
        violations.PositiveDuration($"{prefix}.rules.responseTime.threshold", rules.ResponseTime.Threshold);
        violations.OneOf($"{prefix}.rules.responseTime.action", rules.ResponseTime.Action, ScaleAction.All);
        ValidateLowMark($"{prefix}.rules.cpuLow", rules.CpuLow, "cpuThreshold", autoscaling.CpuThreshold, violations);
        if (rules.MemoryLow is not null)
        {
            ValidateLowMark($"{prefix}.rules.memoryLow", rules.MemoryLow, "memoryThreshold", autoscaling.MemoryThreshold, violations);
        }

        violations.AtLeast($"{prefix}.rules.queueDepth.threshold", rules.QueueDepth.Threshold, 1);
        violations.OneOf($"{prefix}.rules.queueDepth.action", rules.QueueDepth.Action, ScaleAction.All);
    }

    private static void ValidateLowMark(string prefix, ThresholdRule rule, string highName, int high, ViolationList violations)
    {
        violations.Percentage($"{prefix}.threshold", rule.Threshold);
        if (rule.Threshold >= high)
        {
            violations.Invalid($"{prefix}.threshold", $"must be less than autoscaling.{highName} ({high}), or scaling would flap");
        }

        violations.OneOf($"{prefix}.action", rule.Action, ScaleAction.All);
    }

    private static void ValidateLimits(ContainerLimits limits, ViolationList violations)
    {
        if (limits.Cpu is not null && !CpuLimit().IsMatch(limits.Cpu))
        {
            violations.Invalid("spec.limits.cpu", $"invalid CPU limit \"{limits.Cpu}\": give a number of cores such as 4, or pinned cores such as 0-3 or 0,2");
        }
        else if (limits.Cpu is not null && limits.Cpu.All(char.IsAsciiDigit) && int.Parse(limits.Cpu, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            violations.Invalid("spec.limits.cpu", "must be at least 1 core");
        }

        if (limits.Memory is not null && !MemoryLimit().IsMatch(limits.Memory))
        {
            violations.Invalid("spec.limits.memory", $"invalid memory limit \"{limits.Memory}\": give a size such as 512MiB or 8GB, or a percentage such as 50%");
        }

        if (limits.DiskPriority is { } priority)
        {
            violations.Range("spec.limits.diskPriority", priority, 0, 10);
        }

        CheckBitRate("spec.limits.network.ingress", limits.Network.Ingress, violations);
        CheckBitRate("spec.limits.network.egress", limits.Network.Egress, violations);
    }

    private static void CheckBitRate(string field, string? value, ViolationList violations)
    {
        if (value is not null && !BitRate().IsMatch(value))
        {
            violations.Invalid(field, $"invalid bit rate \"{value}\": give a number with a unit such as 100Mbit, 1Gbit or 500kbit");
        }
    }

    private static void ValidateEnv(IReadOnlyDictionary<string, string> env, ViolationList violations)
    {
        foreach (var name in env.Keys)
        {
            if (!EnvName().IsMatch(name))
            {
                violations.Invalid($"spec.env.{name}", $"invalid environment variable name \"{name}\": use letters, digits and '_', not starting with a digit");
            }
        }
    }

    private static void ValidateHealthCheck(HealthCheckSpec check, ViolationList violations)
    {
        if (!check.Path.StartsWith('/'))
        {
            violations.Invalid("spec.healthCheck.path", $"invalid path \"{check.Path}\": must start with '/', such as /api/health");
        }

        var interval = violations.PositiveDuration("spec.healthCheck.interval", check.Interval);
        var timeout = violations.PositiveDuration("spec.healthCheck.timeout", check.Timeout);
        if (interval is not null && timeout > interval)
        {
            violations.Invalid("spec.healthCheck.timeout", $"must be less than or equal to healthCheck.interval ({check.Interval})");
        }

        violations.AtLeast("spec.healthCheck.retries", check.Retries, 1);
    }

    private static void ValidateRouting(RoutingSpec routing, ViolationList violations)
    {
        if (routing.Host is not null && !NetworkAddress.IsHost(routing.Host))
        {
            violations.Invalid("spec.routing.host", $"invalid host \"{routing.Host}\": give a DNS name such as bot.example.com or an IPv4 address");
        }

        ValidateListenAddress(routing.ListenAddress, violations);

        ValidateRoutes(routing.Routes, violations);

        for (var i = 0; i < routing.Compression.Count; i++)
        {
            violations.OneOf($"spec.routing.compression[{i}]", routing.Compression[i], Encodings);
        }

        violations.UniqueNames("spec.routing.compression", routing.Compression, "");
        ValidateRateLimit(routing.RateLimit, violations);
    }

    /// <summary>Accepts only 127.0.0.1:PORT, as the BotCluster controller does, because every listener of the operator is loopback only.</summary>
    private static void ValidateListenAddress(string address, ViolationList violations)
    {
        const string field = "spec.routing.listenAddress";
        if (!NetworkAddress.TryParseHostPort(address, out var host, out _, allowEmptyHost: true))
        {
            violations.Invalid(field, $"invalid address \"{address}\": write 127.0.0.1:PORT with a port from 1 to 65535, such as 127.0.0.1:8443");
        }
        else if (host != "127.0.0.1")
        {
            violations.Invalid(field, $"address \"{address}\" is not on the loopback interface: Caddy listens only on 127.0.0.1, so write 127.0.0.1:PORT, such as 127.0.0.1:8443");
        }
    }

    private static void ValidateRoutes(IReadOnlyList<RouteSpec> routes, ViolationList violations)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var prefix = $"spec.routing.routes[{i}]";
            if (!route.Path.StartsWith('/') && route.Path != "*")
            {
                violations.Invalid($"{prefix}.path", $"invalid path \"{route.Path}\": must start with '/', such as /api/*");
            }
            else if (!paths.Add(route.Path))
            {
                violations.Duplicate($"{prefix}.path", route.Path);
            }

            violations.OneOf($"{prefix}.policy", route.Policy, LoadBalancingPolicy.All);
            if (route.Policy == LoadBalancingPolicy.Header && string.IsNullOrWhiteSpace(route.HeaderField))
            {
                violations.Required($"{prefix}.headerField", "required value when policy is \"header\": give the request header to hash, such as X-Gb-Tenant");
            }

            violations.PositiveDuration($"{prefix}.tryDuration", route.TryDuration, required: false);
            violations.PositiveDuration($"{prefix}.failDuration", route.FailDuration, required: false);
        }
    }

    private static void ValidateRateLimit(RateLimitSpec limit, ViolationList violations)
    {
        const string prefix = "spec.routing.rateLimit";
        violations.AtLeast($"{prefix}.requests", limit.Requests, 1);
        violations.PositiveDuration($"{prefix}.window", limit.Window);
        violations.AtLeast($"{prefix}.burst", limit.Burst, 0);
        violations.OneOf($"{prefix}.by", limit.By, RateLimitKey.All);
        violations.AtLeast($"{prefix}.endpoints.chat", limit.Endpoints.Chat, 1);
        violations.AtLeast($"{prefix}.endpoints.files", limit.Endpoints.Files, 1);
        violations.AtLeast($"{prefix}.endpoints.auth", limit.Endpoints.Auth, 1);
    }

    private static void ValidateReference(string field, LocalObjectReference? reference, ViolationList violations)
    {
        if (reference is not null)
        {
            DnsNames.CheckSubdomain(violations, field, reference.Name);
        }
    }

    [GeneratedRegex(@"^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$")]
    private static partial Regex CpuLimit();

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(B|kB|MB|GB|TB|PB|EB|KiB|MiB|GiB|TiB|PiB|EiB)?|[0-9]{1,2}%|100%)$")]
    private static partial Regex MemoryLimit();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(bit|kbit|Mbit|Gbit|Tbit|Pbit|Ebit|Kibit|Mibit|Gibit|Tibit|Pibit|Eibit)$")]
    private static partial Regex BitRate();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
