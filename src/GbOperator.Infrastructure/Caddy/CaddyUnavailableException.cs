namespace GbOperator.Infrastructure.Caddy;

/// <summary>The admin API could not be reached or did not respond in time after the retries, or its circuit is open.</summary>
public sealed class CaddyUnavailableException(string operation, string path, string reason, Exception? innerException = null)
    : CaddyAdminException(operation, path, reason, statusCode: null, innerException)
{
}
