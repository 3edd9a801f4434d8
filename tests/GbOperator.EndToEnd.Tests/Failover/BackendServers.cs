using GbOperator.Infrastructure.Tests;

namespace GbOperator.EndToEnd.Tests.Failover;

/// <summary>
/// Two plain PostgreSQL servers and two plain Redis servers from <c>hack/postgres.sh</c> and <c>hack/redis.sh</c>,
/// each on its own 127.0.0.1 port with its data under one test folder. Each server contains a marker that names it.
/// </summary>
internal sealed class BackendServers : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _hack;

    private BackendServers(string folder, string hack)
    {
        _folder = folder;
        _hack = hack;
    }

    /// <summary>
    /// PostgreSQL server A as <c>127.0.0.1:PORT</c>; its table <c>marker</c> contains the row <c>A</c>, and its table
    /// <c>writes</c> is empty.
    /// </summary>
    public string PostgresA { get; private set; } = "";

    /// <summary>PostgreSQL server B; its table <c>marker</c> contains the row <c>B</c>.</summary>
    public string PostgresB { get; private set; } = "";

    /// <summary>Redis server A; its key <c>marker</c> is <c>A</c>.</summary>
    public string RedisA { get; private set; } = "";

    /// <summary>Redis server B; its key <c>marker</c> is <c>B</c>.</summary>
    public string RedisB { get; private set; } = "";

    public static async Task<BackendServers> StartAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("hack/postgres.sh and hack/redis.sh run on Debian only.");
        }

        string folder = Directory.CreateTempSubdirectory("gbo-failover-").FullName;

        // PostgreSQL runs as the postgres user, which must reach its data folder below this one.
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var servers = new BackendServers(folder, Path.Combine(LocalServicesFixture.FindRepositoryRoot(), "hack"));
        try
        {
            var postgresA = servers.StartServerAsync("postgres.sh", "postgres-a");
            var postgresB = servers.StartServerAsync("postgres.sh", "postgres-b");
            var redisA = servers.StartServerAsync("redis.sh", "redis-a");
            var redisB = servers.StartServerAsync("redis.sh", "redis-b");
            servers.PostgresA = await postgresA;
            servers.PostgresB = await postgresB;
            servers.RedisA = await redisA;
            servers.RedisB = await redisB;

            foreach (var (endpoint, marker) in new[] { (servers.PostgresA, "A"), (servers.PostgresB, "B") })
            {
                await QueryPostgresAsync(endpoint, $"create table marker (name text); insert into marker values ('{marker}'); create table writes (name text)");
            }

            foreach (var (endpoint, marker) in new[] { (servers.RedisA, "A"), (servers.RedisB, "B") })
            {
                await RedisAsync(endpoint, "set", "marker", marker);
            }

            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs SQL on a server from the host with psql and returns its unaligned output.</summary>
    public static async Task<string> QueryPostgresAsync(string endpoint, string sql) =>
        (await CommandLine.RunAsync("psql", ["-X", "-h", Host(endpoint), "-p", Port(endpoint), "-U", "postgres", "-d", "postgres", "-Atc", sql]))
            .EnsureSuccess($"psql on {endpoint}");

    /// <summary>Runs one Redis command on a server from the host with redis-cli and returns its output.</summary>
    public static async Task<string> RedisAsync(string endpoint, params string[] command) =>
        (await CommandLine.RunAsync("redis-cli", ["-h", Host(endpoint), "-p", Port(endpoint), .. command]))
            .EnsureSuccess($"redis-cli on {endpoint}");

    public async ValueTask DisposeAsync()
    {
        foreach (string name in new[] { "postgres-a", "postgres-b" })
        {
            await StopServerAsync("postgres.sh", name);
        }

        foreach (string name in new[] { "redis-a", "redis-b" })
        {
            await StopServerAsync("redis.sh", name);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> StartServerAsync(string script, string name)
    {
        var result = await CommandLine.RunAsync("bash", [Path.Combine(_hack, script), "start", Path.Combine(_folder, name)]);
        return result.EnsureSuccess($"hack/{script} start").Split('\n')[^1].Trim();
    }

    private async Task StopServerAsync(string script, string name)
    {
        if (Directory.Exists(Path.Combine(_folder, name)))
        {
            await CommandLine.RunAsync("bash", [Path.Combine(_hack, script), "stop", Path.Combine(_folder, name)]);
        }
    }

    private static string Host(string endpoint) => endpoint[..endpoint.LastIndexOf(':')];

    private static string Port(string endpoint) => endpoint[(endpoint.LastIndexOf(':') + 1)..];
}
