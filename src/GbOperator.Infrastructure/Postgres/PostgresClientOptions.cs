namespace GbOperator.Infrastructure.Postgres;

/// <summary>How the operator logs in to shard servers to manage tenant databases.</summary>
public sealed record PostgresClientOptions
{
    /// <summary>Role that may create databases.</summary>
    /// <value>postgres.</value>
    public string Username { get; init; } = "postgres";

    /// <summary>Password of <see cref="Username"/>; <c>null</c> when the server trusts the connection.</summary>
    public string? Password { get; init; }

    /// <summary>Database the operator connects to, which every server has.</summary>
    /// <value>postgres.</value>
    public string MaintenanceDatabase { get; init; } = "postgres";

    /// <summary>Longest wait for a connection, in seconds.</summary>
    /// <value>5.</value>
    public int ConnectTimeoutSeconds { get; init; } = 5;

    /// <summary>Longest wait for one statement, in seconds. <c>CREATE DATABASE</c> copies a template, so it gets more than a query.</summary>
    /// <value>60.</value>
    public int CommandTimeoutSeconds { get; init; } = 60;
}
