using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>Log messages of the Caddy admin client, with fixed event ids.</summary>
internal static partial class CaddyLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Loaded a new Caddy configuration through {AdminUrl} ({Bytes} bytes)")]
    public static partial void Loaded(ILogger logger, Uri adminUrl, int bytes);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Changed Caddy configuration: {Method} {Path}")]
    public static partial void Changed(ILogger logger, string method, string path);
}
