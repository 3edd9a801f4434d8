using Microsoft.Data.Sqlite;

namespace GbOperator.Benchmarks.Cases.StoreApi;

/// <summary>
/// Plain Microsoft.Data.Sqlite inserts, selects and updates on one keyed table, in WAL mode like the SQLite store,
/// with a pooled connection per operation.
/// </summary>
internal sealed class SqliteBaseline : IStoreOperations
{
    private readonly string _connectionString;
    private readonly byte[] _value;

    private SqliteBaseline(string connectionString, byte[] value)
    {
        _connectionString = connectionString;
        _value = value;
    }

    public string Name => "Microsoft.Data.Sqlite insert/select/update";

    /// <summary>Creates the table in a new database file at <paramref name="path"/>.</summary>
    public static SqliteBaseline Create(string path, byte[] value)
    {
        string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE objects (key TEXT PRIMARY KEY, revision INTEGER NOT NULL, value BLOB NOT NULL);
            """;
        command.ExecuteNonQuery();
        return new SqliteBaseline(connectionString, value);
    }

    public Task CreateAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO objects (key, revision, value) VALUES ($key, 1, $value)", name, cancellationToken);

    public async Task GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT revision, value FROM objects WHERE key = $key";
        command.Parameters.AddWithValue("$key", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"SQLite has no row for {name}.");
        }

        _ = reader.GetFieldValue<byte[]>(1);
    }

    public async Task UpdateAsync(string name, CancellationToken cancellationToken)
    {
        int changed = await ExecuteAsync(
            "UPDATE objects SET revision = revision + 1, value = $value WHERE key = $key",
            name,
            cancellationToken);
        if (changed != 1)
        {
            throw new InvalidOperationException($"SQLite updated {changed} rows for {name}, expected 1.");
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private async Task<int> ExecuteAsync(string sql, string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", name);
        command.Parameters.AddWithValue("$value", _value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
