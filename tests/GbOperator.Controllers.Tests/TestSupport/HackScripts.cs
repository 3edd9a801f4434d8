using System.Diagnostics;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>Runs the repository's <c>hack/</c> scripts, which start real PostgreSQL and Redis servers on 127.0.0.1.</summary>
internal static class HackScripts
{
    /// <summary>Runs <c>hack/SCRIPT ARGS</c> with bash and returns its standard output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var path = Path.Combine(FindRepositoryRoot(), "hack", script);
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {path} failed.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{path} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await error}");
        }

        return (await output).Trim();
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GbOperator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains GbOperator.sln.");
    }
}
