using System.Net;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>A Caddy admin API request failed.</summary>
/// <remarks>
/// Caddy 2.6.2 returns 500 for a rejected config change (key exists, key missing, invalid config), 404 for an
/// unknown <c>@id</c> and 412 when <c>If-Match</c> no longer matches. A failed change is rolled back, so the old
/// configuration keeps running.
/// </remarks>
public class CaddyAdminException : Exception
{
    /// <summary>Creates the exception; the message names the operation, the path and Caddy's text.</summary>
    public CaddyAdminException(string operation, string path, string caddyError, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base($"Caddy {operation} {path} failed{(statusCode is null ? string.Empty : $" ({(int)statusCode})")}: {caddyError}", innerException)
    {
        Operation = operation;
        Path = path;
        CaddyError = caddyError;
        StatusCode = statusCode;
    }

    /// <summary>Client operation that failed, such as <c>load</c> or <c>patch</c>.</summary>
    public string Operation { get; }

    /// <summary>Admin API path of the request.</summary>
    public string Path { get; }

    /// <summary>The <c>error</c> text from Caddy's JSON error body, or the client's own description.</summary>
    public string CaddyError { get; }

    /// <summary>HTTP status of Caddy's response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether Caddy rejected the change because the <c>If-Match</c> ETag is stale (412); read again and retry.</summary>
    public bool IsPreconditionFailed => StatusCode == HttpStatusCode.PreconditionFailed;
}
