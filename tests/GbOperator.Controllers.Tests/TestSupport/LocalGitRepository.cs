using System.Diagnostics;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>A Git repository in a temporary folder, changed and committed with the git command.</summary>
internal sealed class LocalGitRepository : IDisposable
{
    private LocalGitRepository(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Creates an empty repository whose first branch is <paramref name="branch"/>.</summary>
    public static LocalGitRepository Create(string parent, string branch = "main")
    {
        var folder = Path.Combine(parent, "repo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var repository = new LocalGitRepository(folder);
        repository.Git("init", "--quiet", "--initial-branch", branch);
        return repository;
    }

    /// <summary>Writes a file, creating its folder.</summary>
    public LocalGitRepository Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public LocalGitRepository Delete(string relativePath)
    {
        File.Delete(Path.Combine(Folder, relativePath));
        return this;
    }

    /// <summary>Commits every change and returns the commit's full hash.</summary>
    public string Commit(string message)
    {
        Git("add", "--all");
        Git("-c", "user.name=GbOperator tests", "-c", "user.email=tests@localhost", "commit", "--quiet", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Git(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {error}");
        }

        return output;
    }
}
