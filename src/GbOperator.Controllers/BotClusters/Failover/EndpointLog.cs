using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>Log messages of the endpoint re-pointing, with fixed event ids from 1350.</summary>
internal static partial class EndpointLog
{
    [LoggerMessage(EventId = 1350, Level = LogLevel.Information, Message = "Re-pointed device {Device} of {Instance} from {From} to {To}")]
    public static partial void DeviceRepointed(ILogger logger, string instance, string device, string from, string to);

    [LoggerMessage(EventId = 1351, Level = LogLevel.Information, Message = "Wrote the .env of {Instance}; back ends without a server: {Degraded}")]
    public static partial void EnvWritten(ILogger logger, string instance, string degraded);

    [LoggerMessage(EventId = 1352, Level = LogLevel.Information, Message = "Re-pointed {Instances} instances in {Elapsed}: {Summary}")]
    public static partial void Repointed(ILogger logger, int instances, TimeSpan elapsed, string summary);

    [LoggerMessage(EventId = 1353, Level = LogLevel.Warning, Message = "Endpoints not resolved: {Reason}: {Message}")]
    public static partial void Unresolved(ILogger logger, string reason, string message);
}
