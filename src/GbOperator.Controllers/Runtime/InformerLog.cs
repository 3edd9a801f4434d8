using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <summary>Log messages of <see cref="Informer{T}"/>, with fixed event ids from 1100.</summary>
internal static partial class InformerLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Informer for {Kind} starting in namespace {Namespace}")]
    public static partial void Starting(ILogger logger, string kind, string @namespace);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Informer for {Kind} stopped")]
    public static partial void Stopped(ILogger logger, string kind);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Listed {Count} {Kind} objects at revision {Revision}")]
    public static partial void Listed(ILogger logger, int count, string kind, string revision);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Informer for {Kind} synced with {Count} objects")]
    public static partial void Synced(ILogger logger, string kind, int count);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Watch of {Kind} from revision {Revision} expired (410 Gone); relisting in {Delay}")]
    public static partial void WatchExpired(ILogger logger, string kind, string revision, TimeSpan delay);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Watch of {Kind} from revision {Revision} closed at once with no event; relisting in {Delay}")]
    public static partial void WatchClosed(ILogger logger, string kind, string revision, TimeSpan delay);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Debug, Message = "Watch of {Kind} closed by the server; watching again from revision {Revision}")]
    public static partial void WatchResumed(ILogger logger, string kind, string revision);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "List or watch of {Kind} failed (attempt {Attempt}); relisting in {Delay}")]
    public static partial void ListWatchFailed(ILogger logger, Exception exception, string kind, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "Event handler of {Kind} failed on {Event} of {Key}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string kind, string @event, ObjectKey key);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Debug, Message = "Resync of {Kind} re-enqueued {Count} objects")]
    public static partial void Resynced(ILogger logger, string kind, int count);
}
