namespace GbOperator.Resources.FailoverPolicies;

/// <summary>A Patroni-managed PostgreSQL cluster.</summary>
public sealed record PatroniSpec
{
    /// <summary>Patroni <c>scope</c>, the cluster name.</summary>
    /// <value>botserver-cluster.</value>
    public string Scope { get; init; } = "botserver-cluster";

    /// <summary>REST API base URLs of the members, such as <c>http://127.0.0.1:8008</c>.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>
    /// Client endpoints of the etcd that Patroni uses as its DCS, as <c>host:port</c>. When set, the controller watches
    /// the leader key there and notices a new leader at once; otherwise it polls the REST API.
    /// </summary>
    public IReadOnlyList<string> Etcd { get; init; } = [];

    /// <summary>Patroni <c>namespace</c>, the prefix of its keys in the DCS.</summary>
    /// <value>/service/.</value>
    public string Namespace { get; init; } = "/service/";

    /// <summary>Patroni <c>maximum_lag_on_failover</c>: most bytes a replica may lag and still be promoted.</summary>
    /// <value>1048576 (1 MiB).</value>
    public long MaximumLagOnFailover { get; init; } = 1_048_576;
}
