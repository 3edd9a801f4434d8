namespace GbOperator.Infrastructure.Patroni;

/// <summary>One member in Patroni's <c>GET /cluster</c> response.</summary>
/// <param name="Name">Member name.</param>
/// <param name="Role">Role from the DCS: <c>leader</c>, <c>replica</c>, <c>sync_standby</c> or <c>standby_leader</c>.</param>
/// <param name="State">PostgreSQL state, such as <c>running</c> or <c>stopped</c>.</param>
/// <param name="Host">PostgreSQL host.</param>
/// <param name="Port">PostgreSQL port.</param>
/// <param name="ApiUrl">Base URL of the member's REST API, such as <c>http://127.0.0.1:8008</c>.</param>
/// <param name="Lag">Replication lag in bytes; <c>null</c> for the leader or when Patroni reports <c>unknown</c>.</param>
/// <param name="Timeline">PostgreSQL timeline, when reported.</param>
public sealed record PatroniMember(string Name, string Role, string State, string Host, int Port, Uri? ApiUrl, long? Lag, long? Timeline)
{
    /// <summary>Whether the member owns the leader key and its PostgreSQL runs.</summary>
    public bool IsRunningLeader => Role == "leader" && State == "running";

    /// <summary>PostgreSQL address as <c>host:port</c>.</summary>
    public string Endpoint => $"{Host}:{Port}";
}
