using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Resilience;

/// <summary>Log messages of the client resilience pipeline, with fixed event ids.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "{Target} {Operation} on {Resource} failed (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}")]
    public static partial void Retrying(
        ILogger logger, Exception? exception, string target, string operation, string resource, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "{Target} {Operation} on {Resource} failed after {Attempts} attempt(s); giving up")]
    public static partial void GaveUp(ILogger logger, Exception exception, string target, string operation, string resource, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "Circuit to {Target} opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, Exception? exception, string target, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Circuit to {Target} closed again")]
    public static partial void CircuitClosed(ILogger logger, string target);
}
