namespace GbOperator.Resources.FailoverPolicies;

/// <summary>Desired state of a <see cref="FailoverPolicy"/>.</summary>
public sealed record FailoverPolicySpec
{
    /// <summary>The Patroni cluster that runs PostgreSQL. No endpoints means PostgreSQL is not watched.</summary>
    public PatroniSpec Patroni { get; init; } = new();

    /// <summary>The Redis Sentinels that watch the cache. No endpoints means the cache is not watched.</summary>
    public SentinelSpec Sentinel { get; init; } = new();

    /// <summary>How often and how patiently the Patroni and Sentinel endpoints are probed.</summary>
    public EndpointHealthCheck HealthCheck { get; init; } = new();

    /// <summary>The circuit breaker in front of each backend.</summary>
    public CircuitBreakerSpec CircuitBreaker { get; init; } = new();

    /// <summary>What bots use while a backend is down.</summary>
    public GracefulDegradationSpec GracefulDegradation { get; init; } = new();
}
