namespace GbOperator.Resources.BotClusters;

/// <summary>The Caddy site that spreads requests over the ready instances.</summary>
public sealed record RoutingSpec
{
    /// <summary>Host name the site answers to, such as <c>bot.example.com</c>. Absent means any host.</summary>
    public string? Host { get; init; }

    /// <summary>
    /// Address Caddy listens on, in the form <c>127.0.0.1:PORT</c> such as <c>127.0.0.1:8443</c>. Only the loopback
    /// address is accepted, so a front proxy on the host publishes the site. Each BotCluster needs its own address.
    /// </summary>
    /// <value>127.0.0.1:8080.</value>
    public string ListenAddress { get; init; } = "127.0.0.1:8080";

    /// <summary>Routes by path, matched in order. The first match handles the request.</summary>
    /// <value>WebSocket paths with sticky cookies, API paths round robin, everything else to the first healthy instance.</value>
    [ListMapKeys("path")]
    public IReadOnlyList<RouteSpec> Routes { get; init; } =
    [
        new() { Path = "/ws*", Policy = LoadBalancingPolicy.Cookie, TryDuration = "5s" },
        new() { Path = "/api/*", Policy = LoadBalancingPolicy.RoundRobin, TryDuration = "5s", FailDuration = "30s" },
        new() { Path = "/*", Policy = LoadBalancingPolicy.First },
    ];

    /// <summary>Response headers that harden the site.</summary>
    public SecurityHeadersSpec SecurityHeaders { get; init; } = new();

    /// <summary>Response encodings Caddy may use, in order of preference: <c>gzip</c>, <c>zstd</c>. Empty turns compression off.</summary>
    /// <value>gzip, zstd.</value>
    public IReadOnlyList<string> Compression { get; init; } = ["gzip", "zstd"];

    /// <summary>Request rate limits per client.</summary>
    public RateLimitSpec RateLimit { get; init; } = new();
}
