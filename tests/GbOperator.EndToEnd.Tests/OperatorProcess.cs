using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using GbOperator.Infrastructure.Tests;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// A <c>gb-operator serve</c> child process, run with <c>dotnet gb-operator.dll</c> from the test assembly's folder,
/// with its standard output and error collected for failure messages.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OperatorProcess(Process process, Uri apiServer)
    {
        _process = process;
        ApiServer = apiServer;
    }

    public Uri ApiServer { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and error so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the operator on <paramref name="storeUrl"/>, listening on a free loopback port.</summary>
    public static OperatorProcess Start(string storeUrl, string lxdSocket, string lxdProject, Uri caddyAdminUrl)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "gb-operator.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("gb-operator.dll is missing next to the test assembly; build the solution first.", dll);
        }

        int port = FreePort.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "serve",
                "--store", storeUrl,
                "--listen", $"127.0.0.1:{port}",
                "--lxd-socket", lxdSocket,
                "--lxd-project", lxdProject,
                "--caddy-admin", caddyAdminUrl.ToString(),
            },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = startInfo };
        var operatorProcess = new OperatorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => operatorProcess.Append(line.Data);
        process.ErrorDataReceived += (_, line) => operatorProcess.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return operatorProcess;
    }

    /// <summary>Waits until /readyz returns 200, which needs the store and synced controller informers.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = ApiServer, Timeout = TimeSpan.FromSeconds(5) };
        await Wait.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"gb-operator exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
                }

                return (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK;
            },
            timeout,
            $"gb-operator on {ApiServer} reports ready");
    }

    /// <summary>Sends SIGKILL, so the operator gets no chance to clean up, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM through /bin/kill, the signal a service manager sends to stop the operator gracefully.</summary>
    public async Task TerminateAsync()
    {
        string pid = _process.Id.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill") { ArgumentList = { "-TERM", pid } })
            ?? throw new InvalidOperationException("Starting /bin/kill failed.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"/bin/kill -TERM {_process.Id} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>Waits until the process exits; returns <c>false</c> when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
