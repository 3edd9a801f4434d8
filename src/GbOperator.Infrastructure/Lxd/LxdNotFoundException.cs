using System.Net;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>LXD returned 404: the instance, project, image alias, file or operation does not exist.</summary>
public sealed class LxdNotFoundException(string operation, string project, string? instance, string lxdError)
    : LxdException(operation, project, instance, lxdError, HttpStatusCode.NotFound)
{
}
