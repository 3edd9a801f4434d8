namespace GbOperator.Infrastructure.Postgres;

/// <summary>Lists and creates databases on one PostgreSQL server. It never drops a database.</summary>
/// <remarks>
/// Failures throw <see cref="Npgsql.NpgsqlException"/> (connection failed or timed out) or
/// <see cref="Npgsql.PostgresException"/> (the server rejected the statement, such as for a missing privilege).
/// </remarks>
public interface ITenantDatabaseClient
{
    /// <summary>Returns the names of the databases on <paramref name="endpoint"/> that start with <paramref name="prefix"/>, in ordinal order.</summary>
    /// <param name="endpoint">Server address as <c>host:port</c>.</param>
    /// <param name="prefix">Start of the names; compared literally, so <c>_</c> is no wildcard.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<string>> ListDatabasesAsync(string endpoint, string prefix, CancellationToken cancellationToken);

    /// <summary>Creates database <paramref name="database"/> on <paramref name="endpoint"/> with a quoted identifier.</summary>
    /// <returns><c>true</c> when this call created it, <c>false</c> when it existed already.</returns>
    Task<bool> CreateDatabaseAsync(string endpoint, string database, CancellationToken cancellationToken);
}
