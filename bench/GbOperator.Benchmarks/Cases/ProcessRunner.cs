using System.Diagnostics;

namespace GbOperator.Benchmarks.Cases;

/// <summary>Runs a command to completion and captures its output.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>, killing it after <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {fileName} failed.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs the command and throws with its error output unless it exits 0.</summary>
    public static async Task<string> RunCheckedAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var argumentList = arguments.ToList();
        var (exitCode, output, error) = await RunAsync(fileName, argumentList, timeout, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', argumentList)} exited with {exitCode}: {error.Trim()}");
        }

        return output;
    }
}
