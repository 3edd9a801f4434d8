namespace GbOperator.Resources.BotClusters;

/// <summary>The selection policies of Caddy 2.6's <c>reverse_proxy</c> handler.</summary>
/// <remarks>
/// Caddy 2.7 added <c>weighted_round_robin</c>, <c>client_ip_hash</c> and <c>query</c>. They are not accepted
/// because Debian 12 ships Caddy 2.6.2.
/// </remarks>
public static class LoadBalancingPolicy
{
    /// <summary>A random instance; Caddy's default.</summary>
    public const string Random = "random";

    /// <summary>The less busy of two (or more) random instances.</summary>
    public const string RandomChoose = "random_choose";

    /// <summary>The instance with the fewest open requests.</summary>
    public const string LeastConn = "least_conn";

    /// <summary>Each instance in turn.</summary>
    public const string RoundRobin = "round_robin";

    /// <summary>The first healthy instance.</summary>
    public const string First = "first";

    /// <summary>An instance chosen by a hash of the client address.</summary>
    public const string IpHash = "ip_hash";

    /// <summary>An instance chosen by a hash of the request URI.</summary>
    public const string UriHash = "uri_hash";

    /// <summary>An instance chosen by a hash of a request header.</summary>
    public const string Header = "header";

    /// <summary>A sticky instance remembered in a cookie.</summary>
    public const string Cookie = "cookie";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Random, RandomChoose, LeastConn, RoundRobin, First, IpHash, UriHash, Header, Cookie];
}
