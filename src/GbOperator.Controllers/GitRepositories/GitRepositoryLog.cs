using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>Log messages of the GitRepository reconciler, with fixed event ids from 1400.</summary>
internal static partial class GitRepositoryLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Applied {Count} objects from commit {Commit}")]
    public static partial void Synced(ILogger logger, int count, string commit);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Set {Kind} {Namespace}/{Name} back to the repository's values of {Fields}, changed by {Managers}")]
    public static partial void DriftRepaired(ILogger logger, string kind, string @namespace, string name, string fields, string managers);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Pruned {Kind} {Namespace}/{Name}, whose manifest left the repository")]
    public static partial void Pruned(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Fetching the repository failed: {Problem}")]
    public static partial void FetchFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Commit {Commit} was not applied: {Problem}")]
    public static partial void CommitRejected(ILogger logger, string commit, string problem);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Prune rejected: {Problem}")]
    public static partial void PruneRejected(ILogger logger, string problem);
}
