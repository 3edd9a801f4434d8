namespace GbOperator.Tests.Failover;

/// <summary>
/// A Redis master, a replica and three Sentinels of its own for one test class, started with
/// <c>hack/redis-sentinel.sh</c> in a temporary folder.
/// </summary>
public sealed class SentinelSet : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Folder with every server's files.</summary>
    public string Folder { get; } = HackScript.CreateStateFolder("gbo-rs");

    /// <summary>Sentinels as <c>127.0.0.1:PORT</c>.</summary>
    public IReadOnlyList<string> Sentinels { get; private set; } = [];

    /// <summary>Monitored master name.</summary>
    public string MasterName { get; private set; } = "";

    /// <summary>Address of the first master as <c>127.0.0.1:PORT</c>.</summary>
    public string FirstMaster => File.ReadAllText(Path.Combine(Folder, "redis0", "endpoint")).Trim();

    /// <summary>Address of the first replica as <c>127.0.0.1:PORT</c>.</summary>
    public string FirstReplica => File.ReadAllText(Path.Combine(Folder, "redis1", "endpoint")).Trim();

    public async Task InitializeAsync() => await StartAsync();

    public async Task DisposeAsync()
    {
        await HackScript.RunAsync("redis-sentinel.sh", ScriptTimeout, "stop", Folder);
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Starts the set, or restarts all of it when part of it stopped.</summary>
    public async Task StartAsync()
    {
        var exports = HackScript.ParseExports(await HackScript.RunAsync("redis-sentinel.sh", ScriptTimeout, "start", Folder));
        Sentinels = exports["GBO_SENTINEL_ENDPOINTS"].Split(',');
        MasterName = exports["GBO_SENTINEL_MASTER"];
    }

    /// <summary>Stops the whole set and starts it again from fresh Sentinel files, undoing failovers and re-monitoring.</summary>
    public async Task RestartAsync()
    {
        await HackScript.RunAsync("redis-sentinel.sh", ScriptTimeout, "stop", Folder);
        await StartAsync();
    }

    /// <summary>Runs <c>redis-cli</c> against one server or Sentinel and returns its output.</summary>
    public static async Task<string> RedisCliAsync(string endpoint, params string[] command)
    {
        int colon = endpoint.LastIndexOf(':');
        var startInfo = new System.Diagnostics.ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-h", endpoint[..colon], "-p", endpoint[(colon + 1)..], .. command])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(startInfo) ?? throw new InvalidOperationException("Starting redis-cli failed.");
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"redis-cli {string.Join(' ', command)} on {endpoint} failed: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Sends SIGKILL to the Redis server in <c>redis0</c> or <c>redis1</c>, found by its PID file.</summary>
    public void KillServer(string server)
    {
        int pid = int.Parse(File.ReadAllText(Path.Combine(Folder, server, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
