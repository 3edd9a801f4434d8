using System.Diagnostics;

namespace GbOperator.Benchmarks.Harness;

/// <summary>Names the measured commit.</summary>
internal static class GitCommit
{
    /// <summary>Returns the short commit hash, with <c>-dirty</c> when tracked files changed, or <c>unknown</c> without git.</summary>
    public static async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var startInfo = new ProcessStartInfo("git", ["describe", "--always", "--dirty", "--abbrev=12", "--exclude=*"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return "unknown";
            }

            string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 && output.Trim().Length > 0 ? output.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
