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

    /// <summary>When the PostgreSQL or Redis primary last moved, as the controller observed it.</summary>
    public DateTime? LastFailoverTime { get; init; }

    /// <summary>
    /// Time from <see cref="LastFailoverTime"/> until every BotCluster that references the policy pointed its
    /// instances at the new primary, such as <c>1.2s</c>; <c>null</c> until they all have.
    /// </summary>
    public string? LastRepointDuration { get; init; }

    /// <summary>The Patroni members as the REST API of the cluster last reported them.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<PatroniMemberStatus> Members { get; init; } = [];
}
