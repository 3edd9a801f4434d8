using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Postgres;

/// <summary>Log messages of the PostgreSQL client, with fixed event ids.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Created database {Database} on {Endpoint}")]
    public static partial void DatabaseCreated(ILogger logger, string database, string endpoint);
}
