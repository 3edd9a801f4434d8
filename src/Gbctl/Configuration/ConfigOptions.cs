namespace Gbctl.Configuration;

/// <summary>The connection flags a user passed on the command line, <c>null</c> where a flag is absent.</summary>
internal sealed record ConfigOptions(string? Kubeconfig, string? Server, string? Context, string? Namespace);
