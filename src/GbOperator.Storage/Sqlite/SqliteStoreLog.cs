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
}
