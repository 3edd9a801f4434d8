using GbOperator.Controllers.Tests.TestSupport;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>Two real PostgreSQL 15 servers on 127.0.0.1, started with <c>hack/postgres.sh</c> in a temporary folder and stopped after the tests.</summary>
public sealed class PostgresShardsFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gbo-pg-shards-{Guid.NewGuid():N}");

    /// <summary>Endpoint of the first server, as <c>127.0.0.1:PORT</c>.</summary>
    public string First { get; private set; } = "";

    /// <summary>Endpoint of the second server.</summary>
    public string Second { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var servers = await Task.WhenAll(
            HackScripts.RunAsync("postgres.sh", "start", Path.Combine(_folder, "shard1")),
            HackScripts.RunAsync("postgres.sh", "start", Path.Combine(_folder, "shard2")));
        First = LastLine(servers[0]);
        Second = LastLine(servers[1]);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            HackScripts.RunAsync("postgres.sh", "stop", Path.Combine(_folder, "shard1")),
            HackScripts.RunAsync("postgres.sh", "stop", Path.Combine(_folder, "shard2")));
        Directory.Delete(_folder, recursive: true);
    }

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
}
