namespace GbOperator.Benchmarks.Cases.Failover;

/// <summary>One member as Patroni's <c>GET /cluster</c> lists it.</summary>
/// <param name="Name">Member name, such as <c>pg0</c>.</param>
/// <param name="Role">leader, replica or sync_standby.</param>
/// <param name="State">running, streaming, stopped and so on.</param>
/// <param name="Postgres">PostgreSQL endpoint <c>host:port</c>.</param>
/// <param name="Lag">Replication lag in bytes; <c>null</c> for the leader or when Patroni reports it as unknown.</param>
internal sealed record PatroniMember(string Name, string Role, string State, string Postgres, long? Lag)
{
    public bool IsLeader => Role == "leader";

    /// <summary>A replica that runs and has replayed everything, so Patroni accepts it as a switchover candidate.</summary>
    public bool IsCaughtUp => !IsLeader && State is "running" or "streaming" && Lag == 0;
}
