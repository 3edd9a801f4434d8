using System.Net;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>An LXD request or operation failed.</summary>
/// <remarks>
/// <see cref="StatusCode"/> is the HTTP status of an error envelope, or null when the failure came from an
/// asynchronous operation, a timeout or the connection. Match on the status or the subclass, not on
/// <see cref="LxdError"/>: LXD's texts are not a stable API.
/// </remarks>
public class LxdException : Exception
{
    /// <summary>Creates the exception; the message names the operation, the project, the instance and LXD's text.</summary>
    public LxdException(
        string operation, string project, string? instance, string lxdError, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(FormatMessage(operation, project, instance, lxdError, statusCode), innerException)
    {
        Operation = operation;
        Project = project;
        Instance = instance;
        LxdError = lxdError;
        StatusCode = statusCode;
    }

    /// <summary>Client operation that failed, such as <c>create instance</c>.</summary>
    public string Operation { get; }

    /// <summary>LXD project of the request.</summary>
    public string Project { get; }

    /// <summary>Instance involved, when there is one.</summary>
    public string? Instance { get; }

    /// <summary>Error text from LXD (the envelope's <c>error</c> or the operation's <c>err</c>), or the client's own description.</summary>
    public string LxdError { get; }

    /// <summary>HTTP status of LXD's error envelope, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    private static string FormatMessage(string operation, string project, string? instance, string lxdError, HttpStatusCode? statusCode)
    {
        string subject = instance is null ? $"project '{project}'" : $"instance '{instance}' in project '{project}'";
        string status = statusCode is null ? string.Empty : $" ({(int)statusCode})";
        return $"LXD {operation} on {subject} failed{status}: {lxdError}";
    }
}
