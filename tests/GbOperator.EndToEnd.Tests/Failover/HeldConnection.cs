using System.Diagnostics;

namespace GbOperator.EndToEnd.Tests.Failover;

/// <summary>A client program that keeps one connection open and reads commands from its standard input.</summary>
internal sealed class HeldConnection : IDisposable
{
    private readonly Process _process;

    private HeldConnection(Process process)
    {
        _process = process;
    }

    public static HeldConnection Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting {fileName} failed.");

        // Drain the output so a full pipe never blocks the client.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HeldConnection(process);
    }

    /// <summary>Whether the client program has exited, as psql does when its server connection is lost.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Sends one command line to the client.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
