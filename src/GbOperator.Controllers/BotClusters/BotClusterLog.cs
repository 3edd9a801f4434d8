using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Log messages of the BotCluster reconciler, with fixed event ids from 1300.</summary>
internal static partial class BotClusterLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Added finalizer {Finalizer}")]
    public static partial void FinalizerAdded(ILogger logger, string finalizer);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Removed finalizer {Finalizer}")]
    public static partial void FinalizerRemoved(ILogger logger, string finalizer);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Created instance {Instance} from image {Image} with host port {HostPort}")]
    public static partial void InstanceCreated(ILogger logger, string instance, string image, int hostPort);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Started instance {Instance}")]
    public static partial void InstanceStarted(ILogger logger, string instance);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "LXD cannot apply {Limit} to {Instance}: {LxdError}; starting without it")]
    public static partial void LimitRejected(ILogger logger, string limit, string instance, string lxdError);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Draining instance {Instance} for up to {DrainTimeout}")]
    public static partial void Draining(ILogger logger, string instance, string drainTimeout);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Debug, Message = "Instance {Instance} still has {Connections} connections after {Elapsed}")]
    public static partial void StillDraining(ILogger logger, string instance, int connections, TimeSpan elapsed);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Information, Message = "Instance {Instance} drained with {Connections} connections left after {Elapsed}")]
    public static partial void Drained(ILogger logger, string instance, int connections, TimeSpan elapsed);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Information, Message = "Deleted instance {Instance}")]
    public static partial void InstanceDeleted(ILogger logger, string instance);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Warning, Message = "Replacing instance {Instance}: it failed its health check {Retries} times in a row or never passed it")]
    public static partial void Replacing(ILogger logger, string instance, int retries);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "Deleting orphaned instance {Instance} of {OwnerNamespace}/{OwnerName} with uid {OwnerUid}")]
    public static partial void DeletingOrphan(ILogger logger, string instance, string ownerNamespace, string ownerName, string ownerUid);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Counting the connections of {Instance} failed; counting them as 0")]
    public static partial void ConnectionCountFailed(ILogger logger, Exception exception, string instance);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Information, Message = "Updated Caddy server {CaddyId}")]
    public static partial void RoutesUpdated(ILogger logger, string caddyId);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Information, Message = "Removed Caddy server {CaddyId}")]
    public static partial void RoutesRemoved(ILogger logger, string caddyId);

    [LoggerMessage(EventId = 1314, Level = LogLevel.Debug, Message = "Health check of {Instance} at {Uri} returned {StatusCode}")]
    public static partial void HealthCheckStatus(ILogger logger, string instance, Uri uri, int statusCode);

    [LoggerMessage(EventId = 1315, Level = LogLevel.Debug, Message = "Health check of {Instance} at {Uri} failed: {Error}")]
    public static partial void HealthCheckFailed(ILogger logger, string instance, Uri uri, string error);
}
