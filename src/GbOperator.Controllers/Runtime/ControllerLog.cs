using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <summary>Log messages of controllers and their runner, with fixed event ids from 1200.</summary>
internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Controller {Controller} starting with {Workers} workers")]
    public static partial void Starting(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Controller {Controller} synced; workers running")]
    public static partial void WorkersStarted(ILogger logger, string controller);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Controller {Controller} stopping; waiting for {Processing} reconciles in flight")]
    public static partial void Stopping(ILogger logger, string controller, int processing);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Controller {Controller} did not drain in time; cancelling the reconciles in flight")]
    public static partial void DrainTimedOut(ILogger logger, string controller);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
    public static partial void Stopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Loop {Loop} of controller {Controller} stopped on an unexpected error")]
    public static partial void LoopFaulted(ILogger logger, Exception exception, string loop, string controller);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "Reconciled {Key} in {Elapsed}")]
    public static partial void Reconciled(ILogger logger, ObjectKey key, TimeSpan elapsed);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Debug, Message = "Reconciled {Key} in {Elapsed}; requeued after {Delay}")]
    public static partial void Requeued(ILogger logger, ObjectKey key, TimeSpan elapsed, TimeSpan delay);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Reconcile of {Key} threw; retry {Attempt} of {MaxRetries} in {Delay}")]
    public static partial void RetryingAfterException(ILogger logger, Exception exception, ObjectKey key, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "Reconcile of {Key} failed: {Error}; retry {Attempt} of {MaxRetries} in {Delay}")]
    public static partial void RetryingAfterFailure(ILogger logger, ObjectKey key, string error, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Error, Message = "Reconcile of {Key} threw {MaxRetries} times in a row; giving up until the object changes or the next resync")]
    public static partial void GaveUpAfterException(ILogger logger, Exception exception, ObjectKey key, int maxRetries);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Error, Message = "Reconcile of {Key} failed {MaxRetries} times in a row: {Error}; giving up until the object changes or the next resync")]
    public static partial void GaveUpAfterFailure(ILogger logger, ObjectKey key, string error, int maxRetries);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Error, Message = "Reconcile of {Key} failed and will not be retried: {Error}")]
    public static partial void TerminalFailure(ILogger logger, ObjectKey key, string error);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Information, Message = "Reconcile of {Key} cancelled because the controller is stopping")]
    public static partial void Cancelled(ILogger logger, ObjectKey key);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Controller runner starting {Count} controllers")]
    public static partial void RunnerStarting(ILogger logger, int count);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Information, Message = "Controller runner stopped")]
    public static partial void RunnerStopped(ILogger logger);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Error, Message = "Controller {Controller} failed to stop")]
    public static partial void StopFailed(ILogger logger, Exception exception, string controller);
}
