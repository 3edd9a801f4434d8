using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Git;

/// <summary>
/// A local clone of one branch of a repository, kept in a cache folder and updated with the <c>git</c> command
/// (Debian's git 2.39 here).
/// </summary>
/// <remarks>
/// Each fetch downloads only the branch's latest commit (<c>--depth 1</c>) and checks it out detached, so the
/// folder always contains exactly that commit's files. Git runs with no terminal prompts and no system or global
/// configuration, so a repository that needs credentials fails instead of waiting.
/// </remarks>
public sealed class GitCheckout(string folder, ILogger<GitCheckout> logger)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The folder of the working tree.</summary>
    public string Folder { get; } = folder;

    /// <summary>Fetches the latest commit of <paramref name="branch"/> from <paramref name="url"/> and checks it out.</summary>
    /// <returns>The full hash of the checked-out commit.</returns>
    /// <exception cref="GitException">The repository cannot be read, has no such branch, or the checkout failed.</exception>
    public async Task<string> FetchAsync(string url, string branch, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        if (!Directory.Exists(Path.Combine(Folder, ".git")))
        {
            await RunAsync(GitFailure.CheckoutFailed, cancellationToken, "init", "--quiet");
        }

        var remoteRef = $"refs/remotes/origin/{branch}";
        var fetch = await RunCoreAsync(cancellationToken, "fetch", "--quiet", "--force", "--depth", "1", "--", url, $"+refs/heads/{branch}:{remoteRef}");
        if (fetch.ExitCode != 0)
        {
            var failure = fetch.Error.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase)
                ? GitFailure.BranchNotFound
                : GitFailure.FetchFailed;
            var message = failure == GitFailure.BranchNotFound
                ? $"branch \"{branch}\" not found in {url}"
                : $"fetching {url} failed: {FirstLine(fetch.Error)}";
            throw new GitException(failure, message);
        }

        var commit = (await RunAsync(GitFailure.CheckoutFailed, cancellationToken, "rev-parse", "--verify", remoteRef + "^{commit}")).Trim();
        await RunAsync(GitFailure.CheckoutFailed, cancellationToken, "checkout", "--quiet", "--force", "--detach", commit);
        await RunAsync(GitFailure.CheckoutFailed, cancellationToken, "clean", "--quiet", "-d", "--force", "-x");
        GitLog.CheckedOut(logger, commit, url, branch, Folder);
        return commit;
    }

    private async Task<string> RunAsync(GitFailure failure, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunCoreAsync(cancellationToken, arguments);
        if (result.ExitCode != 0)
        {
            throw new GitException(failure, $"git {arguments[0]} in {Folder} failed with exit code {result.ExitCode}: {FirstLine(result.Error)}");
        }

        return result.Output;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunCoreAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("advice.detachedHead=false");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        startInfo.Environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        using var process = Process.Start(startInfo) ?? throw new GitException(GitFailure.FetchFailed, "starting git failed; install Debian's git package");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new GitException(GitFailure.FetchFailed, $"git {arguments[0]} timed out after {CommandTimeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string FirstLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var builder = new StringBuilder();
        foreach (var line in lines.Where(line => line.StartsWith("fatal:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal)).DefaultIfEmpty(lines.FirstOrDefault() ?? "no error output"))
        {
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(line);
        }

        return builder.ToString();
    }
}
