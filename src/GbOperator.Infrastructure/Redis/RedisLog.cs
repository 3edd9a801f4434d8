using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Redis;

/// <summary>Log messages of the Redis Cluster inspector, with fixed event ids.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 3700, Level = LogLevel.Warning, Message = "Redis node {Endpoint} did not answer CLUSTER INFO")]
    public static partial void NodeUnreachable(ILogger logger, Exception exception, string endpoint);
}
