using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>Log messages of the autoscaler, with fixed event ids from 1600.</summary>
internal static partial class AutoscalerLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Scaled from {From} to {To} replicas by rule {Rule}: {Decision}")]
    public static partial void Scaled(ILogger logger, int from, int to, string rule, string decision);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Debug, Message = "No scaling: {Decision}")]
    public static partial void Held(ILogger logger, string decision);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Metric {Metric} is missing: {Reason}")]
    public static partial void MetricMissing(ILogger logger, string metric, string reason);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Error, Message = "Changing spec.replicas from {From} to {To} failed")]
    public static partial void ScalingFailed(ILogger logger, Exception exception, int from, int to);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "spec.replicas changed during the check; deciding again at the next check")]
    public static partial void ScalingRaced(ILogger logger);
}
