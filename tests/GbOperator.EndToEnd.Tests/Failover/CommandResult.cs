namespace GbOperator.EndToEnd.Tests.Failover;

/// <summary>Exit code and output of a finished program.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output without surrounding white space.</summary>
    public string Text => Output.Trim();

    /// <summary>Returns <see cref="Text"/>; throws with the error output when the program failed.</summary>
    public string EnsureSuccess(string description) => ExitCode == 0
        ? Text
        : throw new InvalidOperationException($"{description} failed with exit code {ExitCode}: {Error.Trim()}");
}
