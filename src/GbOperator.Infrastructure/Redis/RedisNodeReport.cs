namespace GbOperator.Infrastructure.Redis;

/// <summary>What one Redis Cluster node reports about the cluster.</summary>
/// <param name="Endpoint">The node's address as <c>host:port</c>.</param>
/// <param name="Reachable">Whether the node replied.</param>
/// <param name="ClusterState"><c>cluster_state</c> of <c>CLUSTER INFO</c>, <c>ok</c> or <c>fail</c>; <c>null</c> when unreachable.</param>
/// <param name="SlotsOk"><c>cluster_slots_ok</c> of <c>CLUSTER INFO</c>.</param>
/// <param name="SlotsServed">Slots that this node serves as a master, from <c>CLUSTER NODES</c>.</param>
/// <param name="FailedPeers">Addresses of masters that this node flags <c>fail</c> or <c>fail?</c>.</param>
/// <param name="Error">Why the node could not be read, when <paramref name="Reachable"/> is <c>false</c>.</param>
public sealed record RedisNodeReport(
    string Endpoint, bool Reachable, string? ClusterState, int SlotsOk, int SlotsServed, IReadOnlyList<string> FailedPeers, string? Error);
