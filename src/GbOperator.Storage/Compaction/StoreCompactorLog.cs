using Microsoft.Extensions.Logging;

namespace GbOperator.Storage.Compaction;

/// <summary>Log messages of the <see cref="StoreCompactor"/>, with fixed event ids.</summary>
internal static partial class StoreCompactorLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Store compaction started: every {Interval}, keeping {RetainedRevisions} revisions and {RetentionWindow} of history")]
    public static partial void Started(ILogger logger, TimeSpan interval, long? retainedRevisions, TimeSpan? retentionWindow);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Store compaction stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Compacting the store to revision {Revision} at current revision {CurrentRevision}")]
    public static partial void Compacting(ILogger logger, long revision, long currentRevision);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Store compaction failed; retrying in {Interval}")]
    public static partial void Failed(ILogger logger, Exception exception, TimeSpan interval);
}
