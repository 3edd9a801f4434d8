using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Events;

/// <summary>Log messages of <see cref="EventRecorder"/>.</summary>
internal static partial class EventRecorderLog
{
    [LoggerMessage(7001, LogLevel.Warning, "Dropped event {Reason} about {Kind} {Namespace}/{Name}: {Problem} ({Suppressed} earlier failures not logged)")]
    public static partial void EventDropped(this ILogger logger, Exception? exception, string reason, string kind, string @namespace, string name, string problem, int suppressed);
}
