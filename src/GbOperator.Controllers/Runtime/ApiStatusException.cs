using System.Net;

namespace GbOperator.Controllers.Runtime;

/// <summary>A failure that the API server reported as a Kubernetes <c>Status</c> object.</summary>
/// <param name="statusCode">HTTP status code, also the <c>code</c> field of the Status.</param>
/// <param name="reason">Machine-readable <c>reason</c>, such as <c>NotFound</c>, <c>Conflict</c> or <c>Expired</c>.</param>
/// <param name="message">Human-readable <c>message</c> of the Status.</param>
public sealed class ApiStatusException(HttpStatusCode statusCode, string reason, string message)
    : Exception($"API server returned {(int)statusCode} {reason}: {message}")
{
    /// <summary>HTTP status code of the failure.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Kubernetes reason of the failure, or an empty string when the server gave none.</summary>
    public string Reason { get; } = reason;

    /// <summary>Whether the requested resourceVersion is older than the server's history (HTTP 410), so the caller must list again.</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone;

    /// <summary>Whether a write failed because the object moved past the given resourceVersion (HTTP 409 Conflict).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && Reason == "Conflict";

    /// <summary>Whether the object does not exist (HTTP 404).</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
