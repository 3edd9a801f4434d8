namespace Gbctl.Api;

/// <summary>The API server could not be reached at all: refused, unresolvable or timed out.</summary>
internal sealed class ServerUnreachableException(Uri server, string source, Exception innerException)
    : Exception(
        $"cannot reach the API server at {server.ToString().TrimEnd('/')} (from {source}): {innerException.Message}. Is gb-operator serve running? Set --server or --kubeconfig.",
        innerException)
{
}
