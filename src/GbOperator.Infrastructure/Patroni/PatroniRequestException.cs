using System.Net;

namespace GbOperator.Infrastructure.Patroni;

/// <summary>Patroni rejected a request, such as a switchover to a member that does not exist.</summary>
public sealed class PatroniRequestException(HttpStatusCode statusCode, string serverMessage)
    : Exception($"Patroni rejected the request with {(int)statusCode} {statusCode}: {serverMessage}")
{
    /// <summary>The HTTP status Patroni returned.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Patroni's plain-text reason, such as <c>candidate name does not match with sync_standby</c>.</summary>
    public string ServerMessage { get; } = serverMessage;
}
