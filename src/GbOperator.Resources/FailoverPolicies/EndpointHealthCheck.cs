namespace GbOperator.Resources.FailoverPolicies;

/// <summary>Probing of the Patroni and Sentinel endpoints.</summary>
public sealed record EndpointHealthCheck
{
    /// <summary>Time between two probes.</summary>
    /// <value>10s.</value>
    public string Interval { get; init; } = "10s";

    /// <summary>Longest wait for one probe.</summary>
    /// <value>5s.</value>
    public string Timeout { get; init; } = "5s";

    /// <summary>Consecutive failed probes after which an endpoint is down.</summary>
    /// <value>3.</value>
    public int Retries { get; init; } = 3;
}
