namespace GbOperator.Resources.FailoverPolicies;

/// <summary>Observed state of a <see cref="FailoverPolicy"/>.</summary>
public sealed record FailoverPolicyStatus : ResourceStatus
{
    /// <summary>Current PostgreSQL primary as <c>host:port</c>.</summary>
    public string? Primary { get; init; }

    /// <summary>Current Redis primary as <c>host:port</c>.</summary>
    public string? CacheMaster { get; init; }

    /// <summary>Circuit breaker state: <c>Closed</c>, <c>Open</c> or <c>HalfOpen</c>.</summary>
    public string? CircuitState { get; init; }

    /// <summary>When the PostgreSQL or Redis primary last moved.</summary>
    public DateTime? LastFailoverTime { get; init; }
}
