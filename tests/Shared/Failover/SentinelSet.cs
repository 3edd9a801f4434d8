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

    /// <summary>Sends SIGKILL to the Redis server in <c>redis0</c> or <c>redis1</c>, found by its PID file.</summary>
    public void KillServer(string server)
    {
        int pid = int.Parse(File.ReadAllText(Path.Combine(Folder, server, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
