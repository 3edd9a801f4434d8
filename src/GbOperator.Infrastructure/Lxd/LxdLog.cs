using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Log messages of the LXD client, with fixed event ids.</summary>
internal static partial class LxdLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Created LXD project {Project}")]
    public static partial void ProjectCreated(ILogger logger, string project);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Deleted LXD project {Project}")]
    public static partial void ProjectDeleted(ILogger logger, string project);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Created instance {Instance} in project {Project} from image {ImageAlias}")]
    public static partial void InstanceCreated(ILogger logger, string instance, string project, string imageAlias);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Started instance {Instance} in project {Project}")]
    public static partial void InstanceStarted(ILogger logger, string instance, string project);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Stopped instance {Instance} in project {Project}")]
    public static partial void InstanceStopped(ILogger logger, string instance, string project);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning,
        Message = "Instance {Instance} in project {Project} did not {Action} within {Timeout}; forcing it")]
    public static partial void ForcingStateChange(ILogger logger, Exception exception, string instance, string project, string action, TimeSpan timeout);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Restarted instance {Instance} in project {Project}")]
    public static partial void InstanceRestarted(ILogger logger, string instance, string project);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Information, Message = "Deleted instance {Instance} in project {Project}")]
    public static partial void InstanceDeleted(ILogger logger, string instance, string project);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Information, Message = "Set device {Device} of instance {Instance} in project {Project}")]
    public static partial void DeviceSet(ILogger logger, string device, string instance, string project);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "Removed device {Device} of instance {Instance} in project {Project}")]
    public static partial void DeviceRemoved(ILogger logger, string device, string instance, string project);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Set config keys {Keys} of instance {Instance} in project {Project}")]
    public static partial void ConfigSet(ILogger logger, string keys, string instance, string project);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Pushed {Path} ({Bytes} bytes) into instance {Instance} in project {Project}")]
    public static partial void FilePushed(ILogger logger, string path, int bytes, string instance, string project);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning,
        Message = "ETag of instance {Instance} in project {Project} changed during {Operation} (attempt {Attempt} of {MaxAttempts}); reading it again")]
    public static partial void EtagConflict(ILogger logger, string instance, string project, string operation, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Warning, Message = "Deleting exec output {Path} of instance {Instance} in project {Project} failed")]
    public static partial void ExecOutputNotDeleted(ILogger logger, Exception exception, string path, string instance, string project);
}
