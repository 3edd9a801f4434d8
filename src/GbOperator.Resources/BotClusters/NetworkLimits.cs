namespace GbOperator.Resources.BotClusters;

/// <summary>LXD NIC bandwidth limits, as bit rates such as <c>100Mbit</c>.</summary>
public sealed record NetworkLimits
{
    /// <summary>LXD <c>limits.ingress</c> of the NIC. Absent means no limit.</summary>
    public string? Ingress { get; init; }

    /// <summary>LXD <c>limits.egress</c> of the NIC. Absent means no limit.</summary>
    public string? Egress { get; init; }
}
