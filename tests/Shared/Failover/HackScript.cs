using System.Diagnostics;

namespace GbOperator.Tests.Failover;

/// <summary>Runs the hack/ scripts of the repository.</summary>
internal static class HackScript
{
    /// <summary>Runs <c>hack/NAME</c> with <paramref name="arguments"/> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The script failed or ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<string> RunAsync(string name, TimeSpan timeout, params string[] arguments)
    {
        string script = Path.Combine(RepositoryRoot(), "hack", name);
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {script} failed.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{script} {string.Join(' ', arguments)}' timed out after {timeout}: {await error}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{script} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <summary>Reads the <c>export NAME=VALUE</c> lines that a script printed.</summary>
    public static Dictionary<string, string> ParseExports(string output)
    {
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n'))
        {
            const string prefix = "export ";
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith(prefix, StringComparison.Ordinal) && equals > 0)
            {
                exports[line[prefix.Length..equals]] = line[(equals + 1)..].Trim().Trim('\'', '"');
            }
        }

        return exports;
    }

    /// <summary>Creates an empty folder for one test's services under the system's temporary folder.</summary>
    public static string CreateStateFolder(string prefix)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string RepositoryRoot()
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
