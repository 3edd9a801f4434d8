using Microsoft.Extensions.Logging;

namespace GbOperator.Storage.Sqlite;

/// <summary>Log messages of the SQLite store, with fixed event ids.</summary>
internal static partial class SqliteStoreLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Opened SQLite store {Path} at revision {Revision}")]
    public static partial void Opened(ILogger logger, string path, long revision);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Closed SQLite store {Path}")]
    public static partial void Closed(ILogger logger, string path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Compacted SQLite store {Path} to revision {Revision}, deleting {RowCount} rows")]
    public static partial void Compacted(ILogger logger, string path, long revision, int rowCount);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "SQLite store {Path} runs in journal mode {JournalMode} because WAL could not be enabled")]
    public static partial void WalUnavailable(ILogger logger, string path, string? journalMode);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "SQLite store {Path} failed to {Operation} {Key}")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string path, string operation, string? key);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "Reading new log rows after revision {Revision} failed, retrying in {PollInterval}")]
    public static partial void FeedReadFailed(ILogger logger, Exception exception, long revision, TimeSpan pollInterval);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Closed the watch on {Prefix} at revision {Revision} because {WatchBufferSize} events were waiting for it")]
    public static partial void WatchOverflowed(ILogger logger, string prefix, long revision, int watchBufferSize);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Closing {WatchCount} watches because the log was compacted to revision {CompactRevision} before they received revision {Revision}")]
    public static partial void WatchesCompacted(ILogger logger, int watchCount, long compactRevision, long revision);
}
