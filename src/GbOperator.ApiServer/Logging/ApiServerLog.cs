using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Logging;

/// <summary>The API server's log messages, with fixed event ids.</summary>
internal static partial class ApiServerLog
{
    [LoggerMessage(1001, LogLevel.Information, "Created {Kind} {Namespace}/{Name} at revision {Revision}")]
    public static partial void Created(this ILogger logger, string kind, string @namespace, string name, long revision);

    [LoggerMessage(1002, LogLevel.Information, "Deleted {Kind} {Namespace}/{Name} at revision {Revision}")]
    public static partial void Deleted(this ILogger logger, string kind, string @namespace, string name, long revision);

    [LoggerMessage(1003, LogLevel.Information, "Started deletion of {Kind} {Namespace}/{Name} with pending finalizers {Finalizers} at revision {Revision}")]
    public static partial void DeletionStarted(this ILogger logger, string kind, string @namespace, string name, IReadOnlyList<string> finalizers, long revision);

    [LoggerMessage(1004, LogLevel.Information, "Deleted {Kind} {Namespace}/{Name} after its last finalizer was removed, at revision {Revision}")]
    public static partial void DeletedAfterFinalizers(this ILogger logger, string kind, string @namespace, string name, long revision);

    [LoggerMessage(1005, LogLevel.Debug, "{Operation} of {Kind} {Namespace}/{Name} raced another write; attempt {Attempt} of {MaxAttempts}")]
    public static partial void WriteRaced(this ILogger logger, string operation, string kind, string @namespace, string name, int attempt, int maxAttempts);

    [LoggerMessage(2001, LogLevel.Information, "Watch cache of {Kind} loaded {Count} objects at revision {Revision}")]
    public static partial void WatchCacheLoaded(this ILogger logger, string kind, int count, long revision);

    [LoggerMessage(2002, LogLevel.Warning, "Store watch of {Kind} ended; restarting the watch cache")]
    public static partial void WatchCacheStreamEnded(this ILogger logger, string kind);

    [LoggerMessage(2003, LogLevel.Error, "Watch cache of {Kind} failed; restarting in {RetryDelay}")]
    public static partial void WatchCacheFailed(this ILogger logger, Exception exception, string kind, TimeSpan retryDelay);

    [LoggerMessage(2007, LogLevel.Warning, "Watch cache of {Kind} cannot reach the store: {Problem}; retrying in {RetryDelay}")]
    public static partial void WatchCacheStoreUnavailable(this ILogger logger, string kind, string problem, TimeSpan retryDelay);

    [LoggerMessage(2004, LogLevel.Warning, "Dropped a slow {Kind} watcher at revision {Revision}")]
    public static partial void SlowWatcherDropped(this ILogger logger, string kind, long revision);

    [LoggerMessage(2005, LogLevel.Error, "Direct store watch of {Kind} after revision {Revision} failed")]
    public static partial void DirectWatchFailed(this ILogger logger, Exception exception, string kind, long revision);

    [LoggerMessage(2006, LogLevel.Debug, "Watch of {Kind} in {Namespace} started after revision {Revision}")]
    public static partial void WatchStarted(this ILogger logger, string kind, string @namespace, long revision);

    [LoggerMessage(3001, LogLevel.Error, "Request {Method} {Path} failed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(3002, LogLevel.Warning, "Request {Method} {Path} failed with {StatusCode}")]
    public static partial void RequestUnavailable(this ILogger logger, Exception exception, string method, string path, int statusCode);

    [LoggerMessage(3003, LogLevel.Warning, "Readiness check failed: the store did not answer")]
    public static partial void ReadinessFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2007, LogLevel.Information, "Deleted {Count} events older than {TimeToLive}")]
    public static partial void EventsExpired(this ILogger logger, int count, TimeSpan timeToLive);

    [LoggerMessage(3004, LogLevel.Error, "Event expiry sweep failed; retrying in {SweepInterval}")]
    public static partial void EventSweepFailed(this ILogger logger, Exception exception, TimeSpan sweepInterval);
}
