namespace GbOperator.Resources.BotClusters;

/// <summary>Request rate limits, counted per client over a sliding window.</summary>
public sealed record RateLimitSpec
{
    /// <summary>Whether requests over the limit are rejected with 429.</summary>
    /// <value><c>true</c>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Requests one client may make per window.</summary>
    /// <value>100.</value>
    public int Requests { get; init; } = 100;

    /// <summary>Length of the counting window.</summary>
    /// <value>1m.</value>
    public string Window { get; init; } = "1m";

    /// <summary>Requests allowed above the limit in a short burst.</summary>
    /// <value>20.</value>
    public int Burst { get; init; } = 20;

    /// <summary>What identifies a client: <c>ip</c>, the remote address.</summary>
    /// <value>ip.</value>
    public string By { get; init; } = RateLimitKey.Ip;

    /// <summary>Stricter limits of individual API areas, in requests per window.</summary>
    public EndpointRateLimits Endpoints { get; init; } = new();
}
