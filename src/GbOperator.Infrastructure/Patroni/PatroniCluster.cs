namespace GbOperator.Infrastructure.Patroni;

/// <summary>Patroni's view of the cluster, from <c>GET /cluster</c> on one member.</summary>
/// <param name="Members">The members, sorted by name as Patroni sends them.</param>
/// <param name="Source">REST API base URL of the member that sent the view.</param>
public sealed record PatroniCluster(IReadOnlyList<PatroniMember> Members, Uri Source)
{
    /// <summary>The member that owns the leader key with PostgreSQL running, or <c>null</c> during a leader race or outage.</summary>
    public PatroniMember? Leader => Members.FirstOrDefault(member => member.IsRunningLeader);
}
