using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>Log messages of the ShardMap reconciler, with fixed event ids.</summary>
internal static partial class ShardMapLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Shard {Shard} at {Endpoint} is unavailable")]
    public static partial void ShardUnavailable(ILogger logger, Exception exception, string shard, string endpoint);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Ensuring Qdrant collection {Collection} at {Endpoint} failed")]
    public static partial void QdrantFailed(ILogger logger, Exception exception, string collection, string endpoint);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Wrote routing table {Version} into instance {Instance}")]
    public static partial void RoutingFileWritten(ILogger logger, string instance, string version);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Writing the routing table into instance {Instance} failed")]
    public static partial void RoutingFileFailed(ILogger logger, Exception exception, string instance);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Planned rebalancing from generation {FromGeneration} to {ToGeneration}: {MoveCount} moves")]
    public static partial void RebalancingPlanned(ILogger logger, long? fromGeneration, long? toGeneration, int moveCount);
}
