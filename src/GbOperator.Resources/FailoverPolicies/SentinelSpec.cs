namespace GbOperator.Resources.FailoverPolicies;

/// <summary>The Redis Sentinels that elect the cache primary.</summary>
public sealed record SentinelSpec
{
    /// <summary>Name of the monitored primary, as in <c>sentinel monitor</c>.</summary>
    /// <value>mymaster.</value>
    public string MasterName { get; init; } = "mymaster";

    /// <summary>Sentinel endpoints as <c>host:port</c>, such as <c>127.0.0.1:26379</c>.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>Sentinels that must agree the primary is down, at most the number of endpoints.</summary>
    /// <value>2.</value>
    public int Quorum { get; init; } = 2;
}
