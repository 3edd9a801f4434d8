namespace GbOperator.Resources.BotClusters;

/// <summary>Observed state of one LXD instance of a cluster.</summary>
public sealed record InstanceStatus
{
    /// <summary>LXD instance name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Lifecycle phase: <c>Pending</c>, <c>Running</c>, <c>Ready</c>, <c>Draining</c> or <c>Stopping</c>.</summary>
    public string Phase { get; init; } = "";

    /// <summary>Address Caddy dials, such as <c>127.0.0.1:18081</c>.</summary>
    public string? Address { get; init; }

    /// <summary>Host port on 127.0.0.1 of the proxy device that reaches the instance's botserver port.</summary>
    public int? HostPort { get; init; }

    /// <summary>Whether the instance left the routes and waits for its connections to end before it stops.</summary>
    public bool Draining { get; init; }

    /// <summary>Whether the instance passed its health check and receives traffic.</summary>
    public bool Ready { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTime? CreatedAt { get; init; }
}
