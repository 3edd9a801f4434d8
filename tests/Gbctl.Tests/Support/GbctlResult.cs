namespace Gbctl.Tests.Support;

/// <summary>The exit code and output of one gbctl run.</summary>
internal sealed record GbctlResult(int ExitCode, string Output, string Error)
{
    /// <summary>Formats the run for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
