namespace GbOperator.Resources.FailoverPolicies;

/// <summary>One member of the Patroni cluster, as its REST API reports it.</summary>
public sealed record PatroniMemberStatus
{
    /// <summary>Patroni member name.</summary>
    public required string Name { get; init; }

    /// <summary>Role from the DCS: <c>leader</c>, <c>replica</c>, <c>sync_standby</c> or <c>standby_leader</c>.</summary>
    public string? Role { get; init; }

    /// <summary>PostgreSQL state as Patroni reports it, such as <c>running</c>, <c>stopped</c> or <c>starting</c>.</summary>
    public string? State { get; init; }

    /// <summary>PostgreSQL address as <c>host:port</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Replication lag behind the leader in bytes; <c>null</c> for the leader or when Patroni reports it as unknown.</summary>
    public long? Lag { get; init; }

    /// <summary>PostgreSQL timeline of the member.</summary>
    public long? Timeline { get; init; }
}
