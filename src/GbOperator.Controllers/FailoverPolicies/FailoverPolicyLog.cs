using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>Log messages of the FailoverPolicy reconciler, with fixed event ids from 1500.</summary>
internal static partial class FailoverPolicyLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Patroni leader key of {FailoverPolicy} changed to {Leader}")]
    public static partial void LeaderKeyChanged(ILogger logger, string failoverPolicy, string leader);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "PostgreSQL primary moved from {OldPrimary} to {NewPrimary}")]
    public static partial void PrimaryMoved(ILogger logger, string oldPrimary, string newPrimary);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Redis master moved from {OldMaster} to {NewMaster}")]
    public static partial void CacheMasterMoved(ILogger logger, string oldMaster, string newMaster);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Patroni is unavailable: {Problem}")]
    public static partial void PatroniUnavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "The Sentinels are unavailable: {Problem}")]
    public static partial void SentinelsUnavailable(ILogger logger, string problem);
}
