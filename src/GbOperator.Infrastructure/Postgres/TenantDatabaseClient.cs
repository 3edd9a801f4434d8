using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GbOperator.Infrastructure.Postgres;

/// <summary>Npgsql implementation of <see cref="ITenantDatabaseClient"/>; opens one pooled connection per call.</summary>
/// <remarks>
/// NOTE: calls are not retried here. The ShardMap reconciler runs again with the work queue's backoff after a failure, so
/// the queue is the one owner of retries.
/// </remarks>
public sealed class TenantDatabaseClient(PostgresClientOptions options, ILogger<TenantDatabaseClient> logger) : ITenantDatabaseClient
{
    /// <summary>SQLSTATE 42P04 duplicate_database: another session created the database first.</summary>
    private const string DuplicateDatabase = "42P04";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListDatabasesAsync(string endpoint, string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(endpoint, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname COLLATE \"C\"", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = prefix });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <inheritdoc/>
    public async Task<bool> CreateDatabaseAsync(string endpoint, string database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(endpoint, cancellationToken);

        // CREATE DATABASE takes no parameters, so the name goes in as a quoted identifier.
        await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == DuplicateDatabase)
        {
            return false;
        }

        PostgresLog.DatabaseCreated(logger, database, endpoint);
        return true;
    }

    /// <summary>Returns <paramref name="identifier"/> in double quotes with every double quote doubled, as PostgreSQL reads it.</summary>
    public static string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("an identifier cannot contain a NUL character", nameof(identifier));
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private async Task<NpgsqlConnection> OpenAsync(string endpoint, CancellationToken cancellationToken)
    {
        var colon = endpoint.LastIndexOf(':');
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint[..colon],
            Port = int.Parse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture),
            Username = options.Username,
            Password = options.Password,
            Database = options.MaintenanceDatabase,
            Timeout = options.ConnectTimeoutSeconds,
            CommandTimeout = options.CommandTimeoutSeconds,
            ApplicationName = "gb-operator",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
