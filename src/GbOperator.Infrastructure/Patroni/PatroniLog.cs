using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Patroni;

/// <summary>Log messages of the Patroni clients, with fixed event ids from 3400.</summary>
internal static partial class PatroniLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information,
        Message = "Patroni {Endpoint} answered the switchover from {Leader} to {Candidate} with {StatusCode}: {PatroniMessage}")]
    public static partial void SwitchoverAnswered(ILogger logger, Uri endpoint, string leader, string candidate, int statusCode, string patroniMessage);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning,
        Message = "Watching the Patroni leader key {Key} on etcd {Endpoint} failed; watching again in {Delay}")]
    public static partial void LeaderWatchFailed(ILogger logger, Exception exception, string key, string endpoint, TimeSpan delay);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Watching the Patroni leader key {Key} on etcd {Endpoint}")]
    public static partial void LeaderWatchStarted(ILogger logger, string key, string endpoint);
}
