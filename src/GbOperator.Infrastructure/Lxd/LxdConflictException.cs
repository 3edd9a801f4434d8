using System.Net;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>
/// LXD rejected a change because the object moved: 409 (already exists) or 412 (stale ETag after the client's
/// own re-reads were used up).
/// </summary>
public sealed class LxdConflictException(string operation, string project, string? instance, string lxdError, HttpStatusCode statusCode)
    : LxdException(operation, project, instance, lxdError, statusCode)
{
}
