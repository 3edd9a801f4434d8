using System.Net;

namespace GbOperator.Infrastructure.Resilience;

/// <summary>
/// Signals inside the pipeline that a server returned a status worth retrying. The client turns it into
/// its own typed exception when the retries are used up.
/// </summary>
internal sealed class TransientHttpStatusException(HttpStatusCode statusCode, string serverMessage)
    : Exception($"The server returned {(int)statusCode} {statusCode}: {serverMessage}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string ServerMessage { get; } = serverMessage;
}
