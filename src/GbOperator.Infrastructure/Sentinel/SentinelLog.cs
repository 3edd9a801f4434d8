using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Sentinel;

/// <summary>Log messages of the Sentinel client, with fixed event ids from 3500.</summary>
internal static partial class SentinelLog
{
    [LoggerMessage(EventId = 3500, Level = LogLevel.Information,
        Message = "Sentinel {Sentinel} published +switch-master: {Payload}")]
    public static partial void SwitchMaster(ILogger logger, string sentinel, string payload);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning,
        Message = "Sentinel {Sentinel} failed to return the master {MasterName}: {Problem}")]
    public static partial void QueryFailed(ILogger logger, string sentinel, string masterName, string problem);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Information, Message = "Connection to Sentinel {Sentinel} restored")]
    public static partial void ConnectionRestored(ILogger logger, string sentinel);
}
