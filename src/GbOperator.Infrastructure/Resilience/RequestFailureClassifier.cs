using System.Net.Sockets;
using Polly.Timeout;

namespace GbOperator.Infrastructure.Resilience;

/// <summary>Decides which failures of an HTTP request the pipeline retries.</summary>
internal static class RequestFailureClassifier
{
    /// <summary>
    /// Returns true for failures that may pass on their own: a transient status, a refused, reset or missing
    /// connection, or an attempt that timed out. For a non-idempotent request only the failures that happen
    /// before the request is sent (refused connection, missing unix socket) count, so a create is never repeated
    /// after the server may have acted on it.
    /// </summary>
    public static bool IsTransient(Exception exception, bool idempotent)
    {
        if (IsConnectFailure(exception))
        {
            return true;
        }

        if (!idempotent)
        {
            return false;
        }

        return exception is TransientHttpStatusException or TimeoutRejectedException
            || (exception is HttpRequestException && FindSocketError(exception) is SocketError.ConnectionReset or SocketError.Shutdown);
    }

    /// <summary>Returns true when the connection could not be opened, so the server never saw the request.</summary>
    public static bool IsConnectFailure(Exception exception)
    {
        if (exception is not HttpRequestException httpException)
        {
            return false;
        }

        if (httpException.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return true;
        }

        return FindSocketError(exception) is SocketError.ConnectionRefused or SocketError.AddressNotAvailable;
    }

    private static SocketError? FindSocketError(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socketException)
            {
                return socketException.SocketErrorCode;
            }
        }

        return null;
    }
}
