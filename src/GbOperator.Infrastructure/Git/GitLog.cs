using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Git;

/// <summary>Log messages of the git client, with fixed event ids from 3300.</summary>
internal static partial class GitLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Debug, Message = "Checked out {Commit} of {Url} branch {Branch} in {Folder}")]
    public static partial void CheckedOut(ILogger logger, string commit, string url, string branch, string folder);
}
