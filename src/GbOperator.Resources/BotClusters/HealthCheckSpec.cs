namespace GbOperator.Resources.BotClusters;

/// <summary>HTTP health check of each instance.</summary>
public sealed record HealthCheckSpec
{
    /// <summary>Whether instances are probed. When off, an instance is ready as soon as it runs.</summary>
    /// <value><c>true</c>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Path requested with GET. A 200 response means healthy.</summary>
    /// <value>/api/health.</value>
    public string Path { get; init; } = "/api/health";

    /// <summary>Time between two probes.</summary>
    /// <value>10s.</value>
    public string Interval { get; init; } = "10s";

    /// <summary>Longest wait for one probe's response.</summary>
    /// <value>5s.</value>
    public string Timeout { get; init; } = "5s";

    /// <summary>Consecutive failed probes after which an instance is unhealthy.</summary>
    /// <value>3.</value>
    public int Retries { get; init; } = 3;
}
