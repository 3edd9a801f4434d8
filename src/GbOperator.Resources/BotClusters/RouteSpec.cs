namespace GbOperator.Resources.BotClusters;

/// <summary>One path route and how it picks an instance.</summary>
public sealed record RouteSpec
{
    /// <summary>Caddy path matcher, such as <c>/api/*</c>; <c>*</c> is a wildcard.</summary>
    public string Path { get; init; } = "/*";

    /// <summary>Caddy load-balancing policy, one of <see cref="LoadBalancingPolicy.All"/>.</summary>
    /// <value>round_robin.</value>
    public string Policy { get; init; } = LoadBalancingPolicy.RoundRobin;

    /// <summary>Request header that the <c>header</c> policy hashes. Required by that policy only.</summary>
    public string? HeaderField { get; init; }

    /// <summary>Cookie name of the <c>cookie</c> policy. Absent means Caddy's default, <c>lb</c>.</summary>
    public string? CookieName { get; init; }

    /// <summary>How long Caddy keeps trying other instances when one fails. Absent means no retries.</summary>
    public string? TryDuration { get; init; }

    /// <summary>How long Caddy remembers a failed request against an instance (passive health check). Absent turns it off.</summary>
    public string? FailDuration { get; init; }
}
