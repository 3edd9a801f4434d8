namespace Gbctl.Cli;

/// <summary>A failure caused by the command line, the config or local files, printed as <c>error: message</c>.</summary>
internal sealed class CliException(string message) : Exception(message)
{
}
