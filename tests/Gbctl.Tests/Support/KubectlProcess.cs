using System.Diagnostics;

namespace Gbctl.Tests.Support;

/// <summary>
/// Runs the kubectl binary against a test server: the one named by <c>GB_KUBECTL</c>, else
/// <c>kubectl</c> on the PATH, with the server's kubeconfig and a private cache and home folder.
/// </summary>
internal sealed class KubectlProcess : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly LockedStringWriter _output = new();
    private readonly LockedStringWriter _error = new();

    private KubectlProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
    }

    /// <summary>Path or name of the kubectl binary the tests run.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("GB_KUBECTL") is { Length: > 0 } path ? path : "kubectl";

    /// <summary>Standard output so far.</summary>
    public string Output => _output.ToString();

    /// <summary>Standard error so far.</summary>
    public string Error => _error.ToString();

    /// <summary>Starts kubectl with <paramref name="args"/> against <paramref name="server"/>.</summary>
    public static KubectlProcess Start(GbctlServer server, params string[] args)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(server.KubeconfigPath);
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(Path.Combine(server.Folder, "kubectl-cache"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = server.Folder;
        start.Environment.Remove("KUBECONFIG");

        var process = new Process { StartInfo = start };
        var kubectl = new KubectlProcess(process);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return kubectl;
    }

    /// <summary>Runs kubectl to completion and returns its exit code and output.</summary>
    public static async Task<GbctlResult> RunAsync(GbctlServer server, params string[] args)
    {
        await using var kubectl = Start(server, args);
        var exitCode = await kubectl.WaitForExitAsync(CommandTimeout);
        return new GbctlResult(exitCode, kubectl.Output, kubectl.Error);
    }

    /// <summary>Waits for the process to exit and for its output to be read, failing after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"kubectl did not exit within {timeout.TotalSeconds:0} s; output: {Output}{Error}");
        }

        return _process.ExitCode;
    }

    /// <summary>Ends the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(LockedStringWriter writer, string? line)
    {
        if (line is not null)
        {
            writer.Write(line + "\n");
        }
    }
}
