namespace GbOperator.Resources.BotClusters;

/// <summary>A set of identical botserver containers on LXD behind a Caddy load balancer.</summary>
public sealed record BotCluster : Resource<BotClusterSpec, BotClusterStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "BotCluster";

    /// <inheritdoc />
    public override string Kind { get; init; } = KindName;
}
