using k8s;

namespace Gbctl.Configuration;

/// <summary>Where and how gbctl connects, after the config file and the command-line flags are combined.</summary>
/// <param name="Server">Base address of the API server.</param>
/// <param name="Namespace">Namespace used when a command and its objects name none.</param>
/// <param name="Source">Describes where the server address came from, for error messages.</param>
/// <param name="Credentials">Credentials and TLS settings from the config file, or <c>null</c> for plain HTTP without authentication.</param>
internal sealed record ClientSettings(Uri Server, string Namespace, string Source, KubernetesClientConfiguration? Credentials);
