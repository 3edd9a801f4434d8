using Microsoft.Extensions.Logging;

namespace GbOperator.Storage.Etcd;

/// <summary>Log messages of the etcd store, with fixed event ids.</summary>
internal static partial class EtcdStoreLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Opened etcd store at {Endpoints}")]
    public static partial void Opened(ILogger logger, string endpoints);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Closed etcd store at {Endpoints}")]
    public static partial void Closed(ILogger logger, string endpoints);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Compacted etcd at {Endpoints} to revision {Revision}")]
    public static partial void Compacted(ILogger logger, string endpoints, long revision);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "etcd at {Endpoints} failed to {Operation} {Key} with status {StatusCode}")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string endpoints, string operation, string? key, Grpc.Core.StatusCode statusCode);

    /// <summary>Logs a request that failed because etcd could not be reached: one line, because its stack trace adds nothing.</summary>
    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "etcd at {Endpoints} is not reachable to {Operation} {Key}: {StatusCode} {Detail}")]
    public static partial void Unreachable(ILogger logger, string endpoints, string operation, string? key, Grpc.Core.StatusCode statusCode, string detail);
}
