using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GbOperator.ApiServer.Tests.Kubectl;

/// <summary>kubectl, run as a child process against a test server.</summary>
/// <remarks>
/// The binary is <c>GBO_KUBECTL</c> when set, otherwise the first kubectl 1.20 among
/// <c>/opt/kubernetes-client/usr/bin/kubectl</c> (where <c>hack/install-kubectl.sh</c> unpacks Debian's package when
/// another package owns <c>/usr/bin/kubectl</c>) and <c>/usr/bin/kubectl</c>, otherwise <c>/usr/bin/kubectl</c> of any version.
/// </remarks>
public sealed partial class KubectlTool
{
    private static readonly Lazy<string?> LocatedPath = new(Locate);

    private readonly string _kubeconfig;
    private readonly string _cacheDirectory;

    public KubectlTool(string kubeconfig, string cacheDirectory)
    {
        _kubeconfig = kubeconfig;
        _cacheDirectory = cacheDirectory;
    }

    /// <summary>Path of the kubectl to run, or <c>null</c> when none is installed.</summary>
    public static string? Path => LocatedPath.Value;

    /// <summary>Runs kubectl to completion and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts kubectl with redirected output, for commands that do not end by themselves such as <c>get -w</c>.</summary>
    public Process Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Path ?? throw new InvalidOperationException("kubectl is not installed; run hack/install-kubectl.sh."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("--kubeconfig");
        startInfo.ArgumentList.Add(_kubeconfig);
        startInfo.ArgumentList.Add("--cache-dir");
        startInfo.ArgumentList.Add(_cacheDirectory);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {startInfo.FileName} failed.");
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("GBO_KUBECTL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        string[] candidates = ["/opt/kubernetes-client/usr/bin/kubectl", "/usr/bin/kubectl"];
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && IsVersion120(candidate))
            {
                return candidate;
            }
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private static bool IsVersion120(string path)
    {
        var startInfo = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("version");
        startInfo.ArgumentList.Add("--client");
        using var process = Process.Start(startInfo);
        if (process is null)
        {
            return false;
        }

        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(TimeSpan.FromSeconds(30));
        return ClientVersion120().IsMatch(output);
    }

    [GeneratedRegex(@"GitVersion:""v1\.20\.")]
    private static partial Regex ClientVersion120();
}
