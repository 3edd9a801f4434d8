using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GbOperator.Storage.Sqlite;

/// <summary>
/// Reads the rows appended to the log, in revision order, and hands each one to the watches whose prefix it matches.
/// </summary>
/// <remarks>
/// One background loop reads rows after the last revision it published. It runs when this process commits
/// (<see cref="Notify"/>) and every poll interval, so rows that other processes append show up too.
/// SQLite lets one writer at a time commit, and ids are assigned inside the write transaction, so
/// rows become visible in id order and reading <c>id &gt; last</c> misses none of them.
/// </remarks>
internal sealed class SqliteChangeFeed : IAsyncDisposable
{
    private const int BatchSize = 1000;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _openConnectionAsync;
    private readonly SqliteResourceStoreOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly SemaphoreSlim _wakeUp = new(0, 1);
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private long _publishedRevision;
    private Task _loop = Task.CompletedTask;

    public SqliteChangeFeed(Func<CancellationToken, Task<SqliteConnection>> openConnectionAsync, SqliteResourceStoreOptions options, ILogger logger)
    {
        _openConnectionAsync = openConnectionAsync;
        _options = options;
        _logger = logger;
    }

    /// <summary>Starts the loop; rows up to <paramref name="startRevision"/> count as published already.</summary>
    public void Start(long startRevision)
    {
        _publishedRevision = startRevision;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Wakes the loop after a commit of this process.</summary>
    public void Notify()
    {
        try
        {
            _wakeUp.Release();
        }
        catch (SemaphoreFullException)
        {
            // The loop is woken already and reads every row committed so far.
        }
    }

    /// <summary>Adds a watch on <paramref name="prefix"/>.</summary>
    /// <param name="publishedRevision">Set to the last revision published before the watch was added; the
    /// subscription receives every later matching row.</param>
    public WatchSubscription Subscribe(string prefix, out long publishedRevision)
    {
        var subscription = new WatchSubscription(prefix, _options.WatchBufferSize);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            publishedRevision = _publishedRevision;
        }

        return subscription;
    }

    public void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }

        subscription.Complete();
    }

    /// <summary>Publishes every row committed so far, so that nothing is left for a compaction to remove unseen.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _publishLock.WaitAsync(cancellationToken);
        try
        {
            await PublishNewRowsAsync(cancellationToken);
        }
        finally
        {
            _publishLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;

        lock (_gate)
        {
            foreach (WatchSubscription subscription in _subscriptions)
            {
                subscription.Complete();
            }

            _subscriptions.Clear();
        }

        _stopping.Dispose();
        _wakeUp.Dispose();
        _publishLock.Dispose();
    }

    private async Task RunAsync()
    {
        CancellationToken stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // Start set the published revision to the current one, so the first read waits too.
                await _wakeUp.WaitAsync(_options.PollInterval, stopping);
                await CatchUpAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                SqliteStoreLog.FeedReadFailed(_logger, ex, _publishedRevision, _options.PollInterval);
                try
                {
                    await Task.Delay(_options.PollInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task PublishNewRowsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            (List<LogRow> rows, long compactRevision) = await ReadRowsAfterAsync(_publishedRevision, cancellationToken);

            if (compactRevision > _publishedRevision + 1)
            {
                // Another process compacted past rows this feed had not read yet, so some changes are lost.
                FailAll(compactRevision);
                continue;
            }

            if (rows.Count == 0)
            {
                return;
            }

            Publish(rows);
            if (rows.Count < BatchSize)
            {
                return;
            }
        }
    }

    private async Task<(List<LogRow> Rows, long CompactRevision)> ReadRowsAfterAsync(long afterRevision, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await _openConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);

        await using SqliteCommand compactCommand = connection.CreateCommand();
        compactCommand.Transaction = transaction;
        compactCommand.CommandText = SqliteSchema.SelectCompactRevision;
        long compactRevision = (long)(await compactCommand.ExecuteScalarAsync(cancellationToken))!;

        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {LogRow.Columns} FROM log WHERE id > $after ORDER BY id LIMIT {BatchSize}";
        command.Parameters.AddWithValue("$after", afterRevision);

        var rows = new List<LogRow>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(LogRow.Read(reader));
        }

        return (rows, compactRevision);
    }

    private void Publish(List<LogRow> rows)
    {
        lock (_gate)
        {
            foreach (LogRow row in rows)
            {
                StoreEvent storeEvent = row.ToEvent();
                for (int i = _subscriptions.Count - 1; i >= 0; i--)
                {
                    WatchSubscription subscription = _subscriptions[i];
                    if (!row.Name.StartsWith(subscription.Prefix, StringComparison.Ordinal) || subscription.TryPublish(storeEvent))
                    {
                        continue;
                    }

                    SqliteStoreLog.WatchOverflowed(_logger, subscription.Prefix, row.Id, _options.WatchBufferSize);
                    subscription.Complete(new StoreUnavailableException(
                        $"The watch on '{subscription.Prefix}' fell {_options.WatchBufferSize} events behind and was closed at revision {row.Id}. Watch again from the last revision received."));
                    _subscriptions.RemoveAt(i);
                }
            }

            _publishedRevision = rows[^1].Id;
        }
    }

    private void FailAll(long compactRevision)
    {
        lock (_gate)
        {
            SqliteStoreLog.WatchesCompacted(_logger, _subscriptions.Count, compactRevision, _publishedRevision + 1);
            var error = new RevisionCompactedException(_publishedRevision + 1, compactRevision);
            foreach (WatchSubscription subscription in _subscriptions)
            {
                subscription.Complete(error);
            }

            _subscriptions.Clear();

            // Watches added from now on read the rows from the compaction point on from the table.
            _publishedRevision = compactRevision - 1;
        }
    }
}
