namespace GbOperator.Infrastructure.Lxd;

/// <summary>
/// LXD could not be reached or did not respond in time after the retries: the socket is missing or refused, the
/// circuit is open, or an attempt or the operation deadline timed out.
/// </summary>
public sealed class LxdUnavailableException(string operation, string project, string? instance, string reason, Exception? innerException = null)
    : LxdException(operation, project, instance, reason, statusCode: null, innerException)
{
}
