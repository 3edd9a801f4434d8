using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Storage.Sqlite;

/// <summary>
/// An <see cref="IResourceStore"/> in one SQLite file, kept as an append-only log in the way k3s' kine does.
/// </summary>
/// <remarks>
/// Every write appends a row whose AUTOINCREMENT id is the new revision, and a key's current value is
/// its newest row unless that row records a delete. Writes of this object run one at a time, each in a
/// <c>BEGIN IMMEDIATE</c> transaction, so other processes may write to the same file too. The file uses
/// WAL journaling, so reads run beside a writer. Watches are fed by a change feed that wakes on this
/// object's commits and polls for other processes' commits every
/// <see cref="SqliteResourceStoreOptions.PollInterval"/>.
/// </remarks>
public sealed class SqliteResourceStore : IResourceStore
{
    private const int HistoryBatchSize = 1000;

    private readonly string _filePath;
    private readonly string _connectionString;
    private readonly SqliteResourceStoreOptions _options;
    private readonly ILogger<SqliteResourceStore> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteChangeFeed _changeFeed;
    private int _disposed;

    /// <summary>Opens the store in the file at <paramref name="path"/>, creating the file, its folder and the tables when missing.</summary>
    /// <param name="path">Database file path, absolute or relative to the current directory.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults.</param>
    /// <param name="logger">Logger, or <c>null</c> to log nothing.</param>
    /// <exception cref="StoreUnavailableException">The file cannot be opened or initialised.</exception>
    public SqliteResourceStore(string path, SqliteResourceStoreOptions? options = null, ILogger<SqliteResourceStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _options = options ?? new SqliteResourceStoreOptions();
        _logger = logger ?? NullLogger<SqliteResourceStore>.Instance;
        _filePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
        }.ToString();

        long revision = Initialize();
        _changeFeed = new SqliteChangeFeed(OpenConnectionAsync, _options, _logger);
        _changeFeed.Start(revision);
        SqliteStoreLog.Opened(_logger, _filePath, revision);
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath => _filePath;

    /// <inheritdoc />
    public Task<long> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return AppendAsync(key, latest =>
        {
            if (latest is { Deleted: false })
            {
                throw new KeyExistsException(key) { Key = key };
            }

            return new PendingRow(Created: true, Deleted: false, CreateRevision: null, PrevRevision: latest?.Id ?? 0, value.ToArray());
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredValue?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
            LogRow? latest = await ReadLatestRowAsync(connection, transaction: null, key, cancellationToken);
            return latest is null or { Deleted: true } ? null : latest.ToStoredValue();
        }
        catch (SqliteException ex)
        {
            throw Unavailable("read", key, ex);
        }
    }

    /// <inheritdoc />
    public Task<long> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return AppendAsync(key, latest =>
        {
            LogRow current = RequireRevision(key, latest, expectedRevision);
            return new PendingRow(Created: false, Deleted: false, current.CreateRevision, current.Id, value.ToArray());
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return AppendAsync(key, latest =>
        {
            LogRow current = RequireRevision(key, latest, expectedRevision);
            return new PendingRow(Created: false, Deleted: true, current.CreateRevision, current.Id, current.Value);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ListResult> ListAsync(string prefix, string? startAfterKey, int limit, long atRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(atRevision);
        try
        {
            await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: true);

            // Both revisions and the rows come from one read transaction, so they describe one snapshot.
            long currentRevision = await ReadScalarAsync(connection, transaction, SqliteSchema.SelectCurrentRevision, cancellationToken);
            long compactRevision = await ReadScalarAsync(connection, transaction, SqliteSchema.SelectCompactRevision, cancellationToken);
            long revision = atRevision == 0 ? currentRevision : atRevision;
            if (revision > currentRevision)
            {
                throw new FutureRevisionException(revision, currentRevision);
            }

            if (revision < compactRevision)
            {
                throw new RevisionCompactedException(revision, compactRevision);
            }

            await using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            string range = AddPrefixCondition(command, prefix, "name");
            if (startAfterKey is not null)
            {
                range += " AND name > $startAfter";
                command.Parameters.AddWithValue("$startAfter", startAfterKey);
            }

            command.CommandText = $"""
                SELECT {LogRow.Columns} FROM log
                WHERE id IN (SELECT MAX(id) FROM log WHERE {range} AND id <= $revision GROUP BY name) AND deleted = 0
                ORDER BY name
                {(limit > 0 ? "LIMIT $limit" : "")}
                """;
            command.Parameters.AddWithValue("$revision", revision);
            command.Parameters.AddWithValue("$limit", limit + 1);

            var items = new List<StoredValue>();
            bool hasMore = false;
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (limit > 0 && items.Count == limit)
                {
                    hasMore = true;
                    break;
                }

                items.Add(LogRow.Read(reader).ToStoredValue());
            }

            return new ListResult(items, revision, hasMore);
        }
        catch (SqliteException ex)
        {
            throw Unavailable("list", prefix, ex);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Subscribe before reading the history, so that no row falls between the two.
        WatchSubscription subscription = _changeFeed.Subscribe(prefix, out long publishedRevision);
        try
        {
            // Each batch checks the compaction point again, so a compaction during the replay fails the watch.
            long lastRevision = afterRevision;
            List<LogRow> rows;
            do
            {
                rows = await ReadHistoryAsync(prefix, lastRevision, publishedRevision, cancellationToken);
                foreach (LogRow row in rows)
                {
                    yield return row.ToEvent();
                }

                lastRevision = rows.Count > 0 ? rows[^1].Id : lastRevision;
            }
            while (rows.Count == HistoryBatchSize);

            lastRevision = Math.Max(afterRevision, publishedRevision);
            await foreach (StoreEvent storeEvent in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                if (storeEvent.Revision <= lastRevision)
                {
                    continue;
                }

                lastRevision = storeEvent.Revision;
                yield return storeEvent;
            }
        }
        finally
        {
            _changeFeed.Unsubscribe(subscription);
        }
    }

    /// <inheritdoc />
    public async Task<long> GetCurrentRevisionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
            return await ReadScalarAsync(connection, transaction: null, SqliteSchema.SelectCurrentRevision, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unavailable("read the current revision", key: null, ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Deletes every row that a row at or below <paramref name="revision"/> supersedes, and every delete
    /// row below it, so reads at <paramref name="revision"/> and later still see the same state. A
    /// revision at or below the current compaction point changes nothing.
    /// </remarks>
    /// <exception cref="FutureRevisionException"><paramref name="revision"/> is above the current revision.</exception>
    public async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Hand every row to the watches before any of them can be deleted.
            await _changeFeed.CatchUpAsync(cancellationToken);

            await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            long currentRevision = await ReadScalarAsync(connection, transaction, SqliteSchema.SelectCurrentRevision, cancellationToken);
            long compactRevision = await ReadScalarAsync(connection, transaction, SqliteSchema.SelectCompactRevision, cancellationToken);
            if (revision > currentRevision)
            {
                throw new FutureRevisionException(revision, currentRevision);
            }

            if (revision <= compactRevision)
            {
                return;
            }

            await using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                DELETE FROM log WHERE id IN (
                    SELECT prev_revision FROM log WHERE id > $from AND id <= $to AND prev_revision > 0);
                DELETE FROM log WHERE id >= $from AND id < $to AND deleted = 1;
                UPDATE meta SET value = $to WHERE key = 'compact_revision';
                """;
            command.Parameters.AddWithValue("$from", compactRevision);
            command.Parameters.AddWithValue("$to", revision);
            int deletedRows = await command.ExecuteNonQueryAsync(cancellationToken) - 1;
            await transaction.CommitAsync(cancellationToken);

            SqliteStoreLog.Compacted(_logger, _filePath, revision, deletedRows);
        }
        catch (SqliteException ex)
        {
            throw Unavailable("compact", key: null, ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<long> GetCompactedRevisionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
            return await ReadScalarAsync(connection, transaction: null, SqliteSchema.SelectCompactRevision, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unavailable("read the compaction point", key: null, ex);
        }
    }

    /// <summary>Stops the change feed, ends open watches and closes the pooled connections to the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _changeFeed.DisposeAsync();
        await using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeLock.Dispose();
        SqliteStoreLog.Closed(_logger, _filePath);
    }

    private static LogRow RequireRevision(string key, LogRow? latest, long? expectedRevision)
    {
        if (latest is null or { Deleted: true })
        {
            throw new KeyNotFoundException(key) { Key = key };
        }

        if (expectedRevision is { } expected && latest.Id != expected)
        {
            throw new RevisionConflictException(key, expected, latest.Id) { Key = key };
        }

        return latest;
    }

    /// <summary>
    /// Adds the condition "<paramref name="column"/> starts with <paramref name="prefix"/>" to
    /// <paramref name="command"/>'s parameters and returns its SQL.
    /// </summary>
    private static string AddPrefixCondition(SqliteCommand command, string prefix, string column)
    {
        command.Parameters.AddWithValue("$prefix", prefix);
        string? end = KeyRange.PrefixEnd(prefix);
        if (end is not null)
        {
            command.Parameters.AddWithValue("$prefixEnd", end);
            return $"{column} >= $prefix AND {column} < $prefixEnd";
        }

        return $"{column} >= $prefix AND substr({column}, 1, length($prefix)) = $prefix";
    }

    private static async Task<long> ReadScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<LogRow?> ReadLatestRowAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {LogRow.Columns} FROM log WHERE name = $name ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$name", key);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? LogRow.Read(reader) : null;
    }

    private long Initialize()
    {
        try
        {
            string? folder = Path.GetDirectoryName(_filePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();

            // WAL lets readers run beside the one writer, and the file keeps the mode once set.
            command.CommandText = "PRAGMA journal_mode = WAL";
            string? journalMode = command.ExecuteScalar() as string;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                SqliteStoreLog.WalUnavailable(_logger, _filePath, journalMode);
            }

            command.CommandText = $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}";
            command.ExecuteNonQuery();

            using (SqliteTransaction transaction = connection.BeginTransaction(deferred: false))
            {
                command.Transaction = transaction;
                command.CommandText = SqliteSchema.CreateTables;
                command.ExecuteNonQuery();
                transaction.Commit();
            }

            command.Transaction = null;
            command.CommandText = SqliteSchema.SelectCurrentRevision;
            return (long)command.ExecuteScalar()!;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"Opening the SQLite store '{_filePath}' failed: {ex.Message}", ex);
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Appends one row for <paramref name="key"/> in a write transaction. <paramref name="decide"/> gets the
    /// key's newest row, throws when the write must not happen, and returns the row to append.
    /// </summary>
    private async Task<long> AppendAsync(string key, Func<LogRow?, PendingRow> decide, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            long revision;
            await using (SqliteConnection connection = await OpenConnectionAsync(cancellationToken))
            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                LogRow? latest = await ReadLatestRowAsync(connection, transaction, key, cancellationToken);
                PendingRow row = decide(latest);

                await using SqliteCommand command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO log (name, created, deleted, create_revision, prev_revision, value)
                    VALUES ($name, $created, $deleted, COALESCE($createRevision, 0), $prevRevision, $value)
                    RETURNING id
                    """;
                command.Parameters.AddWithValue("$name", key);
                command.Parameters.AddWithValue("$created", row.Created ? 1 : 0);
                command.Parameters.AddWithValue("$deleted", row.Deleted ? 1 : 0);
                command.Parameters.AddWithValue("$createRevision", row.CreateRevision is { } createRevision ? createRevision : DBNull.Value);
                command.Parameters.AddWithValue("$prevRevision", row.PrevRevision);
                command.Parameters.Add("$value", SqliteType.Blob).Value = row.Value;
                revision = (long)(await command.ExecuteScalarAsync(cancellationToken))!;

                if (row.CreateRevision is null)
                {
                    // A created key's create revision is the revision of the row itself.
                    command.Parameters.Clear();
                    command.CommandText = "UPDATE log SET create_revision = id WHERE id = $id";
                    command.Parameters.AddWithValue("$id", revision);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            _changeFeed.Notify();
            return revision;
        }
        catch (SqliteException ex)
        {
            throw Unavailable("write", key, ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<List<LogRow>> ReadHistoryAsync(string prefix, long afterRevision, long untilRevision, CancellationToken cancellationToken)
    {
        try
        {
            await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: true);
            long compactRevision = await ReadScalarAsync(connection, transaction, SqliteSchema.SelectCompactRevision, cancellationToken);
            if (afterRevision + 1 < compactRevision)
            {
                throw new RevisionCompactedException(afterRevision + 1, compactRevision);
            }

            await using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            string range = AddPrefixCondition(command, prefix, "name");
            command.CommandText = $"SELECT {LogRow.Columns} FROM log WHERE id > $after AND id <= $until AND {range} ORDER BY id LIMIT {HistoryBatchSize}";
            command.Parameters.AddWithValue("$after", afterRevision);
            command.Parameters.AddWithValue("$until", untilRevision);

            var rows = new List<LogRow>();
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(LogRow.Read(reader));
            }

            return rows;
        }
        catch (SqliteException ex)
        {
            throw Unavailable("read the history of", prefix, ex);
        }
    }

    private StoreUnavailableException Unavailable(string operation, string? key, SqliteException ex)
    {
        SqliteStoreLog.OperationFailed(_logger, ex, _filePath, operation, key);
        string target = key is null ? string.Empty : $" '{key}'";
        return new StoreUnavailableException($"SQLite store '{_filePath}' failed to {operation}{target}: {ex.Message}", ex) { Key = key };
    }
}
